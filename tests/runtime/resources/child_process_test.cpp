#include "drive.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/runtime/resources/child_process.hpp>
#include <hakit/runtime/resources/environment.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <pthread.h>
#include <string>
#include <thread>
#include <variant>
#include <vector>

extern char** environ;

using namespace hakit::runtime::resources;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using hakit::test::run_to_end;
using hakit::test::temp_dir;
using clock_type = std::chrono::steady_clock;

namespace {

fs::path write_script(const temp_dir& dir, const std::string& name, const std::string& body) {
    const fs::path path = dir.path() / name;
    hakit::test::write_file(path, "#!/bin/sh\n" + body);
    fs::permissions(path, fs::perms(0755));
    return path;
}

child_process start_child(const std::vector<std::string>& argv, const child_options& options = {}) {
    auto started = child_process::start(argv, options, clock_type::now());
    if (auto* why = std::get_if<std::string>(&started)) {
        FAIL("could not start " << argv.front() << ": " << *why);
    }
    return std::move(std::get<child_process>(started));
}

// Gone, or a zombie waiting for init: either way no longer running.
bool process_gone(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) {
        return true;
    }
    const auto close_paren = line.rfind(')');
    return close_paren != std::string::npos && close_paren + 2 < line.size() &&
           line[close_paren + 2] == 'Z';
}

bool wait_gone(pid_t pid) {
    for (int i = 0; i < 100; ++i) {
        if (process_gone(pid)) {
            return true;
        }
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

} // namespace

TEST_CASE("a script that succeeds: exit code, stdout and stderr apart", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "ok", "echo hello; echo warn >&2; exit 0\n");
    auto child = start_child({script.string(), "start"});
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->end == child_result::end_kind::exited);
    CHECK(result->exit_code == 0);
    CHECK(result->succeeded());
    CHECK(result->out == "hello\n");
    CHECK(result->err == "warn\n");
    CHECK(describe(*result) == "exit 0");
}

TEST_CASE("a script that fails reports its exit code", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "fails", "echo 'cannot start' >&2; exit 3\n");
    auto child = start_child({script.string(), "start"});
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->end == child_result::end_kind::exited);
    CHECK(result->exit_code == 3);
    CHECK_FALSE(result->succeeded());
    CHECK(result->err == "cannot start\n");
}

TEST_CASE("a script killed by a signal says which", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "dies", "kill -9 $$\n");
    auto child = start_child({script.string()});
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->end == child_result::end_kind::signalled);
    CHECK(result->signal == SIGKILL);
    CHECK(describe(*result) == "killed by signal 9");
}

TEST_CASE("a program that cannot be executed is refused at start", "[runtime][resources]") {
    temp_dir dir;
    auto started = child_process::start({(dir.path() / "missing").string()}, {}, clock_type::now());
    REQUIRE(std::holds_alternative<std::string>(started));
    CHECK_THAT(std::get<std::string>(started), Catch::Contains("missing"));
    CHECK(std::holds_alternative<std::string>(child_process::start({}, {}, clock_type::now())));
}

TEST_CASE("a hanging script gets SIGTERM after its time limit", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "hangs", "echo started; exec sleep 30\n");
    child_options options;
    options.time_limit = 200ms;
    options.kill_grace = 2s;
    const auto began = clock_type::now();
    auto child = start_child({script.string(), "start"}, options);
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(clock_type::now() - began < 2s);
    CHECK(result->end == child_result::end_kind::timed_out);
    CHECK(result->signal == SIGTERM);
    CHECK(result->out == "started\n");
    CHECK_FALSE(result->succeeded());
}

