// Starting and stopping one resource group as ResourceManager's acquireresourcegroup() and
// giveupresourcegroup() do, as a pure state machine: it asks for scripts to be run one at a
// time and is told their results; the caller runs them (child_process) and owns the clock.
#pragma once

#include <hakit/runtime/resources/child_process.hpp>
#include <hakit/runtime/resources/resource.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::resources {

struct group_settings {
    // Like ResourceManager: skip `start` for a resource whose `status` says it is running.
    bool status_before_start = true;
    // Extra stop attempts after a failed stop (HA_STOPRETRYMAX, default 10), this far apart.
    unsigned stop_retries = 10;
    std::chrono::milliseconds stop_retry_delay{1'000};
};

// Run resources[resource]'s script with `action`, then call on_script_finished().
struct run_script {
    std::size_t resource = 0;
    script_action action = script_action::status;
    friend bool operator==(const run_script&, const run_script&) = default;
};

struct group_log {
    enum class level { info, warning, error, critical };
    level severity = level::info;
    std::string text;
};

enum class group_outcome {
    started,      // every resource runs
    stopped,      // every resource stopped
    start_failed, // a start failed; what had started was stopped again
    stop_failed,  // a stop kept failing and status says the resource still runs
};

struct group_finished {
    group_outcome outcome = group_outcome::stopped;
    // The resource that failed (start_failed / stop_failed).
    std::optional<std::size_t> failed_resource;
};

using group_action = std::variant<run_script, group_log, group_finished>;

class group_runner {
  public:
    group_runner(std::string name, std::vector<resource_ref> resources,
                 group_settings settings = {});

    // Begin acquiring (left to right) or releasing (right to left) the group. Refused (empty
    // result) while another operation is under way.
    std::vector<group_action> start(time_point now);
    std::vector<group_action> stop(time_point now);

    // The result of the script last asked for by run_script.
    std::vector<group_action> on_script_finished(const child_result& result, time_point now);

    // Called when next_deadline() has passed (a stop retry is due).
    std::vector<group_action> on_timer(time_point now);

    std::optional<time_point> next_deadline() const { return retry_at_; }
    bool busy() const { return phase_ != phase::idle; }
    const std::string& name() const { return name_; }
    const std::vector<resource_ref>& resources() const { return resources_; }

  private:
    enum class phase {
        idle,
        start_status, // asked status of resources_[index_] before starting it
        starting,     // asked start of resources_[index_]
        stopping,     // asked stop of resources_[index_]
        retry_wait,   // waiting for retry_at_ to stop resources_[index_] again
        stop_status,  // stop kept failing: asked status of resources_[index_]
    };

    void begin_stop_at(std::size_t count, std::vector<group_action>& out);
    void stop_next(std::vector<group_action>& out);
    void after_stop_of_current(std::vector<group_action>& out);
    void start_next(std::vector<group_action>& out);
    void finish(group_outcome outcome, std::optional<std::size_t> failed,
                std::vector<group_action>& out);
    std::string token(std::size_t resource) const;
    std::string group_text() const;

    std::string name_;
    std::vector<resource_ref> resources_;
    group_settings settings_;
    phase phase_ = phase::idle;
    std::size_t index_ = 0;      // the resource being worked on
    std::size_t to_stop_ = 0;    // resources [0, to_stop_) still to stop, right to left
    unsigned stop_attempts_ = 0; // failed stops of resources_[index_] so far
    bool unwinding_ = false;     // stopping because a start failed
    std::optional<std::size_t> start_failure_;
    std::optional<std::size_t> stop_failure_;
    std::optional<time_point> retry_at_;
};

} // namespace hakit::runtime::resources
