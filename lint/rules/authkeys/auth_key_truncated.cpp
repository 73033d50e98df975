// Heartbeat reads only "index method key": a key with blanks is cut at the first one.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA310",
    .name = "auth-key-truncated",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "words after an authkeys key are ignored, so the key is only its first word",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads a key line with `sscanf("%d%s%s")`: the index, the method and one
blank-free word as the key. Everything after that word is ignored without a message. A key
written as a passphrase, `1 sha1 correct horse battery staple`, is therefore just `correct`,
which is short and guessable, and a node whose file differs only in the later words still
matches. A `#` comment after the key is fine (`1 sha1 <key> # rotated 2024`), so words
starting with `#` are not reported.

## How to fix it
Write the key as one word without blanks, for example 32 or more random hex digits from
`openssl rand -hex 32`, and put comments on their own line.
)md",
    .bad = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly and more words
)",
    .good = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly # rotated in March
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys) {
        return;
    }
    for_each_key_line(*folder.authkeys, [&](const grammar::key_entry& line) {
        // crc takes no key at all (HA304); a '#' word is a comment the parser happens to skip.
        if (line.ignored.empty() || line.method.text == "crc" ||
            line.ignored.front().text.starts_with('#') ||
            (line.key && has_template_markup(line.key->text)) ||
            has_template_markup(line.ignored.front().text)) {
            return; // markup (`1 sha1 {{ key }}`) is HA010's finding
        }
        out.report(meta, line.ignored.front().where,
                   fmt::format("{} word{} after key {} {} ignored: Heartbeat takes only the "
                               "first word after the method as the key",
                               line.ignored.size(), line.ignored.size() == 1 ? "" : "s", line.value,
                               line.ignored.size() == 1 ? "is" : "are"));
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
