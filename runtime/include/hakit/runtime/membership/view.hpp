// A snapshot of the membership for `harun status`.
#pragma once

#include <hakit/runtime/membership/types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hakit::runtime::membership {

struct link_view {
    std::string link;
    link_state state = link_state::unknown;
    std::optional<time_point> last_heard;

    friend bool operator==(const link_view&, const link_view&) = default;
};

struct peer_counters {
    std::uint64_t unauthenticated = 0; // dropped: wrong or unknown key
    std::uint64_t replayed = 0;        // dropped: older generation or already-seen seq
    std::uint64_t duplicate = 0;       // dropped: same seq again (normal with several media)
    std::uint64_t lost = 0;            // sequence numbers skipped and never received
    std::uint64_t rejected = 0;        // dropped for another reason (missing seq, ...)

    friend bool operator==(const peer_counters&, const peer_counters&) = default;
};

struct peer_view {
    std::string node;
    node_state state = node_state::init;
    std::optional<time_point> last_heard;
    std::optional<std::uint64_t> generation;
    std::optional<std::uint64_t> last_seq;
    std::optional<milliseconds> advertised_dead_time; // the peer's last `dt`
    milliseconds dead_timeout{0};                     // the timeout applied right now
    bool heard_unauthenticated = false;
    std::vector<link_view> links;
    peer_counters counters;

    friend bool operator==(const peer_view&, const peer_view&) = default;
};

struct membership_view {
    std::string local_node;
    node_state local_state = node_state::init;
    bool comm_up = false;
    std::vector<peer_view> peers;
    std::uint64_t dropped_from_unknown_nodes = 0;

    friend bool operator==(const membership_view&, const membership_view&) = default;
};

} // namespace hakit::runtime::membership