TEST_CASE("a script ignoring SIGTERM is killed with its whole process group",
          "[runtime][resources]") {
    temp_dir dir;
    const fs::path pid_file = dir.path() / "grandchild.pid";
    auto script = write_script(dir, "stubborn",
                               "trap '' TERM\n"
                               "sleep 30 &\n"
                               "echo $! > '" +
                                   pid_file.string() +
                                   "'\n"
                                   "while :; do sleep 0.05; done\n");
    child_options options;
    options.time_limit = 30s;
    options.kill_grace = 300ms;
    auto child = start_child({script.string()}, options);
    for (int i = 0; i < 250 && !fs::exists(pid_file); ++i) {
        std::this_thread::sleep_for(20ms); // trap and grandchild in place
    }
    REQUIRE(fs::exists(pid_file));
    std::this_thread::sleep_for(20ms);         // the pid written, not only the file created
    const auto late = clock_type::now() + 30s; // as if the time limit had passed
    child.on_ready(late);                      // SIGTERM, ignored
    std::this_thread::sleep_for(100ms);
    child.on_ready(late + 300ms); // the grace is over: SIGKILL to the group
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->end == child_result::end_kind::timed_out);
    CHECK(result->signal == SIGKILL);
    const auto grandchild = static_cast<pid_t>(std::stol(hakit::test::read_file(pid_file)));
    CHECK(wait_gone(grandchild));
}

TEST_CASE("signals blocked in the caller are not blocked in the script", "[runtime][resources]") {
    // The daemon blocks SIGTERM to read it through signalfd; scripts must still die of it.
    sigset_t term_only;
    sigset_t before;
    sigemptyset(&term_only);
    sigaddset(&term_only, SIGTERM);
    REQUIRE(pthread_sigmask(SIG_BLOCK, &term_only, &before) == 0);
    temp_dir dir;
    auto script = write_script(dir, "hangs", "exec sleep 30\n");
    child_options options;
    options.time_limit = 100ms;
    options.kill_grace = 5s;
    auto child = start_child({script.string()}, options);
    auto result = run_to_end(child);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    REQUIRE(result);
    CHECK(result->signal == SIGTERM);
}

TEST_CASE("much output on both streams neither blocks the script nor grows without bound",
          "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "chatty",
                               "head -c 3000000 /dev/zero | tr '\\0' x >&2 &\n"
                               "head -c 3000000 /dev/zero | tr '\\0' y\n"
                               "wait\n"
                               "exit 0\n");
    child_options options;
    options.max_output_bytes = 100'000;
    options.time_limit = 15s;
    auto child = start_child({script.string()}, options);
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->succeeded());
    CHECK(result->out.size() == 100'000);
    CHECK(result->out.find_first_not_of('y') == std::string::npos);
    CHECK(result->out_truncated);
    CHECK(result->err.size() == 100'000);
    CHECK(result->err_truncated);
}

TEST_CASE("output below the limit is kept whole", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "medium", "head -c 200000 /dev/zero | tr '\\0' z\n");
    child_options options;
    options.max_output_bytes = 300'000;
    auto child = start_child({script.string()}, options);
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->out.size() == 200'000);
    CHECK_FALSE(result->out_truncated);
}

TEST_CASE("the script gets Heartbeat's HA_ variables and no LC_ALL", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "env",
                               "echo \"$HA_CURHOST|$HA_LOGFACILITY|$HA_DEBUGLOG|$HA_FOO|"
                               "$HA_NICEFAILBACK|${HA_DONTASK-unset}|$HA_RESOURCEDIR|"
                               "${LC_ALL-unset}|$HAKIT_KEPT\"\n");
    script_env_settings settings;
    settings.current_host = "node1";
    settings.log_facility = "local0";
    settings.debug_log = "/var/log/ha-debug";
    settings.nice_failback = true;
    settings.resource_dir = "/srv/resource.d";
    settings.env_directives["FOO"] = "bar";
    std::vector<std::string> base;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        base.emplace_back(*entry);
    }
    base.emplace_back("LC_ALL=fr_FR.UTF-8");
    base.emplace_back("HAKIT_KEPT=yes");
    child_options options;
    options.environment = apply_environment(base, script_environment(settings));
    auto child = start_child({script.string()}, options);
    auto result = run_to_end(child);
    REQUIRE(result);
    CHECK(result->out ==
          "node1|local0|/var/log/ha-debug|bar|yes|unset|/srv/resource.d|unset|yes\n");
}

