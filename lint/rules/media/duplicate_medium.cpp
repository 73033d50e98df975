// The same medium twice (often `udp eth0` next to `bcast eth0`) adds nothing.
#include "media_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <tuple>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA156",
    .name = "duplicate-medium",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "the same heartbeat medium is defined twice",
    .doc = R"md(
## Why is this bad?
Heartbeat opens one medium per line (per interface on `bcast` and `serial` lines), even when
an identical one exists: `bcast eth0` twice, `udp eth0` (the old name of `bcast`) next to
`bcast eth0`, or the same `ucast` or `mcast` line twice. The copy sends every heartbeat a second
time over the same link and adds no path. Heartbeat also tracks link status by interface name,
so the second medium never gets a status of its own. It is usually a copy-paste leftover, and
sometimes a typo for another interface that was meant to give redundancy.

## How to fix it
Delete the repeated line, or correct its interface if a second path was intended.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0 eth1
udp eth0
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0 eth1
)",
};

// What makes two media the same: the plugin, the device and where it sends to.
using medium_key = std::tuple<ir::medium_kind, std::string, std::string, std::string, int>;

medium_key key_of(const ir::medium& medium) {
    const bool own_port =
        medium.kind == ir::medium_kind::mcast || medium.kind == ir::medium_kind::mcast6;
    return {medium.kind, medium.device, values::to_lower_ascii(medium.peer), medium.group,
            own_port ? medium.port : 0};
}

std::string describe(const ir::medium& medium) {
    std::string text = fmt::format("{} {}", ir::to_string(medium.kind), medium.device);
    if (!medium.peer.empty()) {
        text += " " + medium.peer;
    }
    if (!medium.group.empty()) {
        text += fmt::format(" {} {}", medium.group, medium.port);
    }
    return text;
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    std::map<medium_key, const ir::medium*> first_of;
    for (const auto& medium : folder.ir.media) {
        if (is_unrendered(medium)) {
            continue; // HA010's finding
        }
        const auto [first, inserted] = first_of.try_emplace(key_of(medium), &medium);
        if (inserted) {
            continue;
        }
        out.report(meta, medium.where,
                   fmt::format("{} is defined twice: the copy sends every heartbeat again over "
                               "the same link and adds no path",
                               describe(medium)),
                   {{first->second->where, fmt::format("{} first here", describe(medium))}});
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
