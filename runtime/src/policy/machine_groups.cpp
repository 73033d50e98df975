// Group bookkeeping: the one-at-a-time start/stop queue (so groups start in haresources order
// and a released set stops in reverse), the resource reports, and the status view.
#include "group_report.hpp"

#include <hakit/runtime/policy/machine.hpp>

#include <fmt/format.h>

namespace hakit::runtime::policy {

using action::log_level;

namespace {

std::optional<detail::reported_state> report_state(bool failed, bool stop_failed, bool running,
                                                   bool starting, bool stopping) {
    if (stop_failed) {
        return detail::reported_state::stop_failed;
    }
    if (failed) {
        return detail::reported_state::failed;
    }
    if (starting) {
        return detail::reported_state::starting;
    }
    if (stopping) {
        return detail::reported_state::stopping;
    }
    if (running) {
        return detail::reported_state::running;
    }
    return std::nullopt;
}

} // namespace

void policy_machine::queue_start(std::size_t index, time_point now) {
    auto& group = groups_[index];
    group.current = state::start_queued;
    group.acquired_at = now;
    group.seniority_ms = 0;
    queue_.push_back(queued_op{true, index});
    log(log_level::info,
        fmt::format("acquiring group {} (owner {})", group.spec.id, group.spec.owner));
}

void policy_machine::queue_stop(std::size_t index) {
    auto& group = groups_[index];
    group.current = state::stop_queued;
    queue_.push_back(queued_op{false, index});
    log(log_level::info, fmt::format("releasing group {}", group.spec.id));
}

void policy_machine::pump() {
    for (const auto& group : groups_) {
        if (group.current == state::starting || group.current == state::stopping) {
            return;
        }
    }
    while (!queue_.empty()) {
        const auto op = queue_.front();
        queue_.pop_front();
        auto& group = groups_[op.group];
        if (op.start && group.current == state::start_queued) {
            group.current = state::starting;
            out_.emplace_back(action::start_group{group.spec.id});
            return;
        }
        if (!op.start && group.current == state::stop_queued) {
            group.current = state::stopping;
            out_.emplace_back(action::stop_group{group.spec.id});
            return;
        }
    }
}

bool policy_machine::idle() const {
    if (!queue_.empty()) {
        return false;
    }
    for (const auto& group : groups_) {
        if (group.current == state::starting || group.current == state::stopping) {
            return false;
        }
    }
    return true;
}

bool policy_machine::stable() const {
    return phase_ == local_phase::running && idle() && !txn_;
}

bool policy_machine::holds(state current) {
    return current != state::stopped && current != state::failed;
}

bool policy_machine::holds_any(resource_set set) const {
    for (const auto& group : groups_) {
        if (covers(set, group.owned) && holds(group.current)) {
            return true;
        }
    }
    return false;
}

policy_machine::report_key policy_machine::current_report() const {
    bool owned = false;
    bool foreign = false;
    std::vector<detail::reported_group> detail_list;
    for (const auto& group : groups_) {
        const auto current = group.current;
        if (holds(current)) {
            (group.owned ? owned : foreign) = true;
        }
        const auto code = report_state(current == state::failed, current == state::stop_failed,
                                       current == state::running,
                                       current == state::start_queued || current == state::starting,
                                       current == state::stop_queued || current == state::stopping);
        if (code) {
            detail_list.push_back({group.spec.id, *code, group.seniority_ms});
        }
    }
    return report_key{set_of(owned, foreign), stable(), detail::encode_group_report(detail_list)};
}

void policy_machine::send_report(std::optional<std::string_view> info, bool force) {
    const auto key = current_report();
    if (!force && (!peer_up() || last_report_ == key)) {
        return;
    }
    last_report_ = key;
    // Heartbeat announces a shutdown as "holding nothing" before it releases (reference §5.3).
    const bool shutdown = info == std::optional<std::string_view>{"shutdown"};
    peer_message message{
        message_type::resource,
        {{"rsc_hold", std::string{to_string(shutdown ? resource_set::none : key.hold)}},
         {"rtype", "full"},
         {"isstable", key.stable && !shutdown ? "1" : "0"}}};
    if (info) {
        message.fields.emplace_back("info", std::string{*info});
    }
    if (!key.groups.empty()) {
        message.fields.emplace_back(std::string{detail::group_report_field}, key.groups);
    }
    send(std::move(message));
}

void policy_machine::send(peer_message message) {
    out_.emplace_back(action::send_message{std::move(message)});
}

void policy_machine::log(log_level level, std::string text) {
    out_.emplace_back(action::log{level, std::move(text)});
}

void policy_machine::refuse(std::string reason) {
    log(log_level::warning, reason);
    out_.emplace_back(action::request_refused{std::move(reason)});
}

std::optional<std::size_t> policy_machine::find_group(std::string_view id) const {
    for (std::size_t index = 0; index < groups_.size(); ++index) {
        if (groups_[index].spec.id == id) {
            return index;
        }
    }
    return std::nullopt;
}

std::vector<group_status> policy_machine::status() const {
    std::vector<group_status> view;
    for (const auto& group : groups_) {
        group_status entry{group.spec.id, group.spec.owner, holder::none, group_phase::stopped};
        switch (group.current) {
        case state::start_queued:
        case state::starting:
            entry.held_by = holder::local;
            entry.state = group_phase::starting;
            break;
        case state::running:
            entry.held_by = holder::local;
            entry.state = group_phase::running;
            break;
        case state::stop_queued:
        case state::stopping:
            entry.held_by = holder::local;
            entry.state = group_phase::stopping;
            break;
        case state::stop_failed:
            entry.held_by = holder::local;
            entry.state = group_phase::failed;
            break;
        case state::failed:
            entry.state = group_phase::failed;
            break;
        case state::stopped:
            break;
        }
        if (entry.held_by == holder::none && peer_up() && group.peer.holds) {
            entry.held_by = holder::peer;
            entry.state = group_phase::running;
        }
        view.push_back(std::move(entry));
    }
    return view;
}

} // namespace hakit::runtime::policy
