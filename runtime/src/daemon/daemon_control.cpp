// Daemon control: control-socket requests, SIGHUP reload and the log.
#include "harun_node.hpp"

#include <hakit/runtime/daemon/plan_source.hpp>
#include <hakit/runtime/daemon/translate.hpp>
#include <hakit/runtime/policy/machine.hpp>
#include <hakit/runtime/resources/status.hpp>

#include <fmt/format.h>

namespace hakit::runtime::daemon::detail {

json node_daemon::on_control(const json& request) {
    const std::string command = request.value("command", "");
    const auto now = steady::now();
    if (command == "status") {
        json answer = status_json(status_input{local_node_, generation_, membership_->view(),
                                               policy_->status(), packets_, now});
        if (pings_) {
            answer["ping_nodes"] = {{"configured", pings_->size()}, {"visible", pings_->visible()}};
        }
        answer["stable"] = policy_->stable();
        answer["ok"] = true;
        return answer;
    }
    if (command == "standby" || command == "takeover") {
        const auto set = policy::parse_resource_set(request.value("set", "all"));
        if (!set || *set == policy::resource_set::none) {
            return {{"ok", false}, {"error", "the set must be all, local or foreign"}};
        }
        log(log_level::info, fmt::format("{} {} requested", command, policy::to_string(*set)));
        refusal_.reset();
        if (command == "standby") {
            post(policy::event::standby_command{*set});
        } else {
            post(policy::event::takeover_command{*set});
        }
        drain(now);
        if (refusal_) {
            return {{"ok", false}, {"error", *refusal_}};
        }
        return {{"ok", true}};
    }
    return {{"ok", false}, {"error", fmt::format("unknown command '{}'", command)}};
}

void node_daemon::reload() {
    auto loaded = load_runtime_plan(options_.source);
    if (auto* failure = std::get_if<plan_failure>(&loaded)) {
        log(log_level::error,
            fmt::format("reload refused, keeping the running plan: {}", failure->message));
        if (!failure->details.empty()) {
            log(log_level::error, failure->details);
        }
        return;
    }
    node::runtime_plan next = std::move(std::get<node::runtime_plan>(loaded));
    auto keys = plan_keys(next);
    if (auto* problem = std::get_if<std::string>(&keys)) {
        log(log_level::error,
            fmt::format("reload refused, keeping the running plan: {}", *problem));
        return;
    }
    std::vector<std::string> needs_restart = shape_changes(plan_, next);
    auto sink = node::log_sink::open(log_destinations(next));
    if (!sink) {
        log(log_level::error, fmt::format("reload: keeping the old log files: {}", sink.error()));
    } else {
        sink_.emplace(std::move(*sink));
    }
    keys_ = std::move(std::get<wire::key_set>(keys));
    if (needs_restart.empty()) {
        log(log_level::info, "plan reloaded: keys and logging updated");
    } else {
        log(log_level::warning,
            fmt::format("plan reloaded: keys and logging updated; {} changed and take "
                        "effect at the next restart",
                        fmt::join(needs_restart, ", ")));
    }
    plan_.auth = next.auth;
    plan_.logging = next.logging;
}

std::vector<std::string> node_daemon::shape_changes(const node::runtime_plan& old,
                                                    const node::runtime_plan& next) {
    std::vector<std::string> changed;
    auto names = [](const node::runtime_plan& plan) {
        std::vector<std::string> out;
        for (const auto& member : plan.nodes) {
            out.push_back(member.name + ":" + std::to_string(member.media.size()));
        }
        return out;
    };
    auto groups = [](const node::runtime_plan& plan) {
        std::vector<std::string> out;
        for (const auto& group : plan.groups) {
            std::string line = group.owner + " " + group.id;
            for (const auto& item : group.resources) {
                line += " " + resources::resource_token({item.script, item.args});
            }
            out.push_back(line);
        }
        return out;
    };
    const auto& a = old.timing_ms;
    const auto& b = next.timing_ms;
    if (names(old) != names(next)) {
        changed.emplace_back("nodes or media");
    }
    if (groups(old) != groups(next)) {
        changed.emplace_back("resource groups");
    }
    if (a.keepalive != b.keepalive || a.deadtime != b.deadtime || a.warntime != b.warntime ||
        a.initdead != b.initdead || a.deadping != b.deadping) {
        changed.emplace_back("timings");
    }
    if (old.auto_failback != next.auto_failback) {
        changed.emplace_back("auto_failback");
    }
    return changed;
}

void node_daemon::log(log_level level, const std::string& text) {
    if (sink_) {
        sink_->write(level, text);
    }
}

} // namespace hakit::runtime::daemon::detail
