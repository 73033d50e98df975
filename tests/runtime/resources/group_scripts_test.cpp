// group_runner driving real scripts through launch_script(), as the daemon will.
#include "drive.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/runtime/resources/group_runner.hpp>
#include <hakit/runtime/resources/launch.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

using namespace hakit::runtime::resources;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using hakit::test::drive_group;
using hakit::test::read_file;
using hakit::test::temp_dir;
using hakit::test::write_file;

namespace {

// A resource.d script "TestRsc <name> <action>" and an init.d script "svc <action>" that log
// every call to <root>/calls and keep their state in <root>/<name>.on. A file <name>.failstart
// makes start fail; <name>.stopfailures holds how many stops still fail.
struct fixture {
    temp_dir root;
    script_setup setup;

    fixture() {
        setup.dirs = {root.path() / "resource.d", root.path() / "init.d"};
        setup.options.time_limit = 10s;
        fs::create_directories(setup.dirs.resource_dir);
        fs::create_directories(setup.dirs.init_dir);
        const std::string dir = root.path().string();
        const std::string body = "cd '" + dir + "' || exit 1\n" +
                                 R"(echo "$name $action" >> calls
case $action in
start)  [ -e "$name.failstart" ] && exit 1
        touch "$name.on" ;;
stop)   if [ -s "$name.stopfailures" ]; then
            left=$(cat "$name.stopfailures")
            if [ "$left" -gt 0 ]; then echo $((left - 1)) > "$name.stopfailures"; exit 1; fi
        fi
        rm -f "$name.on" ;;
status) if [ -e "$name.on" ]; then echo "$name is running"; else echo "$name is stopped"; fi ;;
esac
exit 0
)";
        write_executable(setup.dirs.resource_dir / "TestRsc",
                         "#!/bin/sh\nname=$1; action=$2\n" + body);
        write_executable(setup.dirs.init_dir / "svc", "#!/bin/sh\nname=svc; action=$1\n" + body);
    }

    static void write_executable(const fs::path& path, const std::string& text) {
        write_file(path, text);
        fs::permissions(path, fs::perms(0755));
    }

    std::string calls() const {
        return fs::exists(root.path() / "calls") ? read_file(root.path() / "calls") : "";
    }
    void clear_calls() const { fs::remove(root.path() / "calls"); }
    void mark(const std::string& file, const std::string& text = "") const {
        write_file(root.path() / file, text);
    }
};

std::vector<resource_ref> group_of(std::initializer_list<const char*> tokens) {
    std::vector<resource_ref> resources;
    for (const char* token : tokens) {
        resources.push_back(parse_resource_token(token));
    }
    return resources;
}

const auto now = [] { return std::chrono::steady_clock::now(); };

} // namespace

TEST_CASE("real scripts: a group starts in order and stops in reverse", "[runtime][resources]") {
    fixture f;
    group_runner group("g", group_of({"TestRsc::a", "TestRsc::b", "svc"}));
    auto started = drive_group(group, group.start(now()), f.setup);
    REQUIRE(started.finished);
    CHECK(started.finished->outcome == group_outcome::started);
    CHECK(f.calls() == "a status\na start\nb status\nb start\nsvc status\nsvc start\n");
    CHECK(fs::exists(f.root.path() / "svc.on"));

    f.clear_calls();
    auto stopped = drive_group(group, group.stop(now()), f.setup);
    REQUIRE(stopped.finished);
    CHECK(stopped.finished->outcome == group_outcome::stopped);
    CHECK(f.calls() == "svc stop\nb stop\na stop\n");
    CHECK_FALSE(fs::exists(f.root.path() / "a.on"));
}

TEST_CASE("real scripts: a start failure unwinds what was started", "[runtime][resources]") {
    fixture f;
    f.mark("b.failstart");
    group_runner group("g", group_of({"TestRsc::a", "TestRsc::b", "svc"}));
    auto run = drive_group(group, group.start(now()), f.setup);
    REQUIRE(run.finished);
    CHECK(run.finished->outcome == group_outcome::start_failed);
    CHECK(run.finished->failed_resource == 1u);
    CHECK(f.calls() == "a status\na start\nb status\nb start\nb stop\na stop\n");
    CHECK_FALSE(fs::exists(f.root.path() / "a.on"));
}

TEST_CASE("real scripts: a missing script fails the start with both paths named",
          "[runtime][resources]") {
    fixture f;
    group_runner group("g", group_of({"TestRsc::a", "nosuch"}), group_settings{.stop_retries = 0});
    auto run = drive_group(group, group.start(now()), f.setup);
    REQUIRE(run.finished);
    CHECK(run.finished->outcome == group_outcome::start_failed);
    bool named = false;
    for (const auto& log : run.logs) {
        named = named ||
                log.text.find((f.setup.dirs.init_dir / "nosuch").string()) != std::string::npos;
    }
    CHECK(named);
    CHECK(f.calls() == "a status\na start\na stop\n");
}

TEST_CASE("real scripts: a failing stop is retried until it works", "[runtime][resources]") {
    fixture f;
    f.mark("a.on");
    f.mark("a.stopfailures", "2\n");
    group_runner group("g", group_of({"TestRsc::a"}),
                       group_settings{.stop_retries = 3, .stop_retry_delay = 50ms});
    const auto began = now();
    auto run = drive_group(group, group.stop(now()), f.setup);
    REQUIRE(run.finished);
    CHECK(run.finished->outcome == group_outcome::stopped);
    CHECK(f.calls() == "a stop\na stop\na stop\n");
    CHECK(now() - began >= 100ms);
}
