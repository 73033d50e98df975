// What the membership machine asks the daemon to do or to report, one struct per kind.
#pragma once

#include <hakit/runtime/membership/types.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hakit::runtime::membership {

// Send `t=status st=<status> dt=<dead_time>` on every medium.
struct send_status {
    node_state status = node_state::init;
    milliseconds dead_time{0};
};

// Send `t=shutdone st=dead` on every medium: peers may take over at once.
struct send_shutdone {};

// A node's state changed (the local node included).
struct node_state_changed {
    std::string node;
    node_state from = node_state::init;
    node_state to = node_state::init;
    bool is_local = false;
};

struct link_state_changed {
    std::string node;
    std::string link;
    link_state from = link_state::unknown;
    link_state to = link_state::unknown;
};

// Every peer has been heard from or declared dead: the local node is now active.
struct comm_up {};

// A status message with a newer generation: the peer restarted and holds nothing it held.
struct peer_restarted {
    std::string node;
    std::uint64_t old_generation = 0;
    std::uint64_t new_generation = 0;
};

// The same generation from a peer we had declared dead: a partition healed.
struct peer_returned_after_partition {
    std::string node;
};

// A status message arrived more than warntime after the previous one.
struct late_heartbeat {
    std::string node;
    milliseconds interval{0};
};

// Sequence numbers were skipped: packets lost (or still on their way).
struct packets_lost {
    std::string node;
    std::uint64_t first_missing = 0;
    std::uint64_t last_missing = 0;
};

// The "heard but not authenticated" flag of a peer was raised or cleared.
struct unauthenticated_peer {
    std::string node;
    bool heard = false;
};

enum class drop_reason {
    not_running,              // before start or after shutdown
    own_message,              // our own packet looped back by bcast/mcast
    unauthenticated,          // wrong or unknown key
    unknown_node,             // not a configured peer
    unknown_link,             // not a configured medium
    missing_seq,              // a sequenced type without `seq`
    old_generation,           // hg below the one we know: replay
    generation_before_status, // newer hg on a non-status message: wait for its status
    old_sequence,             // seq already seen and not missing: replay
    duplicate,                // seq == last: the same packet on another medium
};
std::string_view to_string(drop_reason reason);

struct message_dropped {
    std::string node;
    std::string link;
    drop_reason reason = drop_reason::not_running;
};

using action = std::variant<send_status, send_shutdone, node_state_changed, link_state_changed,
                            comm_up, peer_restarted, peer_returned_after_partition, late_heartbeat,
                            packets_lost, unauthenticated_peer, message_dropped>;
using actions = std::vector<action>;

// One log line per action, worded like Heartbeat's where it has one (reference §4.8, §5.1).
std::string describe(const action& what);

} // namespace hakit::runtime::membership
