// All heartbeat media share one card or tty: one broken link and both nodes take over.
#include "media_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA150",
    .name = "single-heartbeat-path",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "every heartbeat medium runs over the same network card or serial line",
    .doc = R"md(
## Why is this bad?
A node is declared dead when no heartbeat from it arrives on *any* medium for `deadtime`. When
every medium runs over one link (one network card, cable, switch port or serial line), a
failure of that link silences the peer completely: each node thinks the other is dead and both
take over the resources (split brain: the same virtual IP on two machines, a shared disk
mounted twice). The Linux-HA documentation recommends at least two independent paths.

What counts as independent:

- media on different interfaces: `bcast eth0` and `bcast eth1`, or `ucast eth0 10.0.0.2` and
  `ucast eth1 192.168.1.2` (two lines to the same peer over different cards count too);
- a serial line next to a network medium: `bcast eth0` and `serial /dev/ttyS0`.

Not independent: several lines on one interface (`bcast eth0` with `ucast eth0 ...`), and VLANs
or alias labels of one card (`eth0.100`, `eth0:1` count as `eth0`). `ping` nodes are not
heartbeat paths between the nodes and do not count. hacheck cannot see that a bonded interface
(`bond0`) already spans two cards; suppress the finding there.

## How to fix it
Add a second medium on another card, ideally a direct cable between the nodes (`bcast eth1` or
`ucast eth1 <peer address on that link>`), or a null-modem cable (`serial /dev/ttyS0`).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
ucast eth0 192.168.1.2
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
ucast eth1 10.0.0.2
)",
};

std::string describe(const ir::medium& medium) {
    return fmt::format("{} {}", ir::to_string(medium.kind), medium.device);
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    std::vector<const ir::medium*> media;
    for (const auto& medium : folder.ir.media) {
        if (!is_unrendered(medium)) {
            media.push_back(&medium);
        }
    }
    if (media.empty() || media.size() != folder.ir.media.size()) {
        return; // no media at all is HA108's finding; an unrendered template HA010's
    }
    const std::string_view shared = physical_device(*media.front());
    std::vector<note> notes;
    for (std::size_t i = 1; i < media.size(); ++i) {
        if (physical_device(*media[i]) != shared) {
            return;
        }
        notes.push_back({media[i]->where, fmt::format("{} uses {} as well", describe(*media[i]),
                                                      std::string(shared))});
    }
    constexpr std::string_view consequence =
        "if that link fails, each node declares the other dead and both take over the resources";
    if (media.size() == 1) {
        out.report(meta, media.front()->where,
                   fmt::format("{} is the only heartbeat path: {}", describe(*media.front()),
                               consequence));
        return;
    }
    out.report(meta, media.front()->where,
               fmt::format("all {} heartbeat media run over {}: {}", media.size(),
                           std::string(shared), consequence),
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
