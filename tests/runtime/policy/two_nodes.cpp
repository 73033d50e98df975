#include "runtime/policy/two_nodes.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <variant>

namespace hakit::test::policy {

pol::config two_node_config(const std::string& local, pol::auto_failback failback) {
    pol::config settings;
    settings.local_node = local;
    settings.nodes = {"alpha", "beta"};
    settings.groups = {{"a1", "alpha"}, {"b1", "beta"}, {"a2", "alpha"}, {"b2", "beta"}};
    settings.failback = failback;
    settings.keepalive = 200ms;
    settings.deadtime = 1000ms;
    return settings;
}

namespace {

pol::policy_machine make_machine(const pol::config& settings) {
    auto created = pol::policy_machine::create(settings);
    REQUIRE(std::holds_alternative<pol::policy_machine>(created));
    return std::get<pol::policy_machine>(std::move(created));
}

} // namespace

two_nodes::two_nodes(pol::auto_failback failback, const std::function<void(pol::config&)>& adjust) {
    for (const char* name : {"alpha", "beta"}) {
        auto settings = two_node_config(name, failback);
        if (adjust) {
            adjust(settings);
        }
        configs_.push_back(settings);
        nodes_.push_back(std::make_unique<node_sim>(make_machine(settings)));
    }
}

void two_nodes::inject(std::size_t index, const pol::policy_event& input) {
    auto& sim = node(index);
    if (!sim.alive) {
        return;
    }
    carry_out(index, sim.machine.handle(input, now_));
}

void two_nodes::carry_out(std::size_t index, const std::vector<pol::policy_action>& actions) {
    auto& sim = node(index);
    const std::size_t other = 1 - index;
    for (const auto& act : actions) {
        if (const auto* start = std::get_if<pol::action::start_group>(&act)) {
            const auto held = holders(start->group);
            const bool other_holds =
                std::find(held.begin(), held.end(), other) != held.end() && node(other).alive;
            if (other_holds && !allow_double_) {
                violations_.push_back(fmt::format("node {} started {} while node {} holds it",
                                                  index, start->group, other));
            }
            sim.starts.push_back(start->group);
            const bool ok = sim.failing_starts.count(start->group) == 0;
            queue_.emplace(std::tuple{now_ + script_time_, sequence_++},
                           pending{index, pol::event::group_started{start->group, ok}});
        } else if (const auto* stop = std::get_if<pol::action::stop_group>(&act)) {
            sim.stops.push_back(stop->group);
            const bool ok = sim.failing_stops.count(stop->group) == 0;
            queue_.emplace(std::tuple{now_ + script_time_, sequence_++},
                           pending{index, pol::event::group_stopped{stop->group, ok}});
        } else if (const auto* send = std::get_if<pol::action::send_message>(&act)) {
            sim.sent.push_back(send->message);
            // Through the codec, as the wire layer would carry it.
            auto decoded = pol::decode(pol::encode(send->message));
            REQUIRE(std::holds_alternative<pol::peer_message>(decoded));
            CHECK(std::get<pol::peer_message>(decoded) == send->message);
            if (link_up_ && node(other).alive) {
                queue_.emplace(std::tuple{now_ + latency_, sequence_++},
                               pending{other, pol::event::message_received{
                                                  std::get<pol::peer_message>(decoded)}});
            }
        } else if (const auto* line = std::get_if<pol::action::log>(&act)) {
            sim.logs.push_back(*line);
        } else if (std::holds_alternative<pol::action::shutdown_complete>(act)) {
            sim.shutdown_complete = true;
            sim.alive = false;
        }
    }
    check_holders();
}

void two_nodes::advance(std::chrono::milliseconds span) {
    const auto until = now_ + span;
    for (int step = 0; step < 100000; ++step) {
        std::optional<pol::clock::time_point> next;
        std::optional<std::size_t> timer_node;
        if (!queue_.empty()) {
            next = std::get<0>(queue_.begin()->first);
        }
        for (std::size_t index = 0; index < nodes_.size(); ++index) {
            const auto deadline =
                node(index).alive ? node(index).machine.next_deadline() : std::nullopt;
            if (deadline && (!next || *deadline < *next)) {
                next = deadline;
                timer_node = index;
            }
        }
        if (!next || *next > until) {
            now_ = until;
            return;
        }
        now_ = std::max(now_, *next);
        if (timer_node) {
            inject(*timer_node, pol::event::timer_expired{});
            continue;
        }
        auto item = queue_.extract(queue_.begin());
        inject(item.mapped().target, item.mapped().input);
    }
    FAIL("the scenario did not settle within 100000 steps");
}

void two_nodes::both_start_together() {
    for (std::size_t index : {0U, 1U}) {
        inject(index, pol::event::peer_alive{true});
    }
    for (std::size_t index : {0U, 1U}) {
        inject(index, pol::event::comm_up{});
    }
}

void two_nodes::crash(std::size_t index) {
    node(index).alive = false;
    // Its scripts' results and messages die with it.
    std::erase_if(queue_, [&](const auto& item) { return item.second.target == index; });
}

void two_nodes::restart(std::size_t index, const std::function<void(pol::config&)>& adjust) {
    auto settings = configs_.at(index);
    if (adjust) {
        adjust(settings);
    }
    nodes_.at(index) = std::make_unique<node_sim>(make_machine(settings));
}

std::vector<std::size_t> two_nodes::holders(const std::string& group) const {
    std::vector<std::size_t> found;
    for (std::size_t index = 0; index < nodes_.size(); ++index) {
        if (!nodes_[index]->alive) {
            continue;
        }
        for (const auto& entry : nodes_[index]->machine.status()) {
            if (entry.id == group && entry.held_by == pol::holder::local) {
                found.push_back(index);
            }
        }
    }
    return found;
}

bool two_nodes::held_only_by(const std::string& group, std::size_t index) const {
    const auto found = holders(group);
    if (found.size() != 1 || found.front() != index) {
        return false;
    }
    for (const auto& entry : nodes_[index]->machine.status()) {
        if (entry.id == group) {
            return entry.state == pol::group_phase::running;
        }
    }
    return false;
}

std::size_t two_nodes::count_logs(std::size_t index, const std::string& fragment) const {
    const auto& logs = nodes_.at(index)->logs;
    return static_cast<std::size_t>(std::count_if(logs.begin(), logs.end(), [&](const auto& l) {
        return l.text.find(fragment) != std::string::npos;
    }));
}

void two_nodes::check_holders() {
    if (allow_double_) {
        return;
    }
    for (const auto& group : configs_.front().groups) {
        if (holders(group.id).size() > 1) {
            violations_.push_back(fmt::format(
                "group {} has two holders at {} ms", group.id,
                std::chrono::duration_cast<std::chrono::milliseconds>(now_.time_since_epoch())
                    .count()));
        }
    }
}

} // namespace hakit::test::policy
