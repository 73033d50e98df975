// `harun status`: the daemon builds one JSON document from its machines, the client prints it
// as JSON or as text.
#pragma once

#include <hakit/runtime/membership/view.hpp>
#include <hakit/runtime/policy/machine.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hakit::runtime::daemon {

// What the daemon counts itself, before any machine sees a packet.
struct packet_counters {
    std::uint64_t received = 0;
    std::uint64_t garbage = 0;         // not a Heartbeat message (or missing src/t/hg)
    std::uint64_t unauthenticated = 0; // failed authentication, from any sender
    std::uint64_t send_failures = 0;
};

struct status_input {
    std::string local_node;
    std::uint64_t generation = 0;
    membership::membership_view membership;
    std::vector<policy::group_status> groups;
    packet_counters packets;
    membership::time_point now;
};

nlohmann::json status_json(const status_input& input);

// Human-readable rendering of status_json's document.
std::string status_text(const nlohmann::json& status);

} // namespace hakit::runtime::daemon
