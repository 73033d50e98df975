#include <hakit/runtime/daemon/resource_driver.hpp>

#include <algorithm>
#include <chrono>
#include <poll.h>
#include <utility>
#include <variant>

namespace hakit::runtime::daemon {
namespace {

using resources::child_process;
using resources::child_result;

int poll_timeout_ms(std::optional<time_point> deadline, time_point now) {
    if (!deadline) {
        return 1000;
    }
    if (*deadline <= now) {
        return 0;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*deadline - now);
    return static_cast<int>(std::min<std::int64_t>(wait.count(), 1000));
}

} // namespace

resource_driver::resource_driver(std::vector<group_definition> groups,
                                 resources::script_setup setup)
    : setup_(std::move(setup)) {
    for (group_definition& group : groups) {
        slots_.push_back(slot{resources::group_runner(group.id, std::move(group.resources)),
                              std::nullopt, true});
    }
}

resource_driver::slot* resource_driver::find(const std::string& group) {
    return const_cast<slot*>(std::as_const(*this).find(group));
}

const resource_driver::slot* resource_driver::find(const std::string& group) const {
    const auto found = std::find_if(slots_.begin(), slots_.end(),
                                    [&](const slot& item) { return item.runner.name() == group; });
    return found == slots_.end() ? nullptr : &*found;
}

bool resource_driver::idle(const std::string& group) const {
    const slot* target = find(group);
    return target != nullptr && !target->runner.busy();
}

bool resource_driver::start(const std::string& group, time_point now, driver_output& out) {
    slot* target = find(group);
    if (target == nullptr || target->runner.busy()) {
        return false;
    }
    target->starting = true;
    apply(*target, target->runner.start(now), now, out);
    return true;
}

bool resource_driver::stop(const std::string& group, time_point now, driver_output& out) {
    slot* target = find(group);
    if (target == nullptr || target->runner.busy()) {
        return false;
    }
    target->starting = false;
    apply(*target, target->runner.stop(now), now, out);
    return true;
}

// A script that cannot even be launched finishes at once: its result goes straight back into
// the runner, which may ask for the next script, hence the loop.
void resource_driver::apply(slot& group, std::vector<resources::group_action> actions,
                            time_point now, driver_output& out) {
    while (!actions.empty()) {
        std::vector<resources::group_action> next;
        for (auto& action : actions) {
            if (auto* run = std::get_if<resources::run_script>(&action)) {
                const auto& resource = group.runner.resources().at(run->resource);
                if (run->action == resources::script_action::start && before_start_) {
                    before_start_(group.runner.name(), run->resource);
                }
                auto launched = resources::launch_script(resource, run->action, setup_, now);
                if (auto* child = std::get_if<child_process>(&launched)) {
                    group.child.emplace(std::move(*child));
                } else {
                    next = group.runner.on_script_finished(std::get<child_result>(launched), now);
                }
            } else if (auto* log = std::get_if<resources::group_log>(&action)) {
                out.logs.push_back(driver_log{log->severity, log->text});
            } else if (auto* finished = std::get_if<resources::group_finished>(&action)) {
                const bool ok = group.starting
                                    ? finished->outcome == resources::group_outcome::started
                                    : finished->outcome == resources::group_outcome::stopped;
                out.done.push_back(group_done{group.runner.name(), group.starting, ok});
            }
        }
        actions = std::move(next);
    }
}

std::vector<int> resource_driver::watch_fds() const {
    std::vector<int> fds;
    for (const slot& group : slots_) {
        if (group.child) {
            for (int fd : group.child->watch_fds()) {
                if (fd >= 0) {
                    fds.push_back(fd);
                }
            }
        }
    }
    return fds;
}

void resource_driver::on_ready(time_point now, driver_output& out) {
    for (slot& group : slots_) {
        if (group.child) {
            group.child->on_ready(now);
            if (group.child->finished()) {
                const child_result result = group.child->result();
                group.child.reset();
                apply(group, group.runner.on_script_finished(result, now), now, out);
            }
        } else if (auto due = group.runner.next_deadline(); due && *due <= now) {
            apply(group, group.runner.on_timer(now), now, out);
        }
    }
}

std::optional<time_point> resource_driver::next_deadline() const {
    std::optional<time_point> earliest;
    auto consider = [&](std::optional<time_point> when) {
        if (when && (!earliest || *when < *earliest)) {
            earliest = when;
        }
    };
    for (const slot& group : slots_) {
        if (group.child) {
            consider(group.child->next_deadline());
        } else {
            consider(group.runner.next_deadline());
        }
    }
    return earliest;
}

bool resource_driver::busy() const {
    return std::any_of(slots_.begin(), slots_.end(),
                       [](const slot& group) { return group.runner.busy(); });
}

child_result run_script_now(const resources::resource_ref& resource,
                            resources::script_action action, const resources::script_setup& setup) {
    auto launched =
        resources::launch_script(resource, action, setup, std::chrono::steady_clock::now());
    if (auto* result = std::get_if<child_result>(&launched)) {
        return std::move(*result);
    }
    child_process child = std::move(std::get<child_process>(launched));
    // Bounded: the child's own time limit ends it, then the kill grace.
    while (!child.finished()) {
        std::vector<pollfd> fds;
        for (int fd : child.watch_fds()) {
            if (fd >= 0) {
                fds.push_back(pollfd{fd, POLLIN, 0});
            }
        }
        const auto now = std::chrono::steady_clock::now();
        ::poll(fds.data(), fds.size(), poll_timeout_ms(child.next_deadline(), now));
        child.on_ready(std::chrono::steady_clock::now());
    }
    return child.result();
}

} // namespace hakit::runtime::daemon
