// Without a heartbeat medium Heartbeat refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA108",
    .name = "no-media",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "ha.cf defines no heartbeat medium",
    .doc = R"md(
## Why is this bad?
Heartbeat needs at least one path to send heartbeats on. Heartbeat 3.0.6 checks this after
reading `ha.cf` and refuses to start: `No heartbeat media defined`. Measured on Debian's
3.0.6, a `ping` (or `ping6`, `ping_group`) line alone passes that check. Media lines that
Heartbeat rejects (e.g. `ucast eth0` without a peer) do not count.

## How to fix it
Add a medium: `bcast eth1`, `ucast eth1 <peer address>` (one line per peer),
`mcast eth1 239.0.0.1 694 1 0`, or `serial /dev/ttyS0`. Two independent media (e.g. a
dedicated network link plus the public one) are better than one.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
node alpha beta
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
bcast eth1
node alpha beta
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    if (!folder.ir.media.empty() || !folder.ir.ping_nodes.empty()) {
        return;
    }
    out.report(meta, whole_file(folder.ha_cf->source->path()),
               "no heartbeat medium is defined (no bcast, mcast, ucast, serial or ping line)");
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