TEST_CASE("stdin is /dev/null and the script leads its own process group", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "group",
                               "cat\n"
                               "echo \"$$ $(cut -d' ' -f5 /proc/$$/stat)\"\n");
    auto child = start_child({script.string()});
    auto result = run_to_end(child, 5s);
    REQUIRE(result);
    const auto space = result->out.find(' ');
    REQUIRE(space != std::string::npos);
    CHECK(result->out.substr(0, space) + "\n" == result->out.substr(space + 1));
    CHECK(result->out.substr(0, space) == std::to_string(child.pid()));
}

TEST_CASE("deadlines: the time limit, then the kill grace, then none", "[runtime][resources]") {
    temp_dir dir;
    const fs::path ready = dir.path() / "ready";
    auto script = write_script(dir, "hangs",
                               "trap '' TERM; touch '" + ready.string() +
                                   "'; while :; do sleep 0.05; done\n");
    child_options options;
    options.time_limit = 10s;
    options.kill_grace = 3s;
    const auto t0 = clock_type::now();
    auto started = child_process::start({script.string()}, options, t0);
    REQUIRE(std::holds_alternative<child_process>(started));
    auto& child = std::get<child_process>(started);
    CHECK(child.next_deadline() == t0 + 10s);
    for (int i = 0; i < 250 && !fs::exists(ready); ++i) {
        std::this_thread::sleep_for(20ms); // the trap must be in place before SIGTERM
    }
    REQUIRE(fs::exists(ready));
    child.on_ready(t0 + 1s); // too early: nothing sent
    CHECK(child.next_deadline() == t0 + 10s);
    child.on_ready(t0 + 10s); // SIGTERM, ignored by the script
    CHECK(child.next_deadline() == t0 + 13s);
    child.on_ready(t0 + 13s); // SIGKILL
    CHECK(child.next_deadline() == std::nullopt);
    auto result = run_to_end(child, 5s);
    REQUIRE(result);
    CHECK(result->signal == SIGKILL);
}

TEST_CASE("destroying a running child kills and reaps it", "[runtime][resources]") {
    temp_dir dir;
    auto script = write_script(dir, "hangs", "exec sleep 30\n");
    pid_t pid = -1;
    {
        auto child = start_child({script.string()});
        pid = child.pid();
        REQUIRE_FALSE(process_gone(pid));
    }
    CHECK_FALSE(fs::exists("/proc/" + std::to_string(pid)));
}

TEST_CASE("with an output file the script and what it leaves running write there",
          "[runtime][resources]") {
    temp_dir dir;
    const fs::path log = dir.path() / "debug.log";
    hakit::test::write_file(log, "earlier line\n");
    auto script = write_script(dir, "daemonizes",
                               "echo out; echo err >&2\n"
                               "(sleep 0.3; echo 'late line') &\n"
                               "exit 0\n");
    child_options options;
    options.output_file = log.string();
    auto child = start_child({script.string(), "start"}, options);
    CHECK(child.watch_fds()[0] == -1);
    CHECK(child.watch_fds()[1] == -1);
    auto result = run_to_end(child, 5s);
    REQUIRE(result);
    CHECK(result->succeeded());
    CHECK(result->out.empty());
    // The background process outlives the script and can still write its line.
    std::string text;
    for (int i = 0; i < 100; ++i) {
        text = hakit::test::read_file(log);
        if (text.find("late line") != std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(20ms);
    }
    CHECK(text == "earlier line\nout\nerr\nlate line\n");
}

TEST_CASE("an output file that cannot be opened is refused at start", "[runtime][resources]") {
    temp_dir dir;
    child_options options;
    options.output_file = (dir.path() / "no" / "such" / "dir.log").string();
    auto started = child_process::start({"/bin/true"}, options, clock_type::now());
    CHECK(std::holds_alternative<std::string>(started));
}
