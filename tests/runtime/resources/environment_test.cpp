#include "drive.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/runtime/resources/environment.hpp>
#include <hakit/runtime/resources/launch.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

using namespace hakit::runtime::resources;
namespace fs = std::filesystem;

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

TEST_CASE("script_environment sets Heartbeat's HA_ variables", "[runtime][resources]") {
    script_env_settings settings;
    settings.current_host = "node2";
    settings.log_file = "/var/log/ha-log";
    settings.alone = true;
    settings.env_directives["PATH_EXTRA"] = "/opt/bin";
    const environment_changes changes = script_environment(settings);
    CHECK(changes.set.at("HA_CURHOST") == "node2");
    CHECK(changes.set.at("HA_LOGFILE") == "/var/log/ha-log");
    CHECK(changes.set.at("HA_DONTASK") == "yes");
    CHECK(changes.set.at("HA_LOGD") == "no");
    CHECK(changes.set.at("HA_DIR") == "/etc/ha.d");
    CHECK(changes.set.at("HA_RESOURCEDIR") == "/etc/ha.d/resource.d");
    CHECK(changes.set.at("HA_PATH_EXTRA") == "/opt/bin");
    CHECK_FALSE(changes.set.contains("HA_NICEFAILBACK"));
    CHECK(contains(changes.unset, "HA_NICEFAILBACK"));
    CHECK(contains(changes.unset, "HA_DEBUGLOG"));
    CHECK(contains(changes.unset, "LC_ALL"));
    CHECK(contains(changes.unset, "LANGUAGE"));
}

TEST_CASE("heartbeat's own variables win over env directives of the same name",
          "[runtime][resources]") {
    script_env_settings settings;
    settings.current_host = "node1";
    settings.env_directives["CURHOST"] = "spoofed";
    settings.env_directives["LOGFILE"] = "/tmp/from-directive";
    const environment_changes changes = script_environment(settings);
    CHECK(changes.set.at("HA_CURHOST") == "node1");
    // Heartbeat has no log file of its own here, so the directive's value stays.
    CHECK(changes.set.at("HA_LOGFILE") == "/tmp/from-directive");
    CHECK_FALSE(contains(changes.unset, "HA_LOGFILE"));
}

TEST_CASE("apply_environment replaces, removes and keeps entries, sorted", "[runtime][resources]") {
    environment_changes changes;
    changes.set["HA_CURHOST"] = "node1";
    changes.set["PATH"] = "/sbin:/bin";
    changes.unset = {"LC_ALL", "NOT_THERE"};
    const std::vector<std::string> result = apply_environment(
        {"PATH=/usr/bin", "LC_ALL=de_DE", "HOME=/root", "=broken", "no_equals", "EMPTY="}, changes);
    CHECK(result ==
          std::vector<std::string>{"EMPTY=", "HA_CURHOST=node1", "HOME=/root", "PATH=/sbin:/bin"});
}

TEST_CASE("launch_script runs the resolved script behind the command prefix",
          "[runtime][resources]") {
    hakit::test::temp_dir root;
    script_setup setup;
    setup.dirs = {root.path() / "resource.d", root.path() / "init.d"};
    fs::create_directories(setup.dirs.resource_dir);
    hakit::test::write_file(setup.dirs.resource_dir / "Show", "#!/bin/sh\necho \"$PREFIXED $*\"\n");
    fs::permissions(setup.dirs.resource_dir / "Show", fs::perms(0755));
    setup.command_prefix = {"env", "PREFIXED=yes"};
    auto launched = launch_script(parse_resource_token("Show::a::b"), script_action::status, setup,
                                  std::chrono::steady_clock::now());
    REQUIRE(std::holds_alternative<child_process>(launched));
    auto result = hakit::test::run_to_end(std::get<child_process>(launched));
    REQUIRE(result);
    CHECK(result->out == "yes a b status\n");

    auto missing = launch_script({"Absent", {}}, script_action::start, setup,
                                 std::chrono::steady_clock::now());
    REQUIRE(std::holds_alternative<child_result>(missing));
    const child_result& failed = std::get<child_result>(missing);
    CHECK(failed.end == child_result::end_kind::not_started);
    CHECK_FALSE(failed.succeeded());
    CHECK_THAT(describe(failed), Catch::Contains((setup.dirs.init_dir / "Absent").string()));
}
