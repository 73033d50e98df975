// Goldens: for every example and every registered target, what `hacompile --force --target T
// -o DIR examples/<example>/<node>...` writes is kept in tests/compile/golden/<example>/<T>/,
// and its exit code, the files with their modes and stderr in
// tests/compile/golden/<example>/<T>.run.txt (also for a target that writes no file).
// --force everywhere: the mistakes example has validation errors, and a target that cannot
// express an example shows what it makes anyway next to its diagnostics. Secrets are never
// included. HAKIT_UPDATE_GOLDEN=1 rewrites the goldens (review the diff before committing).
#include "compile_inputs.hpp"
#include "hacompile_runner.hpp"
#include "tool/golden.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/compiler/emit.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;

namespace {

const fs::path golden_root = fs::path(HAKIT_SOURCE_DIR) / "tests" / "compile" / "golden";

std::vector<fs::path> files_below(const fs::path& root) {
    std::vector<fs::path> files;
    if (!fs::exists(root)) {
        return files;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) {
            files.push_back(fs::relative(entry.path(), root));
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string octal(fs::perms perms) {
    return fmt::format("{:04o}", static_cast<unsigned>(perms & fs::perms::mask));
}

// The run as text: exit code, each file with its mode, then stderr as printed.
std::string describe_run(const run_result& run, const fs::path& out) {
    std::string text = describe_end(run) + "\n";
    for (const auto& file : files_below(out)) {
        text += fmt::format("{} {}\n", octal(fs::status(out / file).permissions()), file.string());
    }
    text += "stderr:\n" + run.err;
    return text;
}

void fail(const std::string& message) {
    FAIL_CHECK(message);
}

// Files in the golden directory that the run did not write.
void check_no_stale_files(const fs::path& golden_dir, const fs::path& out) {
    for (const auto& file : files_below(golden_dir)) {
        if (fs::exists(out / file)) {
            continue;
        }
        if (updating_goldens()) {
            fs::remove(golden_dir / file);
        } else {
            fail("stale golden " + (golden_dir / file).string() +
                 ": the target no longer writes it (HAKIT_UPDATE_GOLDEN=1 removes it)");
        }
    }
}

void check_example_target(const compile_inputs& inputs, const cluster_input& example,
                          const std::string& target) {
    INFO("example " << example.name << ", target " << target);
    const fs::path golden_dir = golden_root / example.name / target;
    const std::string out = "out/" + example.name + "/" + target;
    std::vector<std::string> args{"--force", "--target", target, "-o", out};
    args.insert(args.end(), example.paths.begin(), example.paths.end());
    const run_result run = run_hacompile(args, inputs.root());
    INFO(describe_end(run) << "\nstderr:\n" << run.err);
    CHECK(run.exited());
    CHECK(run.exit_code == 0);

    // The run file is always there once goldens were written, also for a target that writes
    // no file for this example (authkeys without --include-secrets).
    const fs::path run_golden = golden_root / example.name / (target + ".run.txt");
    if (!updating_goldens() && !fs::exists(run_golden)) {
        fail("target '" + target + "' has no goldens for example '" + example.name + "' (" +
             run_golden.string() + ", " + golden_dir.string() +
             "/): run the test with HAKIT_UPDATE_GOLDEN=1 to write them, then review them");
        return;
    }
    for (const auto& file : files_below(inputs.root() / out)) {
        const std::string mismatch =
            check_golden(golden_dir / file, read_file(inputs.root() / out / file));
        if (!mismatch.empty()) {
            fail(mismatch);
        }
    }
    check_no_stale_files(golden_dir, inputs.root() / out);
    const std::string mismatch = check_golden(run_golden, describe_run(run, inputs.root() / out));
    if (!mismatch.empty()) {
        fail(mismatch);
    }
}

} // namespace

TEST_CASE("hacompile output for every example and every target matches its goldens", "[golden]") {
    const auto targets = hakit::emit::all_targets();
    REQUIRE_FALSE(targets.empty());
    const auto examples = example_names();
    REQUIRE_FALSE(examples.empty());
    compile_inputs inputs;
    for (const auto& name : examples) {
        const auto example = inputs.add_example(name);
        for (const auto& target : targets) {
            check_example_target(inputs, example, std::string(target.name));
        }
    }
}

TEST_CASE("every compile golden belongs to an example and a registered target", "[golden]") {
    if (!fs::exists(golden_root)) {
        return; // nothing stale; the test above fails for the missing goldens
    }
    std::set<std::string> expected;
    for (const auto& example : example_names()) {
        for (const auto& target : hakit::emit::all_targets()) {
            expected.insert(example + "/" + std::string(target.name));
            expected.insert(example + "/" + std::string(target.name) + ".run.txt");
        }
    }
    for (const auto& example : fs::directory_iterator(golden_root)) {
        for (const auto& entry : fs::directory_iterator(example.path())) {
            const std::string name =
                example.path().filename().string() + "/" + entry.path().filename().string();
            if (expected.count(name) != 0) {
                continue;
            }
            if (updating_goldens()) {
                fs::remove_all(entry.path());
            } else {
                fail("stale golden " + entry.path().string() +
                     " (no such example or target; HAKIT_UPDATE_GOLDEN=1 removes it)");
            }
        }
    }
}
