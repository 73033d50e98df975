// A heartbeat medium's interface exists but is down or has no carrier (--host).
#include "host_support.hpp"

#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA502",
    .name = "media-interface-down",
    .level = severity::error,
    .scope = rule_scope::host,
    .heartbeat_refuses = false,
    .summary = "a bcast, mcast or ucast line uses an interface that is down or has no carrier",
    .doc = R"md(
Runs with `--host` only: it reads the interface flags (`IFF_UP`, `IFF_RUNNING`) of the machine
hacheck runs on.

## Why is this bad?
Heartbeat opens the medium and starts, but no heartbeat leaves or arrives on that path. With a
single path the peer is declared dead after `deadtime` and both nodes take the resources
(split brain); with several, the redundancy you configured is not there.

## How to fix it
Bring the interface up (`ip link set dev eth1 up`, or the distribution's network
configuration), check its cable or virtual link, then start Heartbeat.

The examples assume the example host of docs/on-node.md (`eth0` up, `eth1` down).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
)",
};

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.facts == nullptr) {
        return;
    }
    for (const auto& medium : folder.ir.media) {
        const host_interface* interface =
            uses_interface(medium) ? host.facts->find_interface(medium.device) : nullptr;
        if (interface == nullptr || (interface->up && interface->running)) {
            continue;
        }
        out.report(meta, device_location(folder, medium),
                   fmt::format("{} interface {} is {}: no heartbeat passes on this medium",
                               to_string(medium.kind), medium.device,
                               interface->up ? "up but has no carrier (not running)" : "down"));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
