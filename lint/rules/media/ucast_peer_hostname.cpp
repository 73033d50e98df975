// A ucast peer written as a host name is resolved when Heartbeat starts: hacheck cannot check it.
#include "rule_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA155",
    .name = "ucast-peer-hostname",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a ucast peer is a host name, resolved only when Heartbeat starts",
    .doc = R"md(
## Why is this bad?
Heartbeat resolves the peer of a `ucast` line with `gethostbyname()` while it reads ha.cf. If
the name does not resolve at that moment (DNS not reachable at boot, a typo, a stale record),
Heartbeat logs `ucast: cannot resolve hostname` and does not start. If it resolves to the wrong
address, for instance the node's own, heartbeats go nowhere. A copy of the files cannot tell
where a name points, so hacheck cannot check the address against the nodes or the interface's
network.

- A name that is not a declared node (often a fully qualified name) depends on DNS: warning.
- A name that is a declared node usually comes from /etc/hosts; it still cannot be checked
  offline: info.

## How to fix it
Write the peer's IP address on that interface's network: `ucast eth1 10.0.0.2`. If you keep the
name, make sure /etc/hosts on every node maps it to that address, so start-up does not depend
on DNS.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
ucast eth1 beta.example.com
)",
    .good = R"(== ha.cf ==
node alpha beta
ucast eth1 10.0.0.2
)",
};

bool is_address(const std::string& peer) {
    return values::parse_ipv4(peer).has_value() || values::is_ipv6(peer);
}

// A note at the first node token listing the declared names, to compare with.
std::vector<note> declared_nodes_note(const ir::node_config& config) {
    if (config.nodes.empty()) {
        return {};
    }
    std::set<std::string> seen;
    std::vector<std::string> names;
    for (const auto& node : config.nodes) {
        if (seen.insert(node.name).second) {
            names.push_back(node.name);
        }
    }
    return {note{config.nodes.front().where,
                 fmt::format("declared nodes: {}", fmt::join(names, ", "))}};
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    for (const auto& medium : config.media) {
        if (medium.kind != ir::medium_kind::ucast || medium.peer.empty() ||
            is_address(medium.peer) || has_template_markup(medium.peer)) {
            continue; // markup is HA010's finding
        }
        if (config.find_node(medium.peer) != nullptr) {
            out.report_as(meta, severity::info, medium.peer_where,
                          fmt::format("ucast peer '{}' is a node name, resolved when Heartbeat "
                                      "starts: hacheck cannot check its address; make sure "
                                      "/etc/hosts maps it on every node, or write the address",
                                      medium.peer));
            continue;
        }
        out.report(meta, medium.peer_where,
                   fmt::format("ucast peer '{}' is a host name that is not a declared node: "
                               "Heartbeat resolves it with DNS when it starts and does not "
                               "start if that fails; write the peer's IP address",
                               medium.peer),
                   declared_nodes_note(config));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
