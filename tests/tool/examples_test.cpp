// Every examples/<name>/expected.txt is exactly what `hacheck examples/<name>/<a>
// examples/<name>/<b> ...` prints from the repository root. HAKIT_UPDATE_GOLDEN=1 rewrites them.
#include "golden.hpp"
#include "hacheck.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;

namespace {

const fs::path examples_root = fs::path(HAKIT_SOURCE_DIR) / "examples";

std::vector<std::string> sorted_subfolders(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_directory()) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> examples_with_expected_output() {
    std::vector<std::string> names;
    for (const auto& name : sorted_subfolders(examples_root)) {
        if (fs::exists(examples_root / name / "expected.txt")) {
            names.push_back(name);
        }
    }
    return names;
}

} // namespace

TEST_CASE("every example's expected.txt is what hacheck prints for its node folders",
          "[tool][examples]") {
    const auto examples = examples_with_expected_output();
    REQUIRE_FALSE(examples.empty());

    for (const auto& name : examples) {
        INFO("example " << name);
        const temp_dir scratch;
        const fs::path relative = fs::path("examples") / name;
        const fs::path copy = scratch.copy_folder(examples_root / name, relative);
        set_modes_by_name(copy, "authkeys", fs::perms::owner_read | fs::perms::owner_write);

        std::vector<std::string> args;
        for (const auto& node : sorted_subfolders(copy)) {
            args.push_back((relative / node).string());
        }
        CHECK_FALSE(args.empty());

        const run_result result = run_hacheck(args, scratch.path());
        INFO(describe_end(result) << "\nstderr:\n" << result.err);
        CHECK(result.err.empty());
        CHECK(result.exited());
        const auto summary = parse_summary_line(result.out);
        CHECK(summary.has_value());
        if (summary) {
            CHECK(result.exit_code == expected_exit_code(*summary));
        }

        const std::string mismatch =
            check_golden(examples_root / name / "expected.txt", result.out);
        if (!mismatch.empty()) {
            FAIL_CHECK(mismatch);
        }
    }
}
