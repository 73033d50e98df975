// The peer's policy messages (reference §4.9, §5.3, §5.5, §5.7).
#include "group_report.hpp"

#include <hakit/runtime/policy/machine.hpp>

#include <fmt/format.h>

#include <charconv>

namespace hakit::runtime::policy {

using action::log_level;

void policy_machine::on_starting(time_point) {
    // "Tell me what you hold": answer with the full report; a (re)joining owner may want its
    // groups back once it is stable.
    failback_pending_ = true;
    send_report(std::nullopt, true);
    if (settings_.ping_failover && local_pings_) {
        // As ipfail does when the other side joins: it needs our count to compare.
        send(peer_message{message_type::num_ping_nodes,
                          {{"num_ping", fmt::format("{}", *local_pings_)}}});
    }
}

void policy_machine::on_resource(const peer_message& message, time_point) {
    const auto hold = parse_resource_set(message.field("rsc_hold").value_or("none"));
    const bool full = message.field("rtype") == std::optional<std::string_view>{"full"};
    const auto info = message.field("info");
    const auto stable_flag = message.field("isstable");
    std::optional<std::vector<detail::reported_group>> detailed;
    if (const auto text = message.field(detail::group_report_field)) {
        detailed = detail::decode_group_report(*text);
    }
    // Relative to the sender: its "local" groups are our foreign ones.
    const auto ours = mirror(hold.value_or(resource_set::none));
    for (auto& group : groups_) {
        if (detailed) {
            group.peer = {};
            for (const auto& reported : *detailed) {
                if (reported.id == group.spec.id) {
                    group.peer.holds = reported.held();
                    group.peer.failed = reported.state == detail::reported_state::failed;
                    group.peer.seniority_ms = reported.seniority_ms;
                }
            }
        } else if (full) {
            group.peer = {};
            group.peer.holds = covers(ours, group.owned);
        } else {
            // Without rtype (mach_down) the set is added to what we knew.
            group.peer.holds = group.peer.holds || covers(ours, group.owned);
        }
    }
    if (stable_flag) {
        peer_stable_ = *stable_flag == "1";
    }
    peer_shutting_down_ = info == std::optional<std::string_view>{"shutdown"};
    peer_report_known_ = true;
    if (phase_ == local_phase::negotiating) {
        log(log_level::info, "remote resource transition completed");
        phase_ = local_phase::running;
        negotiation_deadline_.reset();
    }
}

void policy_machine::on_ask_resources(const peer_message& message, time_point now) {
    const auto info = message.field("info").value_or("");
    const auto set =
        parse_resource_set(message.field("rsc_hold").value_or("none")).value_or(resource_set::none);
    if (info == "me") {
        if (phase_ != local_phase::running || txn_ || !idle()) {
            log(log_level::warning,
                fmt::format("standby message [me] from {} ignored: local resources in flux",
                            peer_name_));
            return;
        }
        log(log_level::info, fmt::format("node {} goes standby for its {} groups: taking them",
                                         peer_name_, to_string(set)));
        send(peer_message{message_type::ask_resources,
                          {{"rsc_hold", std::string{to_string(set)}}, {"info", "other"}}});
        txn_ = standby_txn{txn_role::other, mirror(set), txn_step::wait_done,
                           now + std::chrono::hours{1}};
        return;
    }
    if (!txn_) {
        log(log_level::warning,
            fmt::format("unexpected standby message [{}] from {} ignored", info, peer_name_));
        return;
    }
    if (info == "other" && txn_->role == txn_role::requester && txn_->step == txn_step::asked) {
        // The peer agreed: tell it what stays here, then release the set in reverse order.
        txn_->step = txn_step::releasing;
        const bool keep_owned = !covers(txn_->set, true) && holds_any(resource_set::local);
        const bool keep_foreign = !covers(txn_->set, false) && holds_any(resource_set::foreign);
        for (std::size_t index = groups_.size(); index-- > 0;) {
            auto& group = groups_[index];
            // A group the peer failed to start stays here: handing it over serves nobody.
            if (covers(txn_->set, group.owned) && group.current == state::running &&
                !group.peer.failed) {
                group.released_by_standby = true;
                queue_stop(index);
            }
        }
        send(peer_message{message_type::resource,
                          {{"rsc_hold", std::string{to_string(set_of(keep_owned, keep_foreign))}},
                           {"rtype", "full"},
                           {"isstable", "0"},
                           {"info", "standby"}}});
        return;
    }
    if (info == "done" && txn_->role == txn_role::other && txn_->step == txn_step::wait_done) {
        txn_->step = txn_step::acquiring;
        for (std::size_t index = 0; index < groups_.size(); ++index) {
            auto& group = groups_[index];
            // A group whose stop failed over there is still reported held: not taken.
            if (covers(txn_->set, group.owned) && group.current == state::stopped &&
                !group.peer.holds) {
                group.released_by_standby = false;
                queue_start(index, now);
            }
        }
        return;
    }
    if (info == "done" && txn_->role == txn_role::requester && txn_->step == txn_step::wait_done) {
        log(log_level::info, fmt::format("node {} completed the standby takeover of {} groups",
                                         peer_name_, to_string(mirror(txn_->set))));
        txn_.reset();
        send_report(std::nullopt, true);
        return;
    }
    log(log_level::warning, fmt::format("standby message [{}] from {} does not fit the current "
                                        "exchange: ignored",
                                        info, peer_name_));
}

void policy_machine::on_hb_takeover(const peer_message& message, time_point now) {
    const auto set =
        parse_resource_set(message.field("rsc_hold").value_or("none")).value_or(resource_set::none);
    // The sender wants its `set`; from here that is the mirrored set (local <-> foreign).
    const auto ours = mirror(set);
    if (phase_ != local_phase::running || !stable() || txn_) {
        log(log_level::warning,
            fmt::format("takeover request from {} ignored: resources in flux", peer_name_));
        return;
    }
    for (auto& group : groups_) {
        if (covers(ours, group.owned)) {
            group.released_by_standby = false;
        }
    }
    begin_standby(ours, fmt::format("node {} asked to take over {}", peer_name_, to_string(set)),
                  now);
}

void policy_machine::on_shutdone(time_point now) {
    peer_lost("shut down gracefully", now);
    peer_liveness_ = liveness::gone;
}

void policy_machine::on_num_ping_nodes(const peer_message& message, time_point now) {
    const auto text = message.field("num_ping").value_or("");
    std::size_t count = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return;
    }
    on(event::ping_counts{std::nullopt, count}, now);
}

} // namespace hakit::runtime::policy
