// Running the hacheck binary under test and reading its text summary line.
#pragma once

#include "process.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hakit::test {

// The binary built by this tree (CMake passes its path).
inline const std::string hacheck_path = HACHECK_PATH;

// Runs hacheck with `args` in `working_dir` (paths in its output are then relative to it).
run_result run_hacheck(const std::vector<std::string>& args,
                       const std::filesystem::path& working_dir, run_options options = {});

struct text_summary {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t files = 0;
};

// The last line of text output: "2 errors, 1 warning, 0 infos in 6 files" or "no problems in
// 6 files". Nothing when the line is missing or a count has the wrong number ("1 errors").
std::optional<text_summary> parse_summary_line(const std::string& output);

// The exit code the contract asks for with the default --fail-on warning.
int expected_exit_code(const text_summary& summary);

} // namespace hakit::test
