// ipfail respawned without ping nodes: it has nothing to compare and never acts.
#include "failover_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA122",
    .name = "ipfail-without-ping-nodes",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "ipfail is respawned but no ping, ping6 or ping_group node is declared",
    .doc = R"md(
## Why is this bad?
`ipfail` moves resources away from a node that has lost its outside connectivity. It
measures connectivity only through *ping nodes*: it counts the `ping`, `ping6` and
`ping_group` nodes each cluster node can reach and gives up resources when the peer reaches
more. Without any ping node both counts are always 0, so `ipfail` runs, costs a process, and
never moves anything: the cluster does not fail over when a node loses its public network,
although the configuration looks as if it did.

## How to fix it
Declare one or more ping nodes that stand for outside connectivity and are not cluster
nodes, typically the default gateway: `ping 192.168.1.1`, or
`ping_group uplink 192.168.1.1 192.168.1.2` (alive while any member answers). Or remove the
`respawn ... ipfail` line if connectivity failover is not wanted.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback off
respawn hacluster /usr/lib/heartbeat/ipfail
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
    if (!folder.ha_cf || !folder.ir.ping_nodes.empty()) {
        return;
    }
    for (const auto& child : folder.ir.children) {
        if (runs_ipfail(child)) {
            out.report(meta, child.where,
                       "ipfail is respawned but no ping, ping6 or ping_group node is declared: "
                       "it has no connectivity to compare and never moves resources");
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
