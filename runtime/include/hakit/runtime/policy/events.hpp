// Inputs of the failover policy machine. Each is handled with the current time.
#pragma once

#include <hakit/runtime/policy/message.hpp>
#include <hakit/runtime/policy/resource_set.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <variant>

namespace hakit::runtime::policy::event {

// An authenticated status from the peer: it is alive, `active` once it reports st=active.
struct peer_alive {
    bool active = false;
};
// Membership declared the peer dead (no authenticated packet within its dead time).
struct peer_dead {};
// Packets from the peer's address fail authentication (keys differ), or stopped doing so.
struct peer_unauthenticated {
    bool heard = true;
};
// The peer's generation grew: it restarted and holds nothing any more.
struct peer_restarted {};
// The peer was declared dead and talks again with the same generation: a partition healed.
struct peer_returned {};
// Local comm-up: every node has been heard or declared dead (initdead elapsed).
struct comm_up {};
struct message_received {
    peer_message message;
};
// The resource runner finished a whole group's start or stop.
struct group_started {
    std::string group;
    bool ok = true;
};
struct group_stopped {
    std::string group;
    bool ok = true;
};
// `harun standby` / `harun takeover` with the set relative to this node.
struct standby_command {
    resource_set set = resource_set::all;
};
struct takeover_command {
    resource_set set = resource_set::all;
};
// SIGTERM: release everything and tell the peer.
struct shutdown_request {};
// Ping nodes seen here and/or by the peer (the peer's count also arrives as num_ping_nodes).
struct ping_counts {
    std::optional<std::size_t> local_visible;
    std::optional<std::size_t> peer_visible;
};
// next_deadline() was reached.
struct timer_expired {};

} // namespace hakit::runtime::policy::event

namespace hakit::runtime::policy {

using policy_event =
    std::variant<event::peer_alive, event::peer_dead, event::peer_unauthenticated,
                 event::peer_restarted, event::peer_returned, event::comm_up,
                 event::message_received, event::group_started, event::group_stopped,
                 event::standby_command, event::takeover_command, event::shutdown_request,
                 event::ping_counts, event::timer_expired>;

} // namespace hakit::runtime::policy
