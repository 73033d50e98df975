// Ping nodes in haresources mode without ipfail: they are watched, but nothing acts on them.
#include "failover_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA123",
    .name = "ping-nodes-without-ipfail",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "ping nodes are declared but neither ipfail nor pacemaker uses them",
    .doc = R"md(
## Why is this bad?
A `ping`, `ping6` or `ping_group` line makes Heartbeat send ICMP echoes to that address and
track it as a pseudo-node. Heartbeat itself does nothing when a ping node becomes
unreachable: in haresources mode only `ipfail` (respawned from `ha.cf`) turns the ping status
into a failover, and with `pacemaker`/`crm` on, Pacemaker's `pingd` does. Without either, a
node that loses its uplink keeps the resources, although the ping line suggests the opposite.

## How to fix it
Add `respawn hacluster /usr/lib/heartbeat/ipfail` (Debian: `/usr/libexec/heartbeat/ipfail`)
together with `auto_failback on` or `off` (ipfail does not run with `legacy`), or remove the
ping lines if connectivity failover is not wanted.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback off
ping 192.168.1.1
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback off
ping 192.168.1.1
respawn hacluster /usr/lib/heartbeat/ipfail
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    if (config.ping_nodes.empty() || config.pacemaker_enabled || first_ipfail(config) != nullptr) {
        return;
    }
    const auto& first = config.ping_nodes.front();
    out.report(meta, first.where,
               fmt::format("ping node {} is watched, but no ipfail is respawned: losing it never "
                           "moves resources",
                           first.name));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
