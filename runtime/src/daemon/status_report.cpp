#include <hakit/runtime/daemon/status_report.hpp>

#include <fmt/format.h>

#include <chrono>

namespace hakit::runtime::daemon {
namespace {

using nlohmann::json;

json age_ms(const std::optional<membership::time_point>& when, membership::time_point now) {
    if (!when) {
        return nullptr;
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(now - *when).count();
}

std::string holder_name(policy::holder who, const std::string& local, const std::string& peer) {
    switch (who) {
    case policy::holder::local:
        return local;
    case policy::holder::peer:
        return peer;
    case policy::holder::none:
        break;
    }
    return "";
}

} // namespace

json status_json(const status_input& input) {
    json nodes = json::array();
    nodes.push_back({{"name", input.local_node},
                     {"local", true},
                     {"state", std::string(membership::to_string(input.membership.local_state))},
                     {"generation", input.generation},
                     {"links", json::array()}});
    std::string peer_name;
    json dropped = {{"garbage", input.packets.garbage},
                    {"unauthenticated", input.packets.unauthenticated},
                    {"replayed", 0},
                    {"duplicate", 0},
                    {"lost", 0},
                    {"rejected", 0},
                    {"unknown_node", input.membership.dropped_from_unknown_nodes}};
    for (const membership::peer_view& peer : input.membership.peers) {
        peer_name = peer.node;
        json links = json::array();
        for (const membership::link_view& link : peer.links) {
            links.push_back({{"link", link.link},
                             {"state", std::string(membership::to_string(link.state))},
                             {"last_heard_ms_ago", age_ms(link.last_heard, input.now)}});
        }
        json generation = nullptr;
        if (peer.generation) {
            generation = *peer.generation;
        }
        nodes.push_back({{"name", peer.node},
                         {"local", false},
                         {"state", std::string(membership::to_string(peer.state))},
                         {"generation", generation},
                         {"last_heard_ms_ago", age_ms(peer.last_heard, input.now)},
                         {"dead_timeout_ms", peer.dead_timeout.count()},
                         {"heard_unauthenticated", peer.heard_unauthenticated},
                         {"links", links},
                         {"dropped",
                          {{"unauthenticated", peer.counters.unauthenticated},
                           {"replayed", peer.counters.replayed},
                           {"duplicate", peer.counters.duplicate},
                           {"lost", peer.counters.lost},
                           {"rejected", peer.counters.rejected}}}});
        dropped["replayed"] = dropped["replayed"].get<std::uint64_t>() + peer.counters.replayed;
        dropped["duplicate"] = dropped["duplicate"].get<std::uint64_t>() + peer.counters.duplicate;
        dropped["lost"] = dropped["lost"].get<std::uint64_t>() + peer.counters.lost;
        dropped["rejected"] = dropped["rejected"].get<std::uint64_t>() + peer.counters.rejected;
    }
    json groups = json::array();
    for (const policy::group_status& group : input.groups) {
        groups.push_back({{"id", group.id},
                          {"owner", group.owner},
                          {"holder", holder_name(group.held_by, input.local_node, peer_name)},
                          {"state", std::string(policy::to_string(group.state))}});
    }
    return {
        {"node", input.local_node},
        {"comm_up", input.membership.comm_up},
        {"nodes", nodes},
        {"groups", groups},
        {"packets",
         {{"received", input.packets.received}, {"send_failures", input.packets.send_failures}}},
        {"dropped", dropped}};
}

std::string status_text(const json& status) {
    std::string text = fmt::format("node {} (comm {})\n", status.value("node", "?"),
                                   status.value("comm_up", false) ? "up" : "not up yet");
    text += "nodes:\n";
    for (const json& node : status.value("nodes", json::array())) {
        text += fmt::format("  {:<24} {:<7}{}\n", node.value("name", "?"), node.value("state", "?"),
                            node.value("local", false) ? " (local)" : "");
        for (const json& link : node.value("links", json::array())) {
            text += fmt::format("    link {:<28} {}\n", link.value("link", "?"),
                                link.value("state", "?"));
        }
    }
    text += "groups:\n";
    for (const json& group : status.value("groups", json::array())) {
        const std::string holder = group.value("holder", "");
        text += fmt::format("  {:<24} owner {:<20} held by {:<20} {}\n", group.value("id", "?"),
                            group.value("owner", "?"), holder.empty() ? "-" : holder,
                            group.value("state", "?"));
    }
    if (status.contains("ping_nodes")) {
        const json& pings = status["ping_nodes"];
        text += fmt::format("ping nodes: {} of {} visible\n", pings.value("visible", 0),
                            pings.value("configured", 0));
    }
    text += "dropped packets:";
    const json dropped = status.value("dropped", json::object());
    for (const auto& [name, count] : dropped.items()) {
        text += fmt::format(" {} {}", name, count.dump());
    }
    text += "\n";
    return text;
}

} // namespace hakit::runtime::daemon
