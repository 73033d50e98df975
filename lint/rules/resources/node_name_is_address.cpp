// `node 192.168.1.10`: Heartbeat names nodes by `uname -n`, never by an address.
#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA208",
    .name = "node-name-is-address",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a node is declared by its IP address instead of its name",
    .doc = R"md(
## Why is this bad?
A `node` line names a cluster member the way Heartbeat 3.0.6 names the local machine: by
`uname -n`, or by the first line of `/etc/ha.d/nodeinfo` when that file exists. Heartbeat never
compares node names with addresses. A node declared as `192.168.1.10` therefore matches no
machine whose host name is a name, and Heartbeat refuses to start on it
(`Current node [web1] not in configuration!`); haresources owners and heartbeats carry names
too. Where the addresses go is `ucast` (or `bcast`) lines.

hacheck stays silent when the folder's own node name (from `nodeinfo` or `--node`) is itself an
address: then the nodes were deliberately named that way.

## How to fix it
Declare each node with its `uname -n` name (`node web1 web2`) and use the addresses in the
media lines (`ucast eth0 192.168.1.11`).
)md",
    .bad = R"(== ha.cf ==
node 192.168.1.10 192.168.1.11
bcast eth0
)",
    .good = R"(== ha.cf ==
node web1 web2
bcast eth0
)",
};

bool is_address(std::string_view text) {
    return values::parse_ipv4(text).has_value() || values::is_ipv6(text);
}

void check(const node_folder& folder, sink& out) {
    const auto& config = folder.ir;
    if (!folder.ha_cf || (config.local_name && is_address(config.local_name->v))) {
        return;
    }
    for (const auto& node : config.nodes) {
        if (!is_address(node.name)) {
            continue;
        }
        out.report(meta, node.where,
                   fmt::format("node '{}' is an address: Heartbeat compares node names with "
                               "`uname -n` (or nodeinfo), so no machine with a host name is this "
                               "node",
                               node.as_written));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
