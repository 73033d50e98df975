// Lines the grammar could not read: Heartbeat rejects them as it reads the file.
#include <hakit/lint/rule.hpp>

#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA001",
    .name = "syntax-error",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "a line of ha.cf, haresources or authkeys cannot be parsed",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads its three files with small hand-written parsers and stops at the first
line they cannot make sense of. In `authkeys`, a line starting with `a` that is not `auth N`
gives `Invalid auth line [..]`, and any other line that is not `index method [key]` gives
`Auth line [..] is invalid.`; Heartbeat then reports `Authentication configuration error.` and
does not start. In `ha.cf` and `haresources` a malformed line is either rejected the same way
or silently read as something else than intended.

The message of each finding says what the grammar expected at that position.

## How to fix it
Rewrite the line in the form the file expects (see the message), or comment it out with `#`
at the start of the line.
)md",
    .bad = R"(== authkeys 0600 ==
auth 1
1 sha1 s3cret-key
hello world
)",
    .good = R"(== authkeys 0600 ==
auth 1
1 sha1 s3cret-key
)",
};

void report_all(const std::vector<grammar::syntax_error>& errors, sink& out) {
    for (const auto& error : errors) {
        out.report(meta, error.where, error.message);
    }
}

void check(const node_folder& folder, sink& out) {
    if (folder.ha_cf) {
        report_all(folder.ha_cf->errors, out);
    }
    if (folder.haresources) {
        report_all(folder.haresources->errors, out);
    }
    if (folder.authkeys) {
        report_all(folder.authkeys->errors, out);
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
