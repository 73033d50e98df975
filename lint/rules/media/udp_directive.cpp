// `udp` is the old name of `bcast`: Heartbeat rewrites it and warns.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA151",
    .name = "udp-directive",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "the medium is written 'udp', the old name of 'bcast'",
    .doc = R"md(
## Why is this bad?
`udp` is what the broadcast medium was called in early Heartbeat releases. Heartbeat 3.0.6
still accepts it, rewrites it to `bcast` and logs `WARNING: directive 'udp' replaced by
`bcast'` at every start. Other tools that read ha.cf (converters, scripts) may not know the
old name. In the real files where it was seen, the `udp` line repeated a `bcast` line for the
same interface, which adds nothing (see HA156).

## How to fix it
Rename the directive: `udp eth0` becomes `bcast eth0`, with the same interfaces. If a `bcast`
line for the same interface exists already, delete the `udp` line instead.

`hacheck --fix` renames the directive (Heartbeat already reads it as `bcast`, so nothing
changes); it never deletes a line, so a repeated interface is left for you (HA156).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
udp eth1
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    for (const auto& directive : folder.ha_cf->directives) {
        if (directive.name.text != "udp") {
            continue;
        }
        out.report(meta, directive.name.where,
                   "'udp' is the old name of 'bcast': Heartbeat reads it as 'bcast' and warns "
                   "\"directive 'udp' replaced by 'bcast'\"");
        out.attach_fix(fix{
            .description = "rename 'udp' to 'bcast'",
            .file = directive.name.where.file,
            .edits = {text_edit{directive.name.where, directive.name.text.size(), "bcast"}},
            .mode = std::nullopt,
        });
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
