// The hacompile application in-process, with targets of this test's own: several files, an
// emitter error or warning, a file name outside the output directory, a write that fails.
#include "compile_inputs.hpp"
#include "hacompile_app.hpp"

#include <hakit/compiler/emit.hpp>
#include <hakit/lint/engine.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;
using hakit::emit::emit_input;
using hakit::emit::emit_result;

namespace {

emit_result two_files(const emit_input& input) {
    emit_result result;
    const std::string members = std::to_string(input.cluster.members.size()) + " members\n";
    result.files.push_back({"one.txt", members, 0644});
    result.files.push_back({"node/two.txt", "second\n", 0600});
    return result;
}

hakit::diagnostic finding(const emit_input& input, hakit::severity level) {
    return {"HC999",
            "test-finding",
            level,
            "the test target says so",
            hakit::location{input.folders.front().expected_path_ha_cf, 1, 1},
            {}};
}

emit_result refuses(const emit_input& input) {
    emit_result result;
    result.files.push_back({"out.txt", "written anyway\n", 0644});
    result.diagnostics.push_back(finding(input, hakit::severity::error));
    return result;
}

emit_result warns(const emit_input& input) {
    emit_result result;
    result.files.push_back({"out.txt", "with a warning\n", 0644});
    result.diagnostics.push_back(finding(input, hakit::severity::warning));
    return result;
}

emit_result escapes(const emit_input&) {
    emit_result result;
    result.files.push_back({"../escaped.txt", "outside\n", 0644});
    return result;
}

const hakit::emit::target_registrar two_files_target{
    {"test-two-files", "test: two files, one in a node folder", &two_files}};
const hakit::emit::target_registrar refuses_target{
    {"test-refuses", "test: an emitter error", &refuses}};
const hakit::emit::target_registrar warns_target{{"test-warns", "test: a warning", &warns}};
const hakit::emit::target_registrar escapes_target{
    {"test-escapes", "test: a file name with ..", &escapes}};

struct app_run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

app_run run_app(const std::vector<std::string>& args) {
    std::vector<const char*> argv{"hacompile"};
    for (const auto& arg : args) {
        argv.push_back(arg.c_str());
    }
    std::ostringstream out;
    std::ostringstream err;
    app_run run;
    run.exit_code =
        hakit::compile::run_hacompile(static_cast<int>(argv.size()), argv.data(), out, err, false);
    run.out = out.str();
    run.err = err.str();
    return run;
}

// The seed's node folders as absolute paths in a scratch copy.
struct seed_copy {
    compile_inputs inputs;
    cluster_input cluster;
    std::vector<std::string> paths;

    seed_copy() : cluster(inputs.add_example("seed")) {
        for (const auto& path : cluster.paths) {
            paths.push_back((inputs.root() / path).string());
        }
    }

    std::vector<std::string> args(std::vector<std::string> options) const {
        options.insert(options.end(), paths.begin(), paths.end());
        return options;
    }
};

std::vector<std::string> files_below(const fs::path& root) {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) {
            names.push_back(fs::relative(entry.path(), root).string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

fs::perms permission_bits(const fs::path& file) {
    return fs::status(file).permissions() & fs::perms::mask;
}

} // namespace

TEST_CASE("app: a target with several files needs -o DIR", "[app]") {
    const seed_copy seed;
    const auto to_stdout = run_app(seed.args({"--target", "test-two-files"}));
    CHECK(to_stdout.exit_code == 2);
    CHECK(to_stdout.out.empty());
    CHECK(to_stdout.err ==
          "hacompile: error: target 'test-two-files' writes 2 files: use -o DIR\n");

    const fs::path out = seed.inputs.root() / "out";
    const auto written = run_app(seed.args({"--target", "test-two-files", "-o", out.string()}));
    INFO(written.err);
    CHECK(written.exit_code == 0);
    CHECK(written.err.empty());
    CHECK(files_below(out) == std::vector<std::string>{"node/two.txt", "one.txt"});
    CHECK(read_file(out / "one.txt") == "2 members\n");
    CHECK(permission_bits(out / "one.txt") == (fs::perms::owner_read | fs::perms::owner_write |
                                               fs::perms::group_read | fs::perms::others_read));
    CHECK(permission_bits(out / "node" / "two.txt") ==
          (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("app: an emitter error refuses to write unless --force", "[app]") {
    const seed_copy seed;
    const fs::path out = seed.inputs.root() / "out";
    const auto refused = run_app(seed.args({"--target", "test-refuses", "-o", out.string()}));
    CHECK(refused.exit_code == 1);
    CHECK_FALSE(fs::exists(out));
    CHECK(refused.err.find("error: the test target says so [HC999 test-finding]") !=
          std::string::npos);
    CHECK(refused.err.find("1 error, 0 warnings, 0 infos in 6 files") != std::string::npos);

    const auto forced =
        run_app(seed.args({"--target", "test-refuses", "--force", "-o", out.string()}));
    CHECK(forced.exit_code == 0);
    CHECK(read_file(out / "out.txt") == "written anyway\n");
    CHECK(forced.err.find("[HC999 test-finding]") != std::string::npos);
}

TEST_CASE("app: emitter warnings are printed and the output written", "[app]") {
    const seed_copy seed;
    const auto run = run_app(seed.args({"--target", "test-warns"}));
    CHECK(run.exit_code == 0);
    CHECK(run.out == "with a warning\n");
    CHECK(run.err.find("warning: the test target says so [HC999 test-finding]") !=
          std::string::npos);
    CHECK(run.err.find("0 errors, 1 warning, 0 infos in 6 files") != std::string::npos);
    // Validation's own warnings (crc in the seed) only with --verbose.
    CHECK(run.err.find("HA306") == std::string::npos);
    const auto verbose = run_app(seed.args({"--target", "test-warns", "--verbose"}));
    CHECK(verbose.err.find("[HA306 weak-auth-method]") != std::string::npos);
    const auto validation = hakit::lint::check(load_cluster(seed.inputs.root(), seed.cluster));
    const std::string totals =
        fmt::format("0 errors, {} warnings, 0 infos in 6 files", validation.size() + 1);
    CHECK(verbose.err.find(totals) != std::string::npos);
}

TEST_CASE("app: a file name leaving the output directory is refused", "[app]") {
    const seed_copy seed;
    const fs::path out = seed.inputs.root() / "out";
    const auto run = run_app(seed.args({"--target", "test-escapes", "-o", out.string()}));
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("internal error: the emitter named a file '../escaped.txt'") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(seed.inputs.root() / "escaped.txt"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("app: a failed write exits 2 and leaves no temporary file", "[app]") {
    const seed_copy seed;
    const fs::path out = seed.inputs.root() / "out";
    // A non-empty directory where plan.json should go: rename(2) cannot replace it, root or not.
    fs::create_directories(out / "plan.json" / "in-the-way");
    const auto run = run_app(seed.args({"--target", "plan", "-o", out.string()}));
    CHECK(run.exit_code == 2);
    CHECK(run.err.rfind("hacompile: error: " + (out / "plan.json").string() + ": cannot replace it",
                        0) == 0);
    CHECK(files_below(out).empty());
    CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);

    // -o naming an existing regular file.
    write_file(seed.inputs.root() / "a-file", "x");
    const auto not_a_dir =
        run_app(seed.args({"--target", "plan", "-o", (seed.inputs.root() / "a-file").string()}));
    CHECK(not_a_dir.exit_code == 2);
    CHECK(read_file(seed.inputs.root() / "a-file") == "x");
}
