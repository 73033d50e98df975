// What the machine does after every event: take groups, settle double holds, fail back, hand
// over on ping counts, move the standby exchange and the shutdown forward.
#include <hakit/runtime/policy/machine.hpp>

#include <fmt/format.h>

namespace hakit::runtime::policy {

using action::log_level;

void policy_machine::decide(time_point now) {
    if (phase_ == local_phase::shutdown_wait || phase_ == local_phase::releasing) {
        advance_shutdown();
        pump();
        return;
    }
    if (phase_ == local_phase::running) {
        resolve_double_holds();
        take_groups(now);
        advance_standby(now);
        maybe_fail_back(now);
        maybe_hand_over_for_ping(now);
    }
    if (phase_ != local_phase::waiting_comm_up) {
        send_report(std::nullopt, false);
    }
    pump();
}

void policy_machine::take_groups(time_point now) {
    const bool peer_down = peer_liveness_ == liveness::dead || peer_liveness_ == liveness::gone;
    std::vector<std::string> refused;
    for (std::size_t index = 0; index < groups_.size(); ++index) {
        auto& group = groups_[index];
        if (group.current != state::stopped) {
            continue;
        }
        if (peer_down) {
            if (peer_unauthenticated_ && !group.owned) {
                refused.push_back(group.spec.id);
                continue;
            }
            queue_start(index, now);
            continue;
        }
        // The peer is up: only groups it does not hold, never while anything is moving.
        if (!peer_up() || !peer_report_known_ || txn_ || peer_shutting_down_ || group.peer.holds ||
            group.released_by_standby) {
            continue;
        }
        if (group.owned || group.peer.failed) {
            queue_start(index, now);
        }
    }
    refusing_ = !refused.empty();
    if (!refusing_) {
        return;
    }
    if (!last_refusal_log_ || now - *last_refusal_log_ >= settings_.deadtime) {
        last_refusal_log_ = now;
        log(log_level::warning,
            fmt::format("node {} is heard but cannot be authenticated: refusing to take over "
                        "{} (check that authkeys match on both nodes)",
                        peer_name_, fmt::join(refused, ", ")));
    }
}

bool policy_machine::local_keeps(const group_entry& group) const {
    if (settings_.failback != auto_failback::off) {
        return group.owned;
    }
    // auto_failback off: the node that held it longer keeps it; equal ages go to the owner.
    if (group.seniority_ms != group.peer.seniority_ms) {
        return group.seniority_ms > group.peer.seniority_ms;
    }
    return group.owned;
}

void policy_machine::resolve_double_holds() {
    if (!peer_up() || !peer_report_known_) {
        return;
    }
    for (std::size_t index = groups_.size(); index-- > 0;) {
        auto& group = groups_[index];
        const bool ours = group.current == state::running || group.current == state::start_queued;
        if (!ours || !group.peer.holds || group.peer.failed || local_keeps(group)) {
            continue;
        }
        log(log_level::warning,
            fmt::format("both nodes hold group {}: node {} keeps it, releasing it here",
                        group.spec.id, peer_name_));
        if (group.current == state::start_queued) {
            std::erase_if(queue_, [&](const queued_op& op) { return op.group == index; });
            group.current = state::stopped;
        } else {
            queue_stop(index);
        }
    }
}

void policy_machine::maybe_fail_back(time_point now) {
    if (settings_.failback == auto_failback::off || !failback_pending_) {
        return;
    }
    if (!peer_up() || !peer_active_ || !peer_report_known_ || !peer_stable_ ||
        peer_shutting_down_ || !stable()) {
        return;
    }
    failback_pending_ = false;
    bool holds_foreign = false;
    for (const auto& group : groups_) {
        holds_foreign = holds_foreign ||
                        (!group.owned && group.current == state::running && !group.peer.failed);
    }
    if (holds_foreign) {
        begin_standby(resource_set::foreign,
                      fmt::format("auto_failback: giving groups back to node {}", peer_name_), now);
    }
}

void policy_machine::maybe_hand_over_for_ping(time_point now) {
    if (!settings_.ping_failover || !local_pings_ || !peer_pings_ || ping_handoff_done_ ||
        *local_pings_ >= *peer_pings_) {
        return;
    }
    if (!peer_up() || !peer_report_known_ || !peer_stable_ || peer_shutting_down_ || !stable()) {
        return;
    }
    ping_handoff_done_ = true;
    if (holds_any(resource_set::all)) {
        begin_standby(resource_set::all,
                      fmt::format("this node sees {} ping node(s), node {} sees {}: handing "
                                  "the groups over",
                                  *local_pings_, peer_name_, *peer_pings_),
                      now);
    }
}

bool policy_machine::begin_standby(resource_set set, std::string_view why, time_point now) {
    if (!holds_any(set)) {
        log(log_level::info, fmt::format("{}: no {} group is held here", why, to_string(set)));
        return false;
    }
    log(log_level::info,
        fmt::format("{}: asking node {} to take the {} groups", why, peer_name_, to_string(set)));
    send(peer_message{message_type::ask_resources,
                      {{"rsc_hold", std::string{to_string(set)}}, {"info", "me"}}});
    // Heartbeat gives the other node 10 s to answer (reference §5.5).
    txn_ = standby_txn{txn_role::requester, set, txn_step::asked, now + std::chrono::seconds{10}};
    return true;
}

void policy_machine::advance_standby(time_point now) {
    if (!txn_ || !idle()) {
        return;
    }
    if (txn_->role == txn_role::requester && txn_->step == txn_step::releasing) {
        // Everything of the set is released (or failed to stop, which we report as held).
        send_report(std::nullopt, false);
        send(peer_message{message_type::ask_resources,
                          {{"rsc_hold", std::string{to_string(txn_->set)}}, {"info", "done"}}});
        txn_->step = txn_step::wait_done;
        txn_->deadline = now + std::chrono::hours{1};
        return;
    }
    if (txn_->role == txn_role::other && txn_->step == txn_step::acquiring) {
        log(log_level::info,
            fmt::format("standby resource acquisition done [{}]", to_string(txn_->set)));
        const auto requester_set = mirror(txn_->set);
        txn_.reset();
        send_report(std::nullopt, false);
        send(peer_message{message_type::ask_resources,
                          {{"rsc_hold", std::string{to_string(requester_set)}}, {"info", "done"}}});
    }
}

void policy_machine::advance_shutdown() {
    if (phase_ == local_phase::shutdown_wait) {
        if (!idle() ||
            (txn_ && (txn_->step == txn_step::releasing || txn_->step == txn_step::acquiring))) {
            return;
        }
        txn_.reset();
        send_report("shutdown", true);
        for (std::size_t index = groups_.size(); index-- > 0;) {
            if (groups_[index].current == state::running) {
                queue_stop(index);
            }
        }
        phase_ = local_phase::releasing;
    }
    if (phase_ != local_phase::releasing || !idle()) {
        return;
    }
    std::vector<std::string> stuck;
    for (const auto& group : groups_) {
        if (group.current == state::stop_failed) {
            stuck.push_back(group.spec.id);
        }
    }
    if (stuck.empty()) {
        send(peer_message{message_type::shutdone, {{"st", "dead"}}});
        log(log_level::info, "shutdown complete: every group released");
    } else {
        // Without shutdone the peer waits its dead time instead of starting a group that may
        // still run here.
        log(log_level::error,
            fmt::format("shutdown finished but {} could not be stopped: not sending shutdone",
                        fmt::join(stuck, ", ")));
    }
    out_.emplace_back(action::shutdown_complete{});
    phase_ = local_phase::shut_down;
}

} // namespace hakit::runtime::policy
