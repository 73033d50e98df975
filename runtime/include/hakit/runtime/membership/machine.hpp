// The membership state machine (reference §5.1, §4.8, §4.9): local status init -> up -> active,
// peers' states from their status messages and dead timers, per-medium link states, restart
// and replay detection. Pure: no sockets, clocks or threads; the daemon feeds it events with
// `now` and calls tick() again at next_deadline().
#pragma once

#include <hakit/runtime/membership/actions.hpp>
#include <hakit/runtime/membership/config.hpp>
#include <hakit/runtime/membership/message.hpp>
#include <hakit/runtime/membership/sequence_tracker.hpp>
#include <hakit/runtime/membership/view.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hakit::runtime::membership {

struct receive_result {
    std::optional<drop_reason> dropped; // nullopt: accepted, hand it on to the policy
    membership::actions actions;

    bool accepted() const { return !dropped.has_value(); }
};

class machine {
  public:
    // Heartbeat advertises deadtime + 2 s during the first 5 s after start (§4.9).
    static constexpr milliseconds startup_window{5000};
    static constexpr milliseconds startup_dead_time_bonus{2000};

    explicit machine(config cfg);

    // Call once the media are open (Heartbeat's "up"): local status goes init -> up and the
    // first status messages go out. A node without peers is active at once.
    actions start(time_point now);
    // Timers: keepalive, dead peers and links, expiry of the unauthenticated flag, comm up.
    actions tick(time_point now);
    // Every packet that decoded, authenticated or not. Only an accepted one is for the policy;
    // duplicates still refresh the medium they came on.
    receive_result receive(const received_message& message, time_point now);
    // Graceful stop, after the resources are released: tell the peers and go quiet.
    actions shutdown(time_point now);

    // When tick() must be called next; nullopt before start and after shutdown.
    std::optional<time_point> next_deadline() const;

    membership_view view() const;
    node_state local_state() const { return local_state_; }
    bool is_comm_up() const { return comm_up_; }
    // The `dt` we advertise at `now`.
    milliseconds advertised_dead_time(time_point now) const;

  private:
    struct link_record {
        std::string id;
        link_state state = link_state::unknown;
        std::optional<time_point> last_heard;
    };

    struct peer_record {
        std::string name;
        node_state state = node_state::init;
        std::optional<time_point> last_heard;
        std::optional<time_point> last_status;
        std::optional<std::uint64_t> generation;
        sequence_tracker sequence;
        std::optional<milliseconds> advertised_dead_time;
        std::vector<link_record> links;
        std::optional<time_point> last_unauthenticated;
        bool heard_unauthenticated = false;
        peer_counters counters;
    };

    peer_record* find_peer(const std::string& name);
    static link_record* find_link(peer_record& peer, const std::string& id);
    milliseconds dead_timeout(const peer_record& peer) const;
    time_point heard_or_start(const std::optional<time_point>& heard) const;

    void send_status_now(time_point now, actions& out);
    void set_local_state(node_state to, actions& out);
    void check_comm_up(time_point now, actions& out);
    void refresh_link(peer_record& peer, link_record& link, time_point now, actions& out);
    void apply_peer_status(peer_record& peer, const received_message& message, bool restarted,
                           bool generation_was_known, time_point now, actions& out);
    void expire_peer(peer_record& peer, time_point now, actions& out);
    receive_result drop(peer_record* peer, const received_message& message, drop_reason reason);

    config config_;
    std::vector<peer_record> peers_;
    bool running_ = false;
    bool comm_up_ = false;
    node_state local_state_ = node_state::init;
    time_point started_at_{};
    time_point next_send_{};
    milliseconds last_sent_dead_time_{0};
    std::uint64_t dropped_from_unknown_nodes_ = 0;
};

} // namespace hakit::runtime::membership
