// Running the hacompile binary under test (CMake passes its path as HACOMPILE_PATH).
#pragma once

#include "tool/process.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace hakit::test {

inline const std::string hacompile_path = HACOMPILE_PATH;

// Runs hacompile with `args` in `working_dir` (paths in its output are then relative to it).
inline run_result run_hacompile(const std::vector<std::string>& args,
                                const std::filesystem::path& working_dir) {
    run_options options;
    options.working_dir = working_dir;
    options.unset_env = {"NO_COLOR"};
    return run_process(hacompile_path, args, options);
}

} // namespace hakit::test
