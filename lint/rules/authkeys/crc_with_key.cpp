// A crc key line with a key (often a would-be comment): Heartbeat refuses it.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA304",
    .name = "crc-with-key",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "a crc key line carries a key",
    .doc = R"md(
## Why is this bad?
`crc` takes no key. Heartbeat 3.0.6 reads key lines with `sscanf("%d%s%s")`, so any third word
is the key, and for crc it refuses to start: `Auth method [crc] doesn't use a key`. authkeys
has no inline comments: in `1 crc # no key needed` the `#` is that third word.

## How to fix it
Write `1 crc` alone on its line and put comments on their own lines. Better, use `sha1` with a
long random key: crc authenticates nothing.
)md",
    .bad = R"(== authkeys ==
auth 1
1 crc # no key needed
)",
    .good = R"(== authkeys ==
# no key needed
auth 1
1 crc
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys) {
        return;
    }
    for_each_key_line(*folder.authkeys, [&](const grammar::key_entry& line) {
        if (line.method.text != "crc" || !line.key) {
            return;
        }
        // Never print the key itself; only say when it looks like a comment.
        const bool looks_like_comment = line.key->text.starts_with('#');
        out.report(meta, line.key->where,
                   fmt::format("key {} uses crc, which takes no key, but the line has one{} "
                               "(Heartbeat: \"Auth method [crc] doesn't use a key\")",
                               line.value,
                               looks_like_comment ? ": '#' is not a comment here" : ""));
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
