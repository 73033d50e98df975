// hacheck's command-line options: what each one holds, and their CLI11 definitions (the
// --help text).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace hakit::lint {

struct hacheck_options {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string fail_on = "warning";
    bool fail_on_given = false;
    std::vector<std::string> select; // --select, comma lists allowed
    std::vector<std::string> ignore;
    std::string baseline;       // --baseline FILE
    std::string write_baseline; // --write-baseline FILE
    std::vector<std::string> node_names;
    std::string color = "auto";
    std::vector<std::string> outputs; // --output FORMAT=FILE
    std::string rules_url = HAKIT_RULES_URL;
    bool list_rules = false;
    std::string explain;
    bool version = false;
    bool host = false;                      // --host: on-node checks (docs/on-node.md)
    bool recursive = false;                 // --recursive: PATHs are roots (fleet.hpp)
    bool fix = false;                       // --fix: apply the safe fixes (docs/autofix.md)
    bool diff = false;                      // --diff: print them, write nothing
    std::vector<std::string> resource_dirs; // --resource-dir, in search order
};

void define_options(CLI::App& app, hacheck_options& given);

} // namespace hakit::lint
