// The node folders of one cluster should use the same auto_failback policy: the policy decides
// how takeovers are negotiated and whether resource groups move back.
#include "cross_node_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA403",
    .name = "auto-failback-inconsistent",
    .level = severity::warning,
    .scope = rule_scope::cluster,
    .heartbeat_refuses = false,
    .summary = "the node folders of one cluster use different auto_failback policies",
    .doc = R"md(
## Why is this bad?
In haresources mode `auto_failback` decides how the nodes hand resource groups to each other,
and each node follows its own ha.cf:

- `on` and `off` negotiate at start (`starting`/`resource` messages). With `on`, a stable node
  that holds a group of the other node gives it back; with `off`, groups stay where they run.
  When the nodes disagree, whether a group moves back after a failure depends on which node
  happened to hold it;
- `legacy` (the default when the line is missing, and what `nice_failback` before any
  `auto_failback` gives) skips that negotiation: the node requests all its own groups at once
  whenever it joins. A `legacy` node next to an `on`/`off` node mixes the two takeover
  protocols.

Only the value in force counts (the last line, `nice_failback` included). With `pacemaker`/
`crm` on, Pacemaker manages the resources and `auto_failback` is not read, so such folders are
not compared, nor are folders whose value Heartbeat rejects (`invalid-value`).

## How to fix it
Write the same `auto_failback on` (or `off`) line in every node's ha.cf.
)md",
    .bad = R"(== srv5/ha.cf ==
node srv5 srv6
bcast eth1
auto_failback on
== srv6/ha.cf ==
node srv5 srv6
bcast eth1
auto_failback off
)",
    .good = R"(== srv5/ha.cf ==
node srv5 srv6
bcast eth1
auto_failback on
== srv6/ha.cf ==
node srv5 srv6
bcast eth1
auto_failback yes
)",
};

std::string describe_policy(const ir::value<ir::failback_policy>& policy) {
    return fmt::format("auto_failback {}{}", ir::to_string(policy.v),
                       policy.is_explicit() ? "" : " (the default)");
}

std::string consequence(ir::failback_policy a, ir::failback_policy b) {
    if (a == ir::failback_policy::legacy || b == ir::failback_policy::legacy) {
        return "the legacy node takes its groups back at once while the other negotiates, so "
               "the two follow different takeover protocols";
    }
    return "whether a resource group moves back after a failure depends on which node holds it";
}

void check(const std::vector<const node_folder*>& nodes, sink& out) {
    std::vector<cluster_folder> folders;
    for (cluster_folder& f : cluster_folders(nodes)) {
        if (!f.folder->ir.pacemaker_enabled &&
            !rejects_directive(f, {"auto_failback", "nice_failback"})) {
            folders.push_back(std::move(f));
        }
    }
    if (folders.size() < 2) {
        return;
    }
    const cluster_folder& first = folders.front();
    const auto& theirs = first.folder->ir.failback;
    for (std::size_t i = 1; i < folders.size(); ++i) {
        const cluster_folder& other = folders[i];
        const auto& mine = other.folder->ir.failback;
        if (mine.v == theirs.v) {
            continue;
        }
        out.report(meta, ha_cf_where(other, mine),
                   fmt::format("{} uses {} but {} uses {}: {}", other.name, describe_policy(mine),
                               first.name, describe_policy(theirs), consequence(mine.v, theirs.v)),
                   {{ha_cf_where(first, theirs),
                     fmt::format("{} uses {}", first.name, describe_policy(theirs))}});
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
