// A node declared twice gets two entries in Heartbeat's node table; one of them never hears
// heartbeats and is declared dead.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <map>
#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA203",
    .name = "duplicate-node",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a node is declared more than once",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 lowercases node names and adds one node-table entry per name it reads, without
looking for an existing one (`add_node` in config.c), so `node alpha beta alpha` or `node Alpha`
after `node alpha` makes two entries for one machine. Heartbeat matches incoming heartbeats to
one of the two entries only, so the other is never updated and is declared dead once `initdead`
has passed: Heartbeat then recovers that node's resources (or fences it, with STONITH) while it
is alive. This consequence comes from reading the source; it was not measured, and since
Heartbeat starts, hacheck reports it as a warning (errors are kept for what Heartbeat refuses).

## How to fix it
Declare every node exactly once (names compare case-insensitively): `node alpha beta`.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
node Alpha
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    std::map<std::string, const ir::node_entry*> first_of;
    for (const auto& node : folder.ir.nodes) {
        if (has_template_markup(node.name)) {
            continue; // an unrendered template: HA010's finding
        }
        const auto [first, inserted] = first_of.try_emplace(node.name, &node);
        if (inserted) {
            continue;
        }
        out.report(meta, node.where,
                   fmt::format("node '{}' is declared again: Heartbeat keeps two entries for it "
                               "and declares the one it never updates dead",
                               node.name),
                   {{first->second->where,
                     fmt::format("'{}' first declared here", first->second->as_written)}});
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
