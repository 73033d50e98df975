// Which node of the plan this machine is, chosen the way Heartbeat chooses it.
#pragma once

#include <hakit/runtime/node/outcome.hpp>
#include <hakit/runtime/node/plan.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hakit::runtime::node {

inline constexpr const char* default_ha_d = "/etc/ha.d";

// Where the local node name can come from, in order of preference.
struct node_name_sources {
    std::optional<std::string> option; // --node
    std::filesystem::path ha_d;        // its nodeinfo file, if present, is used next
    std::string uname;                 // uname -n, the last resort
};

// The chosen name, lowercased as Heartbeat stores it. nodeinfo's first line is taken as it is
// (Heartbeat keeps a trailing CR or blank, which then matches no node). Fails when the name is
// not one of the plan's nodes, saying where it came from.
outcome<std::string> choose_local_node(const node_name_sources& sources, const runtime_plan& plan);

// uname -n of this machine.
std::string system_node_name();

std::string lowercase_ascii(std::string_view text);

} // namespace hakit::runtime::node
