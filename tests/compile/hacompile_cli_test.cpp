// The hacompile binary: refusal and --force, -o DIR written atomically with the right modes,
// stdout, usage errors, determinism, --include-secrets, --node. Always on scratch copies.
#include "compile_inputs.hpp"
#include "hacompile_runner.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/compiler/emit.hpp>
#include <hakit/lint/engine.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace hakit::test;

namespace {

constexpr auto mode_0600 = fs::perms::owner_read | fs::perms::owner_write;
constexpr auto mode_0644 = mode_0600 | fs::perms::group_read | fs::perms::others_read;

std::vector<std::string> with(std::vector<std::string> options,
                              const std::vector<std::string>& paths) {
    options.insert(options.end(), paths.begin(), paths.end());
    return options;
}

// Every entry below `root` (files and folders), relative, sorted: temp files would show here.
std::vector<std::string> entries_below(const fs::path& root) {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        names.push_back(fs::relative(entry.path(), root).string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

fs::perms permission_bits(const fs::path& file) {
    return fs::status(file).permissions() & fs::perms::mask;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

std::string target_names() {
    std::string names;
    for (const auto& target : hakit::emit::all_targets()) {
        names += (names.empty() ? "" : ", ") + std::string(target.name);
    }
    return names;
}

} // namespace

TEST_CASE("hacompile refuses a cluster with errors: exit 1, hacheck's text, nothing written",
          "[cli]") {
    compile_inputs inputs;
    const auto mistakes = inputs.add_example("mistakes");
    const auto run =
        run_hacompile(with({"--target", "plan", "-o", "out"}, mistakes.paths), inputs.root());
    INFO(describe_end(run));
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    // Exactly what hacheck prints for the same folders from the same place.
    run_options in_root;
    in_root.working_dir = inputs.root();
    const auto hacheck = run_process(HACHECK_PATH, mistakes.paths, in_root);
    CHECK(hacheck.exit_code == 1);
    CHECK(run.err == hacheck.out);
    CHECK_FALSE(fs::exists(inputs.root() / "out"));
}

TEST_CASE("hacompile --force writes despite errors and puts them into the output", "[cli]") {
    compile_inputs inputs;
    const auto mistakes = inputs.add_example("mistakes");
    const auto run = run_hacompile(
        with({"--target", "plan", "--force", "-o", "out"}, mistakes.paths), inputs.root());
    INFO(describe_end(run) << "\n" << run.err);
    CHECK(run.exit_code == 0);
    const json plan = json::parse(read_file(inputs.root() / "out/plan.json"));
    std::vector<hakit::diagnostic> errors;
    for (const auto& finding : hakit::lint::check(load_cluster(inputs.root(), mistakes))) {
        if (finding.level == hakit::severity::error) {
            errors.push_back(finding);
        }
    }
    REQUIRE_FALSE(errors.empty());
    const auto forced = plan["forced_errors"];
    REQUIRE(forced.size() == errors.size());
    for (std::size_t i = 0; i < errors.size(); ++i) {
        CHECK(forced[i]["code"] == errors[i].code);
        CHECK(forced[i]["message"] == errors[i].message);
        // Loaded in-process from absolute paths; hacompile ran on relative ones.
        const std::string file = forced[i]["where"]["file"];
        CHECK(errors[i].where.file == (inputs.root() / file).string());
        CHECK(forced[i]["where"]["line"] == errors[i].where.line);
    }
    // The errors on stderr too, each once; validation warnings only with --verbose.
    CHECK(count_of(run.err, ": error: ") == errors.size());
    for (std::size_t at = run.err.find(": warning: "); at != std::string::npos;
         at = run.err.find(": warning: ", at + 1)) {
        const std::string line = run.err.substr(at, run.err.find('\n', at) - at);
        CHECK(line.find(" [HC") != std::string::npos); // the target's own, not validation's
    }
}

TEST_CASE("hacompile -o DIR writes atomically: created, overwritten, modes set, no temp files",
          "[cli][output]") {
    compile_inputs inputs;
    const auto sha1 = inputs.add_example("clean-sha1");
    const fs::path out = inputs.root() / "deep/out";

    const auto first =
        run_hacompile(with({"--target", "plan", "-o", "deep/out"}, sha1.paths), inputs.root());
    INFO(describe_end(first) << "\n" << first.err);
    CHECK(first.exit_code == 0);
    CHECK(first.out.empty());
    CHECK(first.err.empty());
    CHECK(entries_below(out) == std::vector<std::string>{"plan.json"});
    CHECK(permission_bits(out / "plan.json") == mode_0644);
    const std::string plan = read_file(out / "plan.json");

    // Replacing a file that is there (even 0600, even stale) gives the new bytes and mode.
    write_file(out / "plan.json", "stale");
    fs::permissions(out / "plan.json", mode_0600);
    const auto again =
        run_hacompile(with({"--target", "plan", "-o", "deep/out/"}, sha1.paths), inputs.root());
    CHECK(again.exit_code == 0);
    CHECK(read_file(out / "plan.json") == plan);
    CHECK(permission_bits(out / "plan.json") == mode_0644);
    CHECK(entries_below(out) == std::vector<std::string>{"plan.json"});
}

TEST_CASE("hacompile --include-secrets: the plan holds the key and is written 0600",
          "[cli][secrets]") {
    compile_inputs inputs;
    const auto sha1 = inputs.add_example("clean-sha1");
    const std::string key = "feba452d66c5820a2dfe206e0bcd39408391db5d"; // the example's demo key

    const auto run = run_hacompile(
        with({"--target", "plan", "--include-secrets", "-o", "out"}, sha1.paths), inputs.root());
    CHECK(run.exit_code == 0);
    CHECK(permission_bits(inputs.root() / "out/plan.json") == mode_0600);
    const json plan = json::parse(read_file(inputs.root() / "out/plan.json"));
    CHECK(plan["auth"]["key"] == key);
    CHECK(plan["auth"]["method"] == "sha1");

    const auto hidden = run_hacompile(with({"--target", "plan"}, sha1.paths), inputs.root());
    CHECK(hidden.exit_code == 0);
    CHECK(hidden.out.find(key) == std::string::npos);
    CHECK(json::parse(hidden.out)["auth"].count("key") == 0);
}

TEST_CASE("hacompile prints the single file to stdout without -o or with -o -", "[cli]") {
    compile_inputs inputs;
    const auto seed = inputs.add_example("seed");
    const auto to_dir =
        run_hacompile(with({"--target", "plan", "-o", "out"}, seed.paths), inputs.root());
    REQUIRE(to_dir.exit_code == 0);
    const std::string file = read_file(inputs.root() / "out/plan.json");

    const auto dash =
        run_hacompile(with({"--target", "plan", "-o", "-"}, seed.paths), inputs.root());
    CHECK(dash.exit_code == 0);
    CHECK(dash.out == file);
    const auto plain = run_hacompile(with({"-t", "plan"}, seed.paths), inputs.root());
    CHECK(plain.exit_code == 0);
    CHECK(plain.out == file);
    CHECK(plain.err.empty());
}

TEST_CASE("hacompile usage errors exit 2 with one line", "[cli]") {
    compile_inputs inputs;
    const auto seed = inputs.add_example("seed");

    const auto unknown = run_hacompile(with({"--target", "nope"}, seed.paths), inputs.root());
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err ==
          "hacompile: error: unknown target 'nope' (targets: " + target_names() + ")\n");

    const auto no_target = run_hacompile(seed.paths, inputs.root());
    CHECK(no_target.exit_code == 2);
    CHECK(no_target.err ==
          "hacompile: error: no --target given (targets: " + target_names() + ")\n");

    const auto no_path = run_hacompile({"--target", "plan"}, inputs.root());
    CHECK(no_path.exit_code == 2);
    CHECK(no_path.err == "hacompile: error: no PATH given (try --help)\n");

    const auto missing = run_hacompile({"--target", "plan", "no/such/folder"}, inputs.root());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "hacompile: error: no/such/folder: no such file or directory\n");

    const auto empty_output =
        run_hacompile(with({"--target", "plan", "-o", ""}, seed.paths), inputs.root());
    CHECK(empty_output.exit_code == 2);
    CHECK(empty_output.err == "hacompile: error: -o needs a directory, or - for stdout\n");

    const auto bad_option = run_hacompile({"--frobnicate"}, inputs.root());
    CHECK(bad_option.exit_code == 2);
    CHECK(bad_option.err.rfind("hacompile: error: ", 0) == 0);

    const auto bad_node = run_hacompile(
        with({"--target", "plan", "--node", "elsewhere=x"}, seed.paths), inputs.root());
    CHECK(bad_node.exit_code == 2);
    CHECK(bad_node.err ==
          "hacompile: error: --node elsewhere=x: elsewhere is not one of the PATHs\n");
}

TEST_CASE("hacompile --version, --list-targets and --help", "[cli]") {
    const temp_dir scratch;
    const auto version = run_hacompile({"--version"}, scratch.path());
    CHECK(version.exit_code == 0);
    CHECK(version.out == "hacompile (hakit) " HAKIT_VERSION "\n");

    const auto list = run_hacompile({"--list-targets"}, scratch.path());
    CHECK(list.exit_code == 0);
    const auto help = run_hacompile({"--help"}, scratch.path());
    CHECK(help.exit_code == 0);
    for (const auto& target : hakit::emit::all_targets()) {
        INFO("target " << target.name);
        const std::string line_start = "  " + std::string(target.name) + " ";
        CHECK(list.out.find(line_start) != std::string::npos);
        CHECK(list.out.find(std::string(target.summary) + "\n") != std::string::npos);
        CHECK(help.out.find(line_start) != std::string::npos);
    }
    CHECK(count_of(list.out, "\n") == hakit::emit::all_targets().size());
    CHECK(help.out.find("--include-secrets") != std::string::npos);
}

TEST_CASE("hacompile output is byte-for-byte the same on every run, for every target",
          "[cli][determinism]") {
    compile_inputs inputs;
    std::size_t files_compared = 0;
    for (const auto& example : {"seed", "clean-sha1"}) {
        const auto cluster = inputs.add_example(example);
        for (const auto& target : hakit::emit::all_targets()) {
            INFO("example " << example << ", target " << target.name);
            const std::string name(target.name);
            const std::string first = "first/" + std::string(example) + "/" + name;
            const std::string second = "second/" + std::string(example) + "/" + name;
            const auto a = run_hacompile(
                with({"--target", name, "--force", "-o", first}, cluster.paths), inputs.root());
            const auto b = run_hacompile(
                with({"--target", name, "--force", "-o", second}, cluster.paths), inputs.root());
            CHECK(a.exit_code == 0);
            CHECK(a.err == b.err);
            const auto files = entries_below(inputs.root() / first);
            CHECK(files == entries_below(inputs.root() / second));
            for (const auto& file : files) {
                const fs::path one = inputs.root() / first / file;
                if (fs::is_regular_file(one)) {
                    CHECK(read_file(one) == read_file(inputs.root() / second / file));
                    ++files_compared;
                }
            }
        }
    }
    // Some targets write nothing without --include-secrets; `plan` and `ir` always write.
    CHECK(files_compared >= 4);
}

TEST_CASE("hacompile --node names the node of a folder without nodeinfo", "[cli]") {
    compile_inputs inputs;
    const auto seed = inputs.add_example("seed");
    for (const auto& path : seed.paths) {
        fs::remove(inputs.root() / path / "nodeinfo");
    }
    const auto unnamed = run_hacompile(with({"--target", "plan"}, seed.paths), inputs.root());
    REQUIRE(unnamed.exit_code == 0);
    CHECK(json::parse(unnamed.out)["nodes"][0]["folder"].is_null());

    const auto named =
        run_hacompile(with({"--target", "plan", "--node", seed.paths[0] + "/=srv5.localdomain",
                            "--node", seed.paths[1] + "=srv6.localdomain"},
                           seed.paths),
                      inputs.root());
    INFO(named.err);
    REQUIRE(named.exit_code == 0);
    const json plan = json::parse(named.out);
    CHECK(plan["nodes"][0]["folder"] == seed.paths[0]);
    CHECK(plan["nodes"][1]["folder"] == seed.paths[1]);
    CHECK(plan["nodes"][1]["media"][0]["peer"] == "192.168.9.5");
}
