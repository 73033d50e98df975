// Without node lines (and without autojoin any) Heartbeat refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA109",
    .name = "no-nodes",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "ha.cf declares no node and autojoin is not 'any'",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 only accepts heartbeats from declared nodes, and the local node must be one
of them. With no `node` line it refuses to start: `no nodes defined`. Only `autojoin any`
lifts this (nodes then join by themselves), and that mode cannot be combined with
haresources (HA113). A frequent cause is a line such as `alpha beta` whose `node` keyword
was lost (then also an unknown directive, HA101).

## How to fix it
Declare every cluster node, spelled as `uname -n` prints it on that node:
`node alpha beta` (or one `node` line per name).
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
bcast eth1
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
bcast eth1
node alpha beta
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    if (!config.nodes.empty() || config.autojoin.v == "any") {
        return;
    }
    std::vector<note> notes;
    if (config.autojoin.is_explicit()) {
        notes.push_back({config.autojoin.where,
                         fmt::format("autojoin {} set here; only 'any' allows no node lines",
                                     config.autojoin.v)});
    }
    out.report(meta, whole_file(folder.ha_cf->source->path()),
               fmt::format("no node is declared and autojoin is '{}'", config.autojoin.v),
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
