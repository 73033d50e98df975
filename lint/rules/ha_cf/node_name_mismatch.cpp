// Names that must be declared nodes: haresources owners, the local node, stonith_host hosts.
// (ucast peers given as host names are HA155's.)
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA114",
    .name = "node-name-mismatch",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "a node name used in the configuration is not a declared node",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 compares node names case-insensitively with the `node` lines of `ha.cf`:

- The first word of every `haresources` line must be a declared node. Otherwise, once the
  configuration is validated, Heartbeat stops with
  `Bad nodename in /etc/ha.d//haresources [nobody]` (only when pacemaker is not enabled).
- The local node (`uname -n`, or the first line of `nodeinfo`) must be declared, unless
  `autojoin any`: `Current node [x] not in configuration!`, and Heartbeat does not start.
  Renaming nodes in `ha.cf` but not in `haresources` (or the reverse) is the usual cause.

One more case is a warning, because Heartbeat starts but does not do what was meant: a
`stonith_host` line whose host is neither `*` nor a declared node. Heartbeat applies the line
only on the node of that name, so it never applies. (A `ucast` peer given as a host name is
HA155's finding.)

When `ha.cf` has no `node` line at all, only HA109 (no-nodes) is reported for the first two.

## How to fix it
Use the names of the `node` lines everywhere (they must match `uname -n` on each node), and
name a declared node (or `*`) in `stonith_host`.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
== haresources ==
gamma 10.0.0.10 httpd
== nodeinfo ==
alpha
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
== haresources ==
alpha 10.0.0.10 httpd
== nodeinfo ==
alpha
)",
};

// A note at the first node token listing the declared names, to compare with.
std::vector<note> declared_nodes_note(const ir::node_config& config) {
    if (config.nodes.empty()) {
        return {};
    }
    std::set<std::string> seen;
    std::string names;
    for (const auto& node : config.nodes) {
        if (!seen.insert(node.name).second) {
            continue;
        }
        if (!names.empty()) {
            names += ", ";
        }
        names += node.name;
    }
    return {note{config.nodes.front().where, fmt::format("declared nodes: {}", names)}};
}

void check_group_owners(const node_folder& folder, sink& out) {
    const auto& config = folder.ir;
    if (!folder.haresources || config.pacemaker_enabled || config.nodes.empty()) {
        return; // pacemaker ignores haresources; no nodes at all is HA109's finding
    }
    for (const auto& group : config.groups) {
        if (config.find_node(group.owner.v) != nullptr) {
            continue;
        }
        out.report(meta, group.owner.where,
                   fmt::format("haresources group '{}' is owned by '{}', which is not a "
                               "declared node",
                               group.key, group.owner.v),
                   declared_nodes_note(config));
    }
}

void check_local_node(const node_folder& folder, sink& out) {
    const auto& config = folder.ir;
    if (!config.local_name || config.nodes.empty() || config.autojoin.v == "any") {
        return; // unknown name is HA003's, no nodes HA109's; autojoin any adds the node
    }
    if (config.find_node(config.local_name->v) != nullptr) {
        return;
    }
    out.report(meta, config.local_name->where,
               fmt::format("the local node '{}' is not a declared node", config.local_name->v),
               declared_nodes_note(config));
}

void check_stonith_hosts(const node_folder& folder, sink& out) {
    const auto& config = folder.ir;
    for (const auto& device : config.stonith) {
        if (device.host.empty() || device.host == "*" || config.find_node(device.host) != nullptr) {
            continue;
        }
        out.report_as(meta, severity::warning, device.where,
                      fmt::format("stonith_host host '{}' is not a declared node; the line "
                                  "never applies",
                                  device.host),
                      declared_nodes_note(config));
    }
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    check_group_owners(folder, out);
    check_local_node(folder, out);
    check_stonith_hosts(folder, out);
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
