// A ucast peer is not on the network of the interface the line sends through (--host).
#include "host_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA507",
    .name = "ucast-peer-off-subnet",
    .level = severity::warning,
    .scope = rule_scope::host,
    .heartbeat_refuses = false,
    .summary = "a ucast peer is not on the network of the interface it is sent through",
    .doc = R"md(
Runs with `--host` only: it compares each IPv4 `ucast` peer with the IPv4 networks of the
interface its line names, on the machine hacheck runs on. Peers given by host name are left to
HA155 (hacheck does not resolve names).

## Why is this bad?
Heartbeat binds the ucast socket to the named interface (`SO_BINDTODEVICE`). A peer outside that
interface's networks is reached only through a router on that interface, if at all: usually the
line names the wrong interface (the peer's address is on another link) or a typo in the
address, and the path you think is redundant carries nothing. hacheck sends no packet, so it
cannot tell a routed peer from a wrong one: a warning.

## How to fix it
Name the interface whose network holds the peer (`ip route get PEER` shows it), or correct the
peer address.

The examples assume the example host of docs/on-node.md (`eth0` has 192.0.2.1/24).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
ucast eth0 198.51.100.2
)",
    .good = R"(== ha.cf ==
node alpha beta
ucast eth0 192.0.2.2
)",
};

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.facts == nullptr) {
        return;
    }
    for (const auto& medium : folder.ir.media) {
        if (medium.kind != ir::medium_kind::ucast || !uses_interface(medium)) {
            continue;
        }
        const auto peer = values::parse_ipv4(medium.peer);
        const host_interface* interface = host.facts->find_interface(medium.device);
        if (!peer || interface == nullptr) {
            continue; // a host name (HA155) or a missing interface (HA501)
        }
        const bool on_link =
            std::any_of(interface->addresses.begin(), interface->addresses.end(),
                        [&](const interface_address& a) { return a.network_contains(*peer); });
        if (on_link) {
            continue;
        }
        std::string networks;
        for (const auto& address : interface->addresses) {
            if (!address.ipv6) {
                networks += (networks.empty() ? "" : ", ") + address.text;
            }
        }
        out.report(meta, medium.peer_where,
                   networks.empty()
                       ? fmt::format("ucast peer {} is sent through {}, which has no IPv4 "
                                     "address",
                                     medium.peer, medium.device)
                       : fmt::format("ucast peer {} is not on the network of {} ({}) it is sent "
                                     "through",
                                     medium.peer, medium.device, networks));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
