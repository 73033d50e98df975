#include <hakit/runtime/policy/config.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace hakit::runtime::policy {

namespace {

bool usable_group_id(const std::string& id) {
    // The id travels in a space-separated "id:state:age" list between harun peers.
    return !id.empty() && std::none_of(id.begin(), id.end(), [](char c) {
        return c == ' ' || c == ':' || c == '\t' || c == '\n' || c == '\r';
    });
}

} // namespace

std::optional<config_error> validate(const config& settings) {
    if (settings.nodes.size() != 2) {
        return config_error{fmt::format(
            "the failover policy runs Heartbeat v1's two-node haresources model, but the cluster "
            "has {} node(s); configure exactly two nodes",
            settings.nodes.size())};
    }
    if (settings.nodes[0] == settings.nodes[1]) {
        return config_error{
            fmt::format("the two cluster nodes have the same name '{}'", settings.nodes[0])};
    }
    if (std::find(settings.nodes.begin(), settings.nodes.end(), settings.local_node) ==
        settings.nodes.end()) {
        return config_error{fmt::format("the local node '{}' is not one of the cluster nodes "
                                        "'{}' and '{}'",
                                        settings.local_node, settings.nodes[0], settings.nodes[1])};
    }
    if (settings.keepalive.count() <= 0 || settings.deadtime <= settings.keepalive) {
        return config_error{fmt::format("keepalive ({} ms) must be positive and below deadtime "
                                        "({} ms)",
                                        settings.keepalive.count(), settings.deadtime.count())};
    }
    std::set<std::string> seen;
    for (const auto& group : settings.groups) {
        if (!usable_group_id(group.id)) {
            return config_error{
                fmt::format("group id '{}' is empty or contains a space or ':'", group.id)};
        }
        if (!seen.insert(group.id).second) {
            return config_error{fmt::format("group id '{}' appears twice", group.id)};
        }
        if (std::find(settings.nodes.begin(), settings.nodes.end(), group.owner) ==
            settings.nodes.end()) {
            return config_error{fmt::format("group '{}' belongs to '{}', which is not a cluster "
                                            "node",
                                            group.id, group.owner)};
        }
    }
    return std::nullopt;
}

} // namespace hakit::runtime::policy
