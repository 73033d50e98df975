// harun's command line without a cluster: usage, refusals, and the control commands when no
// daemon runs.
#include "tool/process.hpp"
#include "tool/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using hakit::test::run_process;
using hakit::test::temp_dir;

const fs::path examples = fs::path(HAKIT_SOURCE_DIR) / "examples";

hakit::test::run_result harun(const std::vector<std::string>& args) {
    return run_process(HARUN_PATH, args);
}

} // namespace

TEST_CASE("harun: --version, --help and usage errors", "[runtime][daemon]") {
    const auto version = harun({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.starts_with("harun (hakit) "));

    const auto help = harun({"--help"});
    CHECK(help.exit_code == 0);
    for (const char* command : {"run", "status", "standby", "takeover"}) {
        CHECK(help.out.find(command) != std::string::npos);
    }
    CHECK(harun({"run", "--help"}).out.find("--resource-dir") != std::string::npos);

    CHECK(harun({}).exit_code == 2);
    CHECK(harun({"frobnicate"}).exit_code == 2);
    CHECK(harun({"run"}).exit_code == 2);
    CHECK(harun({"run", "--plan", "a.json", "--config", "dir"}).exit_code == 2);
    CHECK(harun({"standby", "everything"}).exit_code == 2);
}

TEST_CASE("harun: run --config refuses a folder that does not validate and prints hacheck's "
          "diagnostics",
          "[runtime][daemon]") {
    temp_dir scratch;
    const fs::path folder = scratch.copy_folder(examples / "mistakes" / "node1", "node1");
    const auto result = harun({"run", "--config", folder.string(), "--state-dir",
                               (scratch.path() / "state").string(), "--foreground"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("[HA102 invalid-value]") != std::string::npos);
    CHECK(result.err.find("keepalive 2s") != std::string::npos);
    CHECK(result.err.find("does not validate") != std::string::npos);
    CHECK_FALSE(fs::exists(scratch.path() / "state" / "harun.sock"));
}

TEST_CASE("harun: run --plan refuses a plan compiled past errors and one without keys",
          "[runtime][daemon]") {
    temp_dir scratch;
    const fs::path mistakes = scratch.copy_folder(examples / "mistakes" / "node1", "node1");
    const auto forced =
        run_process(HACOMPILE_PATH, {"--target", "plan", "--force", "--include-secrets", "-o",
                                     (scratch.path() / "forced").string(), mistakes.string()});
    REQUIRE(forced.exit_code == 0);
    const auto refused =
        harun({"run", "--plan", (scratch.path() / "forced" / "plan.json").string(), "--node",
               "node1", "--state-dir", (scratch.path() / "state").string(), "--foreground"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("forced_errors") != std::string::npos);

    const fs::path alpha = scratch.copy_folder(examples / "clean-sha1" / "alpha", "alpha");
    hakit::test::set_modes_by_name(scratch.path(), "authkeys",
                                   fs::perms::owner_read | fs::perms::owner_write);
    const auto keyless =
        run_process(HACOMPILE_PATH, {"--target", "plan", "-o",
                                     (scratch.path() / "keyless").string(), alpha.string()});
    REQUIRE(keyless.exit_code == 0);
    const auto no_keys =
        harun({"run", "--plan", (scratch.path() / "keyless" / "plan.json").string(), "--state-dir",
               (scratch.path() / "state").string(), "--foreground"});
    CHECK(no_keys.exit_code == 1);
    CHECK(no_keys.err.find("key") != std::string::npos);
}

TEST_CASE("harun: status, standby and takeover fail clearly when no daemon runs",
          "[runtime][daemon]") {
    temp_dir scratch;
    for (const std::vector<std::string>& args : {std::vector<std::string>{"status"},
                                                 {"status", "--json"},
                                                 {"standby", "all"},
                                                 {"takeover", "local"}}) {
        std::vector<std::string> with_dir = args;
        with_dir.insert(with_dir.end(), {"--state-dir", scratch.path().string()});
        const auto result = harun(with_dir);
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("harun.sock") != std::string::npos);
    }
}
