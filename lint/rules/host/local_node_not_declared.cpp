// This machine's node name (uname -n) is not a `node` of ha.cf (--host).
#include "host_support.hpp"

#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA503",
    .name = "local-node-not-declared",
    .level = severity::error,
    .scope = rule_scope::host,
    .heartbeat_refuses = true,
    .summary = "this machine's node name (uname -n) is not declared with `node` in ha.cf",
    .doc = R"md(
Runs with `--host` only, for a folder without a `nodeinfo` file (with one, Heartbeat uses the
name it holds, and the rules about `nodeinfo` judge it without `--host`).

## Why is this bad?
Heartbeat names the local node by `uname -n` (lowercased) unless `/etc/ha.d/nodeinfo` exists,
and refuses to start when that name is not declared:
`ERROR: Current node [gamma] not in configuration!`. Host names are case-insensitive here, but
a short name vs a fully qualified one (`alpha` vs `alpha.example.org`) is a different name.
`autojoin any` adds the node instead, so this rule is silent with it.

## How to fix it
Declare the name `uname -n` prints with `node`, or set the host name (`hostnamectl`), or
write the declared name into `/etc/ha.d/nodeinfo`.

The examples assume the example host of docs/on-node.md (`uname -n` is `alpha`).
)md",
    .bad = R"(== ha.cf ==
node gamma beta
bcast eth0
)",
    .good = R"(== ha.cf ==
node Alpha beta
bcast eth0
)",
};

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.facts == nullptr || !folder.ha_cf || folder.nodeinfo ||
        folder.ir.local_name.has_value() || folder.ir.nodes.empty() ||
        folder.ir.autojoin.v == "any" || host.facts->node_name.empty()) {
        return;
    }
    if (folder.ir.find_node(host.facts->node_name) != nullptr) {
        return;
    }
    std::vector<note> notes;
    for (const auto& node : folder.ir.nodes) {
        notes.push_back({node.where, fmt::format("node {} declared here", node.as_written)});
    }
    out.report(meta, folder.ir.nodes.front().where,
               fmt::format("this machine's node name {} (uname -n) is not a declared node: "
                           "Heartbeat refuses to start (Current node [{}] not in configuration)",
                           host.facts->node_name, host.facts->node_name),
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
