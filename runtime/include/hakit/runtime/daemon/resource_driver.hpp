// Carries out the policy's start_group / stop_group: one group_runner per group, each script
// run as a child process the event loop polls, so a slow script never blocks heartbeats.
#pragma once

#include <hakit/runtime/resources/child_process.hpp>
#include <hakit/runtime/resources/group_runner.hpp>
#include <hakit/runtime/resources/launch.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hakit::runtime::daemon {

using resources::time_point;

// Something the driver wants the daemon to know.
struct driver_log {
    resources::group_log::level severity = resources::group_log::level::info;
    std::string text;
};
struct group_done {
    std::string group;
    bool start = true; // a start (else a stop) finished
    bool ok = true;
};
struct driver_output {
    std::vector<driver_log> logs;
    std::vector<group_done> done;
};

class resource_driver {
  public:
    struct group_definition {
        std::string id;
        std::vector<resources::resource_ref> resources;
    };

    resource_driver(std::vector<group_definition> groups, resources::script_setup setup);

    // Called right before a resource's `start` script is launched, i.e. after its `status`
    // said "not running": the daemon withdraws an address it claimed early for it.
    using start_hook = std::function<void(const std::string& group, std::size_t resource)>;
    void on_before_start(start_hook hook) { before_start_ = std::move(hook); }

    // A known group with no script running or waiting: start/stop would be accepted.
    bool idle(const std::string& group) const;
    // Refused (false) for an unknown group or one that is busy.
    bool start(const std::string& group, time_point now, driver_output& out);
    bool stop(const std::string& group, time_point now, driver_output& out);

    // Descriptors of the running scripts, to poll for input.
    std::vector<int> watch_fds() const;
    // Reads output, reaps finished scripts, sends time-limit signals, fires stop retries.
    void on_ready(time_point now, driver_output& out);
    std::optional<time_point> next_deadline() const;
    bool busy() const;

  private:
    struct slot {
        resources::group_runner runner;
        std::optional<resources::child_process> child;
        bool starting = true;
    };

    slot* find(const std::string& group);
    const slot* find(const std::string& group) const;
    void apply(slot& group, std::vector<resources::group_action> actions, time_point now,
               driver_output& out);

    std::vector<slot> slots_;
    resources::script_setup setup_;
    start_hook before_start_;
};

// Runs one script to its end, blocking (only before the event loop starts).
resources::child_result run_script_now(const resources::resource_ref& resource,
                                       resources::script_action action,
                                       const resources::script_setup& setup);

} // namespace hakit::runtime::daemon
