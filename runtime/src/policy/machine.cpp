// Construction, the event dispatch, membership events and the operator commands.
#include <hakit/runtime/policy/machine.hpp>

#include <fmt/format.h>

#include <utility>

namespace hakit::runtime::policy {

using action::log_level;

std::variant<policy_machine, config_error> policy_machine::create(config settings) {
    if (auto problem = validate(settings)) {
        return *problem;
    }
    return policy_machine{std::move(settings)};
}

policy_machine::policy_machine(config settings) : settings_(std::move(settings)) {
    peer_name_ =
        settings_.nodes[0] == settings_.local_node ? settings_.nodes[1] : settings_.nodes[0];
    for (const auto& spec : settings_.groups) {
        group_entry entry;
        entry.spec = spec;
        entry.owned = spec.owner == settings_.local_node;
        groups_.push_back(std::move(entry));
    }
}

std::vector<policy_action> policy_machine::handle(const policy_event& input, time_point now) {
    out_.clear();
    if (phase_ == local_phase::shut_down) {
        return {};
    }
    std::visit([&](const auto& concrete) { on(concrete, now); }, input);
    decide(now);
    return std::exchange(out_, {});
}

std::optional<time_point> policy_machine::next_deadline() const {
    std::optional<time_point> next;
    auto consider = [&](std::optional<time_point> when) {
        if (when && (!next || *when < *next)) {
            next = when;
        }
    };
    if (phase_ == local_phase::shut_down) {
        return std::nullopt;
    }
    if (txn_ && (txn_->step == txn_step::asked || txn_->step == txn_step::wait_done)) {
        consider(txn_->deadline);
    }
    if (phase_ == local_phase::negotiating) {
        consider(negotiation_deadline_);
    }
    if (refusing_ && last_refusal_log_) {
        consider(*last_refusal_log_ + settings_.deadtime);
    }
    return next;
}

void policy_machine::on(const event::peer_alive& input, time_point now) {
    revive_peer("is alive again", now);
    peer_active_ = input.active;
}

void policy_machine::revive_peer(std::string_view why, time_point now) {
    if (peer_liveness_ == liveness::alive) {
        return;
    }
    const bool was_lost = peer_liveness_ == liveness::dead || peer_liveness_ == liveness::gone;
    peer_liveness_ = liveness::alive;
    if (!was_lost) {
        return; // first contact: comm-up starts the negotiation
    }
    log(log_level::info, fmt::format("node {} {}: asking which groups it holds", peer_name_, why));
    peer_report_known_ = false;
    peer_stable_ = false;
    peer_shutting_down_ = false;
    failback_pending_ = true;
    // Freeze the hold ages at this moment: after a partition both nodes then compare the same
    // two numbers per group, whatever they send later.
    for (auto& group : groups_) {
        group.seniority_ms =
            holds(group.current)
                ? std::chrono::duration_cast<std::chrono::milliseconds>(now - group.acquired_at)
                      .count()
                : 0;
    }
    if (phase_ != local_phase::waiting_comm_up) {
        send(peer_message{message_type::starting, {}});
        send_report(std::nullopt, true);
    }
}

void policy_machine::on(const event::peer_dead&, time_point now) {
    peer_lost("was declared dead", now);
}

void policy_machine::peer_lost(std::string_view why, time_point now) {
    if (peer_liveness_ == liveness::dead || peer_liveness_ == liveness::gone) {
        return;
    }
    peer_liveness_ = liveness::dead;
    peer_active_ = false;
    peer_report_known_ = false;
    peer_stable_ = false;
    peer_shutting_down_ = false;
    failback_pending_ = false;
    peer_pings_.reset();
    for (auto& group : groups_) {
        group.peer = {};
        group.released_by_standby = false;
        if (group.current == state::failed) {
            // Nobody else can run it now: one more try here is not a retry loop.
            group.current = state::stopped;
        }
    }
    if (txn_) {
        log(log_level::warning, "standby exchange cancelled: the peer is gone");
        txn_.reset();
    }
    if (phase_ == local_phase::negotiating) {
        phase_ = local_phase::running;
    }
    log(log_level::warning,
        fmt::format("node {} {}: its groups are taken over here", peer_name_, why));
    (void)now;
}

void policy_machine::on(const event::peer_unauthenticated& input, time_point) {
    if (input.heard == peer_unauthenticated_) {
        return;
    }
    peer_unauthenticated_ = input.heard;
    if (input.heard) {
        log(log_level::warning,
            fmt::format("packets from node {} fail authentication (authkeys differ?): no group "
                        "will be taken over from it",
                        peer_name_));
    } else {
        log(log_level::info,
            fmt::format("no more unauthenticated packets from node {}", peer_name_));
        last_refusal_log_.reset();
    }
}

void policy_machine::on(const event::peer_restarted&, time_point) {
    // A new generation holds nothing: its old process and its groups are gone.
    log(log_level::info, fmt::format("heartbeat restart on node {}", peer_name_));
    peer_liveness_ = liveness::alive;
    peer_report_known_ = false;
    peer_stable_ = false;
    peer_shutting_down_ = false;
    failback_pending_ = true;
    for (auto& group : groups_) {
        group.peer = {};
    }
    if (txn_) {
        txn_.reset();
    }
}

void policy_machine::on(const event::peer_returned&, time_point now) {
    // Often already revived by the first message it sent after the heal.
    revive_peer("returned after a partition", now);
}

void policy_machine::on(const event::comm_up&, time_point now) {
    if (phase_ != local_phase::waiting_comm_up) {
        return;
    }
    if (peer_liveness_ == liveness::unknown) {
        // Comm-up means every node was heard or timed out: silence is death.
        peer_liveness_ = liveness::dead;
    }
    if (peer_up()) {
        log(log_level::info,
            fmt::format("comm up: asking node {} which groups it holds", peer_name_));
        send(peer_message{message_type::starting, {}});
        phase_ = local_phase::negotiating;
        negotiation_deadline_ = now + settings_.deadtime;
        if (peer_report_known_) {
            phase_ = local_phase::running;
        }
    } else {
        log(log_level::info, fmt::format("comm up: node {} is not up", peer_name_));
        phase_ = local_phase::running;
    }
}

void policy_machine::on(const event::message_received& input, time_point now) {
    const auto& message = input.message;
    if (message.type != message_type::shutdone) {
        revive_peer("is talking again", now);
    }
    switch (message.type) {
    case message_type::starting:
        on_starting(now);
        break;
    case message_type::resource:
        on_resource(message, now);
        break;
    case message_type::ask_resources:
        on_ask_resources(message, now);
        break;
    case message_type::hb_takeover:
        on_hb_takeover(message, now);
        break;
    case message_type::shutdone:
        on_shutdone(now);
        break;
    case message_type::num_ping_nodes:
        on_num_ping_nodes(message, now);
        break;
    }
}

void policy_machine::on(const event::group_started& input, time_point) {
    const auto index = find_group(input.group);
    if (!index || groups_[*index].current != state::starting) {
        log(log_level::warning,
            fmt::format("ignoring an unexpected start result for group {}", input.group));
        return;
    }
    auto& group = groups_[*index];
    if (input.ok) {
        group.current = state::running;
        log(log_level::info, fmt::format("group {} started", group.spec.id));
        return;
    }
    // Release what started (the runner stops the group in reverse) and do not retry here.
    log(log_level::error,
        fmt::format("starting group {} failed: releasing it; it is not retried on this node",
                    group.spec.id));
    group.current = state::running;
    group.release_failed_start = true;
    queue_stop(*index);
    queue_.push_front(queue_.back());
    queue_.pop_back();
}

void policy_machine::on(const event::group_stopped& input, time_point) {
    const auto index = find_group(input.group);
    if (!index || groups_[*index].current != state::stopping) {
        log(log_level::warning,
            fmt::format("ignoring an unexpected stop result for group {}", input.group));
        return;
    }
    auto& group = groups_[*index];
    if (input.ok) {
        group.current = group.release_failed_start ? state::failed : state::stopped;
        group.release_failed_start = false;
        log(log_level::info, fmt::format("group {} stopped", group.spec.id));
        return;
    }
    group.current = state::stop_failed;
    group.release_failed_start = false;
    log(log_level::error,
        fmt::format("STOPPING GROUP {} FAILED: it may still be running, so it stays reported as "
                    "held here and is not handed over; stop it by hand",
                    group.spec.id));
}

void policy_machine::on(const event::standby_command& input, time_point now) {
    if (input.set == resource_set::none) {
        return;
    }
    if (!peer_up()) {
        refuse(fmt::format("standby {} refused: node {} is not up to take the groups",
                           to_string(input.set), peer_name_));
        return;
    }
    if (phase_ != local_phase::running || !stable() || !peer_stable_) {
        refuse(fmt::format("standby {} refused: resources are in flux", to_string(input.set)));
        return;
    }
    begin_standby(input.set, fmt::format("standby {} requested", to_string(input.set)), now);
}

void policy_machine::on(const event::takeover_command& input, time_point) {
    if (input.set == resource_set::none) {
        return;
    }
    if (phase_ != local_phase::running) {
        refuse(fmt::format("takeover {} refused: this node is still starting up or is "
                           "shutting down",
                           to_string(input.set)));
        return;
    }
    // An explicit request: earlier failures and standbys no longer hold these groups back.
    for (auto& group : groups_) {
        if (covers(input.set, group.owned)) {
            group.released_by_standby = false;
            if (group.current == state::failed) {
                group.current = state::stopped;
            }
        }
    }
    log(log_level::info, fmt::format("takeover {} requested", to_string(input.set)));
    if (peer_up()) {
        send(peer_message{message_type::hb_takeover,
                          {{"rsc_hold", std::string{to_string(input.set)}}}});
    }
}

void policy_machine::on(const event::shutdown_request&, time_point) {
    if (phase_ == local_phase::shutdown_wait || phase_ == local_phase::releasing) {
        return;
    }
    if (txn_ && txn_->step != txn_step::releasing && txn_->step != txn_step::acquiring) {
        txn_.reset();
    }
    phase_ = local_phase::shutdown_wait;
    log(log_level::info, "shutdown requested: releasing every group");
    if (!idle() || txn_) {
        log(log_level::info, "shutdown delayed until current resource activity finishes");
    }
}

void policy_machine::on(const event::ping_counts& input, time_point) {
    bool changed = false;
    if (input.local_visible && input.local_visible != local_pings_) {
        local_pings_ = input.local_visible;
        changed = true;
        if (settings_.ping_failover && peer_up()) {
            send(peer_message{message_type::num_ping_nodes,
                              {{"num_ping", fmt::format("{}", *local_pings_)}}});
        }
    }
    if (input.peer_visible && input.peer_visible != peer_pings_) {
        peer_pings_ = input.peer_visible;
        changed = true;
    }
    if (changed) {
        ping_handoff_done_ = false;
        if (local_pings_ && peer_pings_ && *local_pings_ == *peer_pings_ &&
            settings_.failback != auto_failback::off) {
            failback_pending_ = true;
        }
    }
}

void policy_machine::on(const event::timer_expired&, time_point now) {
    if (txn_ && (txn_->step == txn_step::asked || txn_->step == txn_step::wait_done) &&
        now >= txn_->deadline) {
        log(log_level::warning, txn_->step == txn_step::asked
                                    ? "no reply to standby request: standby request cancelled"
                                    : "standby exchange timed out");
        txn_.reset();
    }
    if (phase_ == local_phase::negotiating && negotiation_deadline_ &&
        now >= *negotiation_deadline_) {
        log(log_level::warning,
            fmt::format("node {} did not report its groups: asking again", peer_name_));
        send(peer_message{message_type::starting, {}});
        negotiation_deadline_ = now + settings_.deadtime;
    }
}

std::string_view to_string(holder who) {
    switch (who) {
    case holder::none:
        return "none";
    case holder::local:
        return "local";
    case holder::peer:
        return "peer";
    }
    return "none";
}

std::string_view to_string(group_phase phase) {
    switch (phase) {
    case group_phase::stopped:
        return "stopped";
    case group_phase::starting:
        return "starting";
    case group_phase::running:
        return "running";
    case group_phase::stopping:
        return "stopping";
    case group_phase::failed:
        return "failed";
    }
    return "stopped";
}

} // namespace hakit::runtime::policy
