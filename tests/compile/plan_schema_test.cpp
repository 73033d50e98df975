// docs/plan.schema.json is a valid JSON Schema, and every plan hacompile writes for the
// examples and for the corpus folders that validate without errors conforms to it. One Python
// process (Debian's python3-jsonschema) checks all of them.
#include "compile_inputs.hpp"
#include "hacompile_runner.hpp"
#include "tool/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;

namespace {

const fs::path schema_path = fs::path(HAKIT_SOURCE_DIR) / "docs" / "plan.schema.json";

// argv: schema, then plan files. Prints "valid <file>" or "invalid <file>: <why>" per file;
// two broken copies of the first plan must be rejected, so a schema that accepts anything
// fails too.
constexpr const char* validator_script = R"py(
import copy, json, sys
from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
status = 0
for name in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(name))), key=lambda e: list(e.path))
    if errors:
        status = 1
        print("invalid %s: %s at %s" % (name, errors[0].message, list(errors[0].path)))
    else:
        print("valid %s" % name)
first = json.load(open(sys.argv[2]))
broken = [dict(first, version=2), dict(first, unexpected=True),
          dict(first, nodes=[{"name": "a"}])]
for plan in broken:
    if validator.is_valid(plan):
        status = 1
        print("a broken plan passed")
sys.exit(status)
)py";

std::size_t count_lines_starting(const std::string& text, const std::string& prefix) {
    std::size_t count = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        if (text.compare(start, prefix.size(), prefix) == 0) {
            ++count;
        }
        const auto end = text.find('\n', start);
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return count;
}

} // namespace

TEST_CASE("docs/plan.schema.json is a valid draft 2020-12 JSON Schema", "[plan][schema]") {
    const run_result check =
        run_process("/usr/bin/python3",
                    {"-c",
                     "import json, sys\n"
                     "from jsonschema import Draft202012Validator\n"
                     "schema = json.load(open(sys.argv[1]))\n"
                     "assert schema['$schema'] == 'https://json-schema.org/draft/2020-12/schema'\n"
                     "Draft202012Validator.check_schema(schema)\n",
                     schema_path.string()});
    INFO(describe_end(check) << "\n" << check.err);
    CHECK(check.exit_code == 0);
}

TEST_CASE("every plan of the examples and of the clean corpus folders validates against "
          "docs/plan.schema.json",
          "[plan][schema]") {
    compile_inputs inputs;
    std::vector<std::pair<cluster_input, std::vector<std::string>>> runs;
    for (const auto& name : example_names()) {
        const auto example = inputs.add_example(name);
        runs.push_back({example, {"--force"}});
        runs.push_back({example, {"--force", "--include-secrets"}});
    }
    std::size_t clean_corpus = 0;
    for (const auto& folder : inputs.add_corpus_node_folders()) {
        if (validates_without_errors(load_cluster(inputs.root(), folder))) {
            runs.push_back({folder, {}});
            runs.push_back({folder, {"--include-secrets"}});
            ++clean_corpus;
        }
    }
    CHECK(clean_corpus >= 10); // the corpus has about 20; fewer means something broke

    std::vector<std::string> plan_files;
    for (const auto& [cluster, options] : runs) {
        INFO("plan of " << cluster.name);
        std::vector<std::string> args = options;
        args.insert(args.end(), {"--target", "plan"});
        args.insert(args.end(), cluster.paths.begin(), cluster.paths.end());
        const run_result run = run_hacompile(args, inputs.root());
        INFO(describe_end(run) << "\nstderr:\n" << run.err);
        REQUIRE(run.exit_code == 0);
        const fs::path file =
            inputs.root() / "plans" / (std::to_string(plan_files.size()) + ".json");
        write_file(file, run.out);
        plan_files.push_back(file.string());
    }

    std::vector<std::string> args{"-c", validator_script, schema_path.string()};
    args.insert(args.end(), plan_files.begin(), plan_files.end());
    const run_result check = run_process("/usr/bin/python3", args);
    INFO(describe_end(check) << "\nstdout:\n" << check.out << "\nstderr:\n" << check.err);
    CHECK(check.exit_code == 0);
    CHECK(count_lines_starting(check.out, "valid ") == plan_files.size());
}
