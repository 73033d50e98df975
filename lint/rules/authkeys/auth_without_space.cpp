// `auth1`: accepted by a quirk of sscanf, not by design.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <variant>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA311",
    .name = "auth-without-space",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "the auth line has no blank between 'auth' and its number",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads the line with `sscanf(line, "auth %d")`, and a blank in a scanf format
matches *zero* or more blanks, so `auth1` works. That is an accident of the parser, not the
documented syntax (`auth 1`): people reading the file take it for a typo, and other tools that
read authkeys (scripts, templates that template the number, migration tools) may not accept
it. Some templates emit it because the number is pasted right after the word.

## How to fix it
Write a blank between the keyword and the number: `auth 1`.
)md",
    .bad = R"(== authkeys ==
auth1
1 sha1 ExampleSecretOnly
)",
    .good = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys) {
        return;
    }
    for (const auto& entry : folder.authkeys->entries) {
        const auto* line = std::get_if<grammar::auth_directive>(&entry);
        if (line == nullptr || line->index.where.line != line->keyword.where.line ||
            line->index.where.column != line->keyword.where.column + line->keyword.text.size()) {
            continue;
        }
        out.report(meta, line->index.where,
                   fmt::format("'auth{0}' has no blank before the number: Heartbeat reads it as "
                               "'auth {0}' only by a quirk of sscanf; write 'auth {0}'",
                               line->index.text));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
