// bcast and ucast on one interface send every heartbeat twice over the same link.
#include "media_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <set>
#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA153",
    .name = "bcast-and-ucast-same-interface",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "bcast and ucast media use the same interface",
    .doc = R"md(
## Why is this bad?
`bcast eth0` already reaches every node on eth0's network. A `ucast eth0 <peer>` line next to
it sends each heartbeat a second time over the same card, cable and switch: it doubles the
traffic and adds no independent path, although the two lines look like redundancy (with one
`udpport`, both media also listen on the same port of that interface). Heartbeat accepts this;
it is usually the result of merging two example configurations.

## How to fix it
Keep one of the two lines for that interface (`ucast` if broadcasts are unwelcome on that
network, `bcast` otherwise), and add redundancy with a medium on *another* interface.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
ucast eth0 192.168.1.2
bcast eth1
)",
    .good = R"(== ha.cf ==
node alpha beta
ucast eth0 192.168.1.2
bcast eth1
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& media = folder.ir.media;
    std::set<std::string> reported; // one finding per interface
    for (const auto& ucast : media) {
        if (ucast.kind != ir::medium_kind::ucast || reported.contains(ucast.device) ||
            is_unrendered(ucast)) {
            continue;
        }
        for (const auto& bcast : media) {
            if (bcast.kind != ir::medium_kind::bcast || bcast.device != ucast.device) {
                continue;
            }
            reported.insert(ucast.device);
            out.report(meta, ucast.where,
                       fmt::format("ucast on {0} repeats what bcast on {0} already sends: every "
                                   "heartbeat goes out twice on one interface, which is no "
                                   "second path",
                                   ucast.device),
                       {{bcast.where, fmt::format("bcast {} here", bcast.device)}});
            break;
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
