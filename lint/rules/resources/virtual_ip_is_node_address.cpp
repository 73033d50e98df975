// A virtual IP that is a node's own address (a ucast peer, or a node named by its address).
#include "ip_argument.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA207",
    .name = "virtual-ip-is-node-address",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a virtual IP in haresources is a cluster node's own address",
    .doc = R"md(
## Why is this bad?
A virtual IP moves between the nodes; a node's own address must stay where it is. The
addresses hacheck knows to be node addresses are the `ucast` peers of ha.cf (a node sends
heartbeats to the other nodes' fixed addresses; listing every node's address is common, so a
peer may also be the node itself) and `node` names written as IP addresses. When a resource
group's IP is one of them:

- on the node that has the address already, the resource looks "running" at start-up and
  stopping it (standby, failback, a failed start elsewhere in the group) takes that node's own
  address away, and with it the heartbeat path;
- on the other node, taking the group over puts a second copy of that address on the network.

Heartbeat itself starts (it does not look at resources), so this is a warning.

## How to fix it
Give the service its own, otherwise unused address in the nodes' network (and keep the nodes'
fixed addresses out of haresources).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
ucast eth0 192.168.1.12
== haresources ==
alpha IPaddr::192.168.1.12/24/eth0 httpd
)",
    .good = R"(== ha.cf ==
node alpha beta
ucast eth0 192.168.1.12
== haresources ==
alpha IPaddr::192.168.1.20/24/eth0 httpd
)",
};

// An address ha.cf shows to belong to a node, and how it shows it.
struct node_address {
    std::array<std::uint8_t, 4> address{};
    location where;
    std::string how;
};

std::vector<node_address> node_addresses(const ir::node_config& config) {
    std::vector<node_address> known;
    for (const auto& medium : config.media) {
        if (medium.kind != ir::medium_kind::ucast) {
            continue;
        }
        if (const auto address = values::parse_ipv4(medium.peer)) {
            known.push_back(
                {*address, medium.peer_where, fmt::format("ucast peer on {}", medium.device)});
        }
    }
    for (const auto& node : config.nodes) {
        if (const auto address = values::parse_ipv4(node.name)) {
            known.push_back({*address, node.where, "node declared by its address"});
        }
    }
    return known;
}

void check(const node_folder& folder, sink& out) {
    if (!folder.haresources || !folder.ha_cf || folder.ir.pacemaker_enabled) {
        return; // with pacemaker enabled Heartbeat does not use haresources
    }
    const auto known = node_addresses(folder.ir);
    if (known.empty()) {
        return;
    }
    for (const auto& resource : ip_resources(*folder.haresources)) {
        for (const auto& node : known) {
            if (node.address != resource.address) {
                continue;
            }
            const std::string address(split_ip_argument(resource.argument->text).ip.text);
            out.report(meta, resource.argument->where,
                       fmt::format("virtual IP {} is a node's own address ({} in ha.cf): "
                                   "stopping the resource takes the address from that node, "
                                   "starting it elsewhere duplicates it",
                                   address, node.how),
                       {{node.where, fmt::format("{} here", node.how)}});
            break;
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
