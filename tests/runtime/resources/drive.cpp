#include "drive.hpp"

#include <algorithm>
#include <deque>
#include <poll.h>
#include <thread>
#include <variant>

namespace hakit::test {

using namespace hakit::runtime::resources;
using clock_type = std::chrono::steady_clock;

std::optional<child_result> run_to_end(child_process& child, std::chrono::milliseconds wall_limit) {
    const auto give_up = clock_type::now() + wall_limit;
    while (!child.finished() && clock_type::now() < give_up) {
        std::vector<pollfd> fds;
        for (int fd : child.watch_fds()) {
            if (fd >= 0) {
                fds.push_back(pollfd{fd, POLLIN, 0});
            }
        }
        auto wake = give_up;
        if (auto deadline = child.next_deadline()) {
            wake = std::min(wake, *deadline);
        }
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - clock_type::now());
        ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(0, wait.count())));
        child.on_ready(clock_type::now());
    }
    if (!child.finished()) {
        return std::nullopt;
    }
    return child.result();
}

group_run drive_group(group_runner& group, std::vector<group_action> first,
                      const script_setup& setup, std::chrono::milliseconds wall_limit) {
    const auto give_up = clock_type::now() + wall_limit;
    group_run run;
    std::deque<group_action> pending(first.begin(), first.end());
    while (!run.finished && clock_type::now() < give_up) {
        if (pending.empty()) {
            // Nothing to run: the machine waits for its retry timer.
            const auto deadline = group.next_deadline();
            if (!deadline) {
                break;
            }
            std::this_thread::sleep_until(std::min(*deadline, give_up));
            auto more = group.on_timer(clock_type::now());
            pending.insert(pending.end(), more.begin(), more.end());
            continue;
        }
        group_action action = std::move(pending.front());
        pending.pop_front();
        if (auto* log = std::get_if<group_log>(&action)) {
            run.logs.push_back(*log);
        } else if (auto* done = std::get_if<group_finished>(&action)) {
            run.finished = *done;
        } else {
            const auto& script = std::get<run_script>(action);
            run.scripts_run.push_back(script);
            auto launched = launch_script(group.resources().at(script.resource), script.action,
                                          setup, clock_type::now());
            child_result result;
            if (auto* child = std::get_if<child_process>(&launched)) {
                auto ended =
                    run_to_end(*child, std::chrono::duration_cast<std::chrono::milliseconds>(
                                           give_up - clock_type::now()));
                if (!ended) {
                    break;
                }
                result = *ended;
            } else {
                result = std::get<child_result>(launched);
            }
            auto more = group.on_script_finished(result, clock_type::now());
            pending.insert(pending.end(), more.begin(), more.end());
        }
    }
    return run;
}

} // namespace hakit::test
