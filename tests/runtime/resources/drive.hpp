// Test helpers that drive the resources area like the daemon's event loop would, with the
// real clock and poll(2), every loop bounded by a wall-clock limit.
#pragma once

#include <hakit/runtime/resources/child_process.hpp>
#include <hakit/runtime/resources/group_runner.hpp>
#include <hakit/runtime/resources/launch.hpp>

#include <chrono>
#include <optional>
#include <vector>

namespace hakit::test {

// Polls the child's descriptors and calls on_ready() until it finished; nothing when it did
// not finish within `wall_limit`.
std::optional<runtime::resources::child_result>
run_to_end(runtime::resources::child_process& child,
           std::chrono::milliseconds wall_limit = std::chrono::milliseconds(20'000));

struct group_run {
    std::optional<runtime::resources::group_finished> finished;
    std::vector<runtime::resources::run_script> scripts_run; // in the order asked for
    std::vector<runtime::resources::group_log> logs;
};

// Feeds `first` (what start() or stop() returned) to the machine: runs each script it asks for
// through launch_script(), waits out its retry timers, until group_finished or `wall_limit`.
group_run drive_group(runtime::resources::group_runner& group,
                      std::vector<runtime::resources::group_action> first,
                      const runtime::resources::script_setup& setup,
                      std::chrono::milliseconds wall_limit = std::chrono::milliseconds(30'000));

} // namespace hakit::test
