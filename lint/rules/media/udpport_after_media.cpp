// bcast and ucast media read udpport once, at their first line: a later udpport is ignored.
#include "media_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA152",
    .name = "udpport-after-media",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "udpport is set after bcast or ucast lines, which keep the earlier port",
    .doc = R"md(
## Why is this bad?
Heartbeat applies ha.cf line by line. The `bcast`, `ucast` and `ucast6` plugins look up
`udpport` once, when Heartbeat reads the *first* line of that plugin, and keep that port for
every later line of the same plugin. A `udpport` line that comes after the first `bcast` line
therefore changes nothing for bcast: it keeps sending and listening on the port in force
before, by default 694 (`ha-cluster` in /etc/services). Heartbeat only prints
`udpport setting must precede media statements` on stderr, and it prints that for every
`udpport` line, so the hint is easy to miss.

The usual reason for a non-default port is a second cluster on the same network; with the port
ignored, both clusters still share 694. `mcast` lines carry their own port and are not
affected.

## How to fix it
Move the `udpport` line above every media line.

## Automatic fix
None, on purpose. Moving the line is what you mean, but it is not what Heartbeat does today:
this warning fires only when a `bcast` or `ucast` line above the `udpport` line keeps another
port, and moving the line gives that medium the new port. A node whose peer still uses the old
port loses that link. Moving the line keeps every port only when no such medium exists, and
then this rule is silent. `hacheck --fix` therefore never touches `udpport`: change the line on
every node of the cluster together, by hand.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
udpport 695
)",
    .good = R"(== ha.cf ==
node alpha beta
udpport 695
bcast eth1
)",
};

std::string_view plugin_name(ir::medium_kind kind) {
    return ir::to_string(kind);
}

void check(const node_folder& folder, sink& out) {
    const auto& port = folder.ir.udpport;
    if (!folder.ha_cf || !port.is_explicit()) {
        return; // without a udpport line every medium uses the default
    }
    constexpr std::array kinds{ir::medium_kind::bcast, ir::medium_kind::ucast,
                               ir::medium_kind::ucast6};
    for (const auto kind : kinds) {
        const ir::medium* first = nullptr;
        std::vector<note> notes;
        for (const auto& medium : folder.ir.media) {
            if (medium.kind != kind) {
                continue;
            }
            if (first == nullptr) {
                first = &medium;
            }
            notes.push_back({medium.where, fmt::format("{} {} uses port {}", plugin_name(kind),
                                                       medium.device, first->port)});
        }
        if (first == nullptr || first->port == port.v) {
            continue;
        }
        out.report(meta, port.where,
                   fmt::format("udpport {} comes after the first {} line, so {} keeps port {}: "
                               "Heartbeat's {} plugin reads udpport only once, at its first line",
                               port.v, plugin_name(kind), plugin_name(kind), first->port,
                               plugin_name(kind)),
                   std::move(notes));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
