// Clock, node and link states shared by the membership machine's inputs, outputs and view.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace hakit::runtime::membership {

// The machine never reads a clock: every input carries `now` from this one.
using clock = std::chrono::steady_clock;
using time_point = clock::time_point;
using milliseconds = std::chrono::milliseconds;

// Heartbeat's node states (§5.1): what the node last said in `st`, or dead on timeout.
enum class node_state { init, up, active, dead };

// Per (node, medium): unknown until the first packet on that medium arrives.
enum class link_state { unknown, up, dead };

// "init", "up", "active", "dead": the words Heartbeat uses on the wire and in its logs.
std::string_view to_string(node_state state);
std::string_view to_string(link_state state);

// The `st` field of a status message; nullopt for anything else (e.g. `ping`).
std::optional<node_state> parse_node_state(std::string_view st);

} // namespace hakit::runtime::membership
