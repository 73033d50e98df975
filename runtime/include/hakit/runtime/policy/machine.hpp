// The failover policy of a two-node cluster as a pure state machine: which node holds which
// resource group. No sockets, clocks or processes inside: the daemon feeds events with the time
// and carries out the returned actions; next_deadline() says when to call again.
//
// The protocol and its decisions are described for users in docs/runtime-policy.md.
#pragma once

#include <hakit/runtime/policy/actions.hpp>
#include <hakit/runtime/policy/config.hpp>
#include <hakit/runtime/policy/events.hpp>
#include <hakit/runtime/policy/resource_set.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hakit::runtime::policy {

using clock = std::chrono::steady_clock;
using time_point = clock::time_point;

// What `harun status` shows per group.
enum class holder { none, local, peer };
enum class group_phase { stopped, starting, running, stopping, failed };
std::string_view to_string(holder who);
std::string_view to_string(group_phase phase);

struct group_status {
    std::string id;
    std::string owner;
    holder held_by = holder::none;
    group_phase state = group_phase::stopped;
};

class policy_machine {
  public:
    // Refuses configurations it cannot run (not exactly two nodes, unknown owners, ...).
    static std::variant<policy_machine, config_error> create(config settings);

    std::vector<policy_action> handle(const policy_event& input, time_point now);
    // When a timer_expired event is due (refusal reminders, standby timeouts, resent starting).
    std::optional<time_point> next_deadline() const;

    std::vector<group_status> status() const;
    const config& settings() const { return settings_; }
    const std::string& peer_node() const { return peer_name_; }
    // Nothing being started, stopped or negotiated.
    bool stable() const;
    bool shut_down() const { return phase_ == local_phase::shut_down; }

  private:
    enum class local_phase {
        waiting_comm_up,
        negotiating,
        running,
        shutdown_wait,
        releasing,
        shut_down
    };
    enum class liveness { unknown, alive, dead, gone };
    enum class state {
        stopped,
        start_queued,
        starting,
        running,
        stop_queued,
        stopping,
        failed,
        stop_failed
    };
    struct peer_group_view {
        bool holds = false;
        bool failed = false;
        std::int64_t seniority_ms = 0;
    };
    struct group_entry {
        group_spec spec;
        bool owned = false; // the haresources node is this node
        state current = state::stopped;
        time_point acquired_at{};
        std::int64_t seniority_ms = 0;    // hold age frozen when a partition healed
        bool released_by_standby = false; // do not take back on our own
        bool release_failed_start = false;
        peer_group_view peer;
    };
    enum class txn_role { requester, other };
    enum class txn_step { asked, releasing, wait_done, acquiring };
    struct standby_txn {
        txn_role role = txn_role::requester;
        resource_set set = resource_set::none; // relative to this node
        txn_step step = txn_step::asked;
        time_point deadline{};
    };
    struct report_key {
        resource_set hold = resource_set::none;
        bool stable = false;
        std::string groups;
        friend bool operator==(const report_key&, const report_key&) = default;
    };
    struct queued_op {
        bool start = true;
        std::size_t group = 0;
    };

    explicit policy_machine(config settings);

    // machine.cpp: membership events and commands
    void on(const event::peer_alive& input, time_point now);
    void on(const event::peer_dead& input, time_point now);
    void on(const event::peer_unauthenticated& input, time_point now);
    void on(const event::peer_restarted& input, time_point now);
    void on(const event::peer_returned& input, time_point now);
    void on(const event::comm_up& input, time_point now);
    void on(const event::message_received& input, time_point now);
    void on(const event::group_started& input, time_point now);
    void on(const event::group_stopped& input, time_point now);
    void on(const event::standby_command& input, time_point now);
    void on(const event::takeover_command& input, time_point now);
    void on(const event::shutdown_request& input, time_point now);
    void on(const event::ping_counts& input, time_point now);
    void on(const event::timer_expired& input, time_point now);
    void peer_lost(std::string_view why, time_point now);
    void revive_peer(std::string_view why, time_point now);

    // machine_messages.cpp: the peer's policy messages
    void on_starting(time_point now);
    void on_resource(const peer_message& message, time_point now);
    void on_ask_resources(const peer_message& message, time_point now);
    void on_hb_takeover(const peer_message& message, time_point now);
    void on_shutdone(time_point now);
    void on_num_ping_nodes(const peer_message& message, time_point now);

    // machine_decide.cpp: what to do after each event
    void decide(time_point now);
    void take_groups(time_point now);
    void resolve_double_holds();
    bool local_keeps(const group_entry& group) const;
    void maybe_fail_back(time_point now);
    void maybe_hand_over_for_ping(time_point now);
    void advance_standby(time_point now);
    void advance_shutdown();
    bool begin_standby(resource_set set, std::string_view why, time_point now);

    // machine_groups.cpp: the one-at-a-time start/stop queue and the reports
    void queue_start(std::size_t index, time_point now);
    void queue_stop(std::size_t index);
    void pump();
    bool idle() const;
    static bool holds(state current);
    bool holds_any(resource_set set) const;
    report_key current_report() const;
    void send_report(std::optional<std::string_view> info, bool force);
    void send(peer_message message);
    void log(action::log_level level, std::string text);
    void refuse(std::string reason); // logged as a warning and answered to the command
    std::optional<std::size_t> find_group(std::string_view id) const;
    bool peer_up() const { return peer_liveness_ == liveness::alive; }

    config settings_;
    std::string peer_name_;
    std::vector<group_entry> groups_;

    local_phase phase_ = local_phase::waiting_comm_up;
    liveness peer_liveness_ = liveness::unknown;
    bool peer_active_ = false;
    bool peer_unauthenticated_ = false;
    bool peer_report_known_ = false;
    bool peer_stable_ = false;
    bool peer_shutting_down_ = false;
    bool failback_pending_ = false;
    std::optional<std::size_t> local_pings_;
    std::optional<std::size_t> peer_pings_;
    bool ping_handoff_done_ = false;
    std::optional<standby_txn> txn_;
    std::optional<time_point> negotiation_deadline_;
    std::optional<time_point> last_refusal_log_;
    bool refusing_ = false;

    std::deque<queued_op> queue_;
    std::optional<report_key> last_report_;
    std::vector<policy_action> out_;
};

} // namespace hakit::runtime::policy
