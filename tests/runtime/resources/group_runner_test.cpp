#include <hakit/runtime/resources/group_runner.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <variant>
#include <vector>

using namespace hakit::runtime::resources;
using namespace std::chrono_literals;

namespace {

const time_point t0{};

child_result exited(int code, std::string out = {}) {
    child_result result;
    result.end = child_result::end_kind::exited;
    result.exit_code = code;
    result.out = std::move(out);
    return result;
}

const child_result ok = exited(0);
const child_result stopped_status = exited(3, "INFO:  Resource is stopped\n");
const child_result running_status = exited(0, "INFO:  Running OK\n");

std::vector<resource_ref> three() {
    return {{"IPaddr", {"192.0.2.10/24"}},
            {"Filesystem", {"/dev/sdb1", "/srv", "ext4"}},
            {"apache", {}}};
}

// The one script an action list asks for; fails the test if there is not exactly one.
run_script the_script(const std::vector<group_action>& actions) {
    const run_script* found = nullptr;
    int count = 0;
    for (const auto& action : actions) {
        if (const auto* script = std::get_if<run_script>(&action)) {
            found = script;
            ++count;
        }
    }
    REQUIRE(count == 1);
    return *found;
}

std::optional<group_finished> finished_in(const std::vector<group_action>& actions) {
    for (const auto& action : actions) {
        if (const auto* done = std::get_if<group_finished>(&action)) {
            return *done;
        }
    }
    return std::nullopt;
}

bool has_log(const std::vector<group_action>& actions, group_log::level level,
             const std::string& part) {
    for (const auto& action : actions) {
        if (const auto* log = std::get_if<group_log>(&action)) {
            if (log->severity == level && log->text.find(part) != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

TEST_CASE("a group starts left to right, asking status before each start", "[runtime][resources]") {
    group_runner group("g", three());
    auto actions = group.start(t0);
    CHECK(has_log(actions, group_log::level::info,
                  "Acquiring resource group: g IPaddr::192.0.2.10/24 "
                  "Filesystem::/dev/sdb1::/srv::ext4 apache"));
    std::vector<run_script> asked;
    for (int step = 0; step < 20 && !finished_in(actions); ++step) {
        const run_script script = the_script(actions);
        asked.push_back(script);
        actions = group.on_script_finished(
            script.action == script_action::status ? stopped_status : ok, t0);
    }
    CHECK(asked == std::vector<run_script>{{0, script_action::status},
                                           {0, script_action::start},
                                           {1, script_action::status},
                                           {1, script_action::start},
                                           {2, script_action::status},
                                           {2, script_action::start}});
    REQUIRE(finished_in(actions));
    CHECK(finished_in(actions)->outcome == group_outcome::started);
    CHECK_FALSE(group.busy());
}

TEST_CASE("a resource whose status says running is not started again", "[runtime][resources]") {
    group_runner group("g", three());
    auto actions = group.start(t0);
    CHECK(the_script(actions) == run_script{0, script_action::status});
    actions = group.on_script_finished(running_status, t0);
    CHECK(has_log(actions, group_log::level::info, "already running"));
    CHECK(the_script(actions) == run_script{1, script_action::status});
}

TEST_CASE("without status_before_start only starts are run", "[runtime][resources]") {
    group_runner group("g", three(), group_settings{.status_before_start = false});
    auto actions = group.start(t0);
    CHECK(the_script(actions) == run_script{0, script_action::start});
    actions = group.on_script_finished(ok, t0);
    CHECK(the_script(actions) == run_script{1, script_action::start});
}

TEST_CASE("a group stops right to left", "[runtime][resources]") {
    group_runner group("g", three());
    auto actions = group.stop(t0);
    CHECK(has_log(actions, group_log::level::info, "Releasing resource group: g"));
    std::vector<std::size_t> order;
    for (int step = 0; step < 10 && !finished_in(actions); ++step) {
        const run_script script = the_script(actions);
        CHECK(script.action == script_action::stop);
        order.push_back(script.resource);
        actions = group.on_script_finished(ok, t0);
    }
    CHECK(order == std::vector<std::size_t>{2, 1, 0});
    REQUIRE(finished_in(actions));
    CHECK(finished_in(actions)->outcome == group_outcome::stopped);
}

TEST_CASE("a start failure stops what was started, failed one first, and fails the group",
          "[runtime][resources]") {
    group_runner group("g", three(), group_settings{.status_before_start = false});
    auto actions = group.start(t0);
    actions = group.on_script_finished(ok, t0); // resource 0 started
    CHECK(the_script(actions) == run_script{1, script_action::start});
    actions = group.on_script_finished(exited(1), t0); // resource 1 fails
    CHECK(has_log(actions, group_log::level::critical,
                  "Giving up resources due to failure of Filesystem::/dev/sdb1::/srv::ext4"));
    CHECK(the_script(actions) == run_script{1, script_action::stop});
    actions = group.on_script_finished(ok, t0);
    CHECK(the_script(actions) == run_script{0, script_action::stop});
    actions = group.on_script_finished(ok, t0);
    REQUIRE(finished_in(actions));
    CHECK(finished_in(actions)->outcome == group_outcome::start_failed);
    CHECK(finished_in(actions)->failed_resource == 1u);
}

TEST_CASE("a script that could not be launched counts as a failed start", "[runtime][resources]") {
    group_runner group("g", {{"missing", {}}}, group_settings{.status_before_start = false});
    auto actions = group.start(t0);
    actions = group.on_script_finished(child_result::failed_to_start("cannot locate"), t0);
    CHECK(has_log(actions, group_log::level::error, "not started: cannot locate"));
    CHECK(the_script(actions) == run_script{0, script_action::stop});
}

TEST_CASE("a failed stop is retried after the delay, a bounded number of times",
          "[runtime][resources]") {
    group_runner group("g", {{"apache", {}}},
                       group_settings{.stop_retries = 2, .stop_retry_delay = 500ms});
    auto actions = group.stop(t0);
    CHECK(the_script(actions) == run_script{0, script_action::stop});
    actions = group.on_script_finished(exited(1), t0);
    CHECK(has_log(actions, group_log::level::warning, "retry 1 of 2"));
    CHECK(group.next_deadline() == t0 + 500ms);
    CHECK(group.on_timer(t0 + 499ms).empty()); // not yet
    actions = group.on_timer(t0 + 500ms);
    CHECK(has_log(actions, group_log::level::info, "Retrying failed stop operation [apache]"));
    CHECK(the_script(actions) == run_script{0, script_action::stop});
    CHECK(group.next_deadline() == std::nullopt);
    actions = group.on_script_finished(exited(1), t0 + 600ms);
    CHECK(group.next_deadline() == t0 + 1100ms);
    actions = group.on_timer(t0 + 1100ms);
    actions = group.on_script_finished(ok, t0 + 1200ms); // second retry works
    REQUIRE(finished_in(actions));
    CHECK(finished_in(actions)->outcome == group_outcome::stopped);
}

TEST_CASE("a stop failing every retry while status says running is a loud stop failure",
          "[runtime][resources]") {
    group_runner group("g", {{"IPaddr", {"192.0.2.10"}}, {"apache", {}}},
                       group_settings{.stop_retries = 1, .stop_retry_delay = 10ms});
    auto actions = group.stop(t0);
    CHECK(the_script(actions) == run_script{1, script_action::stop});
    actions = group.on_script_finished(exited(1), t0);
    actions = group.on_timer(t0 + 10ms);
    actions = group.on_script_finished(exited(1), t0 + 20ms);
    CHECK(the_script(actions) == run_script{1, script_action::status});
    actions = group.on_script_finished(running_status, t0 + 30ms);
    CHECK(has_log(actions, group_log::level::critical, "Resource STOP failure: apache"));
    // The rest of the group is still released.
    CHECK(the_script(actions) == run_script{0, script_action::stop});
    actions = group.on_script_finished(ok, t0 + 40ms);
    REQUIRE(finished_in(actions));
    CHECK(finished_in(actions)->outcome == group_outcome::stop_failed);
    CHECK(finished_in(actions)->failed_resource == 1u);
}

TEST_CASE("a failing stop of a resource that is not running only warns", "[runtime][resources]") {
    group_runner group("g", {{"apache", {}}}, group_settings{.stop_retries = 0});
    auto actions = group.stop(t0);
    actions = group.on_script_finished(exited(1), t0);
    CHECK(the_script(actions) == run_script{0, script_action::status});
    actions = group.on_script_finished(exited(0, "apache is not running\n"), t0);
    CHECK(has_log(actions, group_log::level::error, "probably not LSB-compliant"));
    CHECK(has_log(actions, group_log::level::warning, "MUST succeed on a stop"));
    REQUIRE(finished_in(actions));
    CHECK(finished_in(actions)->outcome == group_outcome::stopped);
}

TEST_CASE("a busy group refuses another operation and ignores stray results",
          "[runtime][resources]") {
    group_runner group("g", three());
    auto actions = group.start(t0);
    REQUIRE(group.busy());
    CHECK(group.stop(t0).empty());
    CHECK(group.start(t0).empty());
    group_runner idle("h", three());
    CHECK(idle.on_script_finished(ok, t0).empty());
    CHECK(idle.on_timer(t0 + 1h).empty());
}

TEST_CASE("an empty group is done at once", "[runtime][resources]") {
    group_runner group("empty", {});
    auto started = group.start(t0);
    REQUIRE(finished_in(started));
    CHECK(finished_in(started)->outcome == group_outcome::started);
    auto stopped = group.stop(t0);
    REQUIRE(finished_in(stopped));
    CHECK(finished_in(stopped)->outcome == group_outcome::stopped);
}
