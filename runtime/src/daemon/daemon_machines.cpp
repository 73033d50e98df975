// Daemon machines: membership actions to policy events, policy actions to the resource driver.
#include "harun_node.hpp"

#include <hakit/runtime/daemon/gratuitous_arp.hpp>
#include <hakit/runtime/daemon/translate.hpp>

#include <fmt/format.h>

#include <type_traits>
#include <utility>
#include <variant>

namespace hakit::runtime::daemon::detail {
namespace {

log_level level_of(policy::action::log_level level) {
    switch (level) {
    case policy::action::log_level::debug:
        return log_level::debug;
    case policy::action::log_level::info:
        return log_level::info;
    case policy::action::log_level::warning:
        return log_level::warning;
    case policy::action::log_level::error:
        return log_level::error;
    }
    return log_level::info;
}

log_level level_of(resources::group_log::level level) {
    switch (level) {
    case resources::group_log::level::info:
        return log_level::info;
    case resources::group_log::level::warning:
        return log_level::warning;
    case resources::group_log::level::error:
    case resources::group_log::level::critical:
        return log_level::error;
    }
    return log_level::info;
}

log_level level_of(const membership::action& what) {
    return std::visit(
        [](const auto& concrete) {
            using T = std::decay_t<decltype(concrete)>;
            if constexpr (std::is_same_v<T, membership::node_state_changed>) {
                // A peer's death is news; our own at a graceful stop is not.
                return concrete.to == membership::node_state::dead && !concrete.is_local
                           ? log_level::warning
                           : log_level::info;
            } else if constexpr (std::is_same_v<T, membership::link_state_changed> ||
                                 std::is_same_v<T, membership::comm_up> ||
                                 std::is_same_v<T, membership::peer_restarted>) {
                return log_level::info;
            } else if constexpr (std::is_same_v<T, membership::late_heartbeat> ||
                                 std::is_same_v<T, membership::peer_returned_after_partition> ||
                                 std::is_same_v<T, membership::unauthenticated_peer>) {
                return log_level::warning;
            } else {
                return log_level::debug;
            }
        },
        what);
}

std::vector<std::string> plan_addresses(const node::resource_group& group) {
    std::vector<std::string> addresses;
    for (const node::resource& item : group.resources) {
        if (item.ip) {
            addresses.push_back(item.ip->ip);
        }
    }
    return addresses;
}

} // namespace

void node_daemon::on_membership(membership::actions actions, steady::time_point now,
                                const membership::received_message* cause,
                                std::optional<policy::event::peer_alive> alive) {
    for (membership::action& what : actions) {
        if (alive && std::holds_alternative<membership::comm_up>(what)) {
            post(*std::exchange(alive, std::nullopt));
        }
        if (!std::holds_alternative<membership::send_status>(what) &&
            !std::holds_alternative<membership::send_shutdone>(what)) {
            log(level_of(what), membership::describe(what));
        }
        if (auto* status = std::get_if<membership::send_status>(&what)) {
            send(status_message(membership::to_string(status->status), status->dead_time));
        } else if (auto* change = std::get_if<membership::node_state_changed>(&what)) {
            if (change->is_local) {
                continue;
            }
            if (change->to == membership::node_state::dead) {
                const bool left_on_purpose = cause != nullptr && cause->type == "shutdone";
                if (!left_on_purpose) {
                    post(policy::event::peer_dead{});
                }
            } else {
                post(policy::event::peer_alive{change->to == membership::node_state::active});
            }
        } else if (std::holds_alternative<membership::comm_up>(what)) {
            post(policy::event::comm_up{});
        } else if (std::holds_alternative<membership::peer_restarted>(what)) {
            post(policy::event::peer_restarted{});
        } else if (std::holds_alternative<membership::peer_returned_after_partition>(what)) {
            post(policy::event::peer_returned{});
        } else if (auto* flag = std::get_if<membership::unauthenticated_peer>(&what)) {
            post(policy::event::peer_unauthenticated{flag->heard});
        }
    }
    if (alive) {
        post(*alive);
    }
    (void)now;
}

void node_daemon::post(policy::policy_event input) {
    pending_.push_back(std::move(input));
}

void node_daemon::drain(steady::time_point now) {
    while (!pending_.empty()) {
        policy::policy_event input = std::move(pending_.front());
        pending_.pop_front();
        for (policy::policy_action& action : policy_->handle(input, now)) {
            on_policy(action, now);
        }
    }
    if (announce_after_drain_) {
        announce_after_drain_ = false;
        announce_held();
    }
}

void node_daemon::on_policy(policy::policy_action& action, steady::time_point now) {
    driver_output done;
    if (auto* start = std::get_if<policy::action::start_group>(&action)) {
        if (options_.early_address_claim && driver_->idle(start->group)) {
            claim_addresses(start->group);
        }
        if (!driver_->start(start->group, now, done)) {
            log(log_level::error, fmt::format("group {} cannot start now", start->group));
            post(policy::event::group_started{start->group, false});
        }
    } else if (auto* stop = std::get_if<policy::action::stop_group>(&action)) {
        if (!driver_->stop(stop->group, now, done)) {
            log(log_level::error, fmt::format("group {} cannot stop now", stop->group));
            post(policy::event::group_stopped{stop->group, false});
        }
    } else if (auto* message = std::get_if<policy::action::send_message>(&action)) {
        send(policy_wire_message(message->message));
    } else if (auto* line = std::get_if<policy::action::log>(&action)) {
        log(level_of(line->level), line->text);
    } else if (auto* refused = std::get_if<policy::action::request_refused>(&action)) {
        refusal_ = refused->reason;
    } else if (std::holds_alternative<policy::action::shutdown_complete>(action)) {
        on_membership(membership_->shutdown(now), now, nullptr);
        finished_ = true;
    }
    on_driver(done, now);
}

void node_daemon::on_driver(const driver_output& done, steady::time_point now) {
    for (const driver_log& line : done.logs) {
        log(level_of(line.severity), line.text);
    }
    for (const group_done& group : done.done) {
        if (group.start) {
            end_claims(group.group, group.ok);
            if (group.ok) {
                announce(group.group);
            }
            post(policy::event::group_started{group.group, group.ok});
        } else {
            post(policy::event::group_stopped{group.group, group.ok});
        }
    }
    (void)now; // the caller drains the queue
}

void node_daemon::announce(const std::string& group_id) {
    for (const node::resource_group& group : plan_.groups) {
        if (group.id != group_id) {
            continue;
        }
        for (const std::string& address : plan_addresses(group)) {
            announce_address(address);
        }
    }
}

void node_daemon::announce_address(const std::string& address) {
    const auto* announcer = std::get_if<arp_announcer>(&arp_);
    const std::string problem =
        announcer != nullptr ? announcer->announce(address) : std::get<std::string>(arp_);
    if (problem.empty()) {
        log(log_level::info, fmt::format("announced {} (gratuitous ARP)", address));
    } else {
        log(log_level::warning, fmt::format("gratuitous ARP for {} failed: {}", address, problem));
    }
}

void node_daemon::announce_held() {
    for (const policy::group_status& group : policy_->status()) {
        if (group.held_by == policy::holder::local && group.state == policy::group_phase::running) {
            announce(group.id);
        }
    }
}

} // namespace hakit::runtime::daemon::detail
