// A heartbeat medium names a network interface this machine does not have (--host).
#include "host_support.hpp"

#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA501",
    .name = "media-interface-missing",
    .level = severity::error,
    .scope = rule_scope::host,
    .heartbeat_refuses = true,
    .summary = "a bcast, mcast or ucast line names an interface this machine does not have",
    .doc = R"md(
Runs with `--host` only: it compares ha.cf with the interfaces of the machine hacheck runs on
(getifaddrs(3)).

## Why is this bad?
Heartbeat 3.0.6 does not check `ucast` interfaces while it reads ha.cf: it logs
`Configuration validated. Starting heartbeat 3.0.6`, and two seconds later the media child dies
with `ucast: error setting option SO_BINDTODEVICE(w) on eth9: No such device` and
`make_io_childpair: cannot open ucast eth9`, and Heartbeat exits. `bcast` and `mcast` fail at
start (`IP interface [eth9] does not exist`, `mcast device [eth9] is invalid or not set up
properly`). Interface names differ between machines (`eth0` vs `ens3`), so a config copied
from another node is the usual cause.

## How to fix it
Use the name `ip link` shows on this node, or create the interface (VLAN, bond) before
Heartbeat starts.

The examples assume the example host of docs/on-node.md (interfaces `lo`, `eth0` up with
192.0.2.1/24, `eth1` down).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
ucast eth9 192.0.2.2
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
        if (!uses_interface(medium) || host.facts->find_interface(medium.device) != nullptr) {
            continue;
        }
        out.report(meta, device_location(folder, medium),
                   fmt::format("{} interface {} does not exist on this machine: Heartbeat "
                               "cannot open this medium",
                               to_string(medium.kind), medium.device));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
