// A haresources virtual IP fits no configured interface's network on this machine (--host).
#include "host_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA506",
    .name = "virtual-ip-off-interface",
    .level = severity::error,
    .scope = rule_scope::host,
    .heartbeat_refuses = false,
    .summary = "a virtual IP lies in no network of this machine's interfaces",
    .doc = R"md(
Runs with `--host` only: it compares each `IPaddr`/`IPaddr2` address of haresources (and each
bare IP address, which means `IPaddr`) with the IPv4 networks configured on this machine's
interfaces (or on the interface the argument names, as in `IPaddr::192.0.2.10/24/eth0`).

## Why is this bad?
Without an interface in the argument, the IPaddr script looks for the interface whose network
holds the address; when there is none, taking the group fails and the service never gets its
address on this node. With an interface named, an address outside its network is unreachable
for the clients on that segment (and the broadcast is wrong).

## How to fix it
Use an address of a network this node is attached to, or name the right interface; configure
the interface's own address before Heartbeat starts.

The examples assume the example host of docs/on-node.md (`eth0` has 192.0.2.1/24).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 198.51.100.10
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 192.0.2.10
)",
};

bool holds(const host_interface& interface, const std::array<std::uint8_t, 4>& address) {
    return std::any_of(interface.addresses.begin(), interface.addresses.end(),
                       [&](const interface_address& a) { return a.network_contains(address); });
}

void check_one(const ir::resource& resource, const host_facts& facts, sink& out) {
    const auto address = values::parse_ipv4(resource.ip->ip);
    if (!address) {
        return; // malformed: HA206's finding
    }
    if (resource.ip->nic && !has_template_markup(*resource.ip->nic)) {
        const host_interface* interface = facts.find_interface(*resource.ip->nic);
        if (interface == nullptr) {
            out.report(meta, resource.where,
                       fmt::format("virtual IP {} names interface {}, which this machine does "
                                   "not have",
                                   resource.ip->ip, *resource.ip->nic));
        } else if (!holds(*interface, *address)) {
            out.report(meta, resource.where,
                       fmt::format("virtual IP {} is not in a network of interface {} it names "
                                   "(this machine has no address of that network there)",
                                   resource.ip->ip, *resource.ip->nic));
        }
        return;
    }
    const bool fits = std::any_of(facts.interfaces.begin(), facts.interfaces.end(),
                                  [&](const host_interface& i) { return holds(i, *address); });
    if (!fits) {
        out.report(meta, resource.where,
                   fmt::format("virtual IP {} is in no network of this machine's interfaces: "
                               "IPaddr cannot find an interface for it",
                               resource.ip->ip));
    }
}

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.facts == nullptr || !folder.haresources || folder.ir.pacemaker_enabled) {
        return;
    }
    for (const auto& group : folder.ir.groups) {
        for (const auto& resource : group.resources) {
            if (resource.ip && !has_template_markup(resource.ip->ip)) {
                check_one(resource, *host.facts, out);
            }
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
