// Runs a program as a child process (fork/execvpe, no shell) and captures what it prints.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hakit::test {

struct run_options {
    std::filesystem::path working_dir;            // empty: the caller's
    std::map<std::string, std::string> set_env;   // added or replaced in the child
    std::vector<std::string> unset_env;           // removed from the child
    std::chrono::milliseconds time_limit{60'000}; // the child is killed after it
};

struct run_result {
    std::string out;
    std::string err;
    int exit_code = -1; // meaningful only when exited()
    int signal = 0;     // the signal that ended the child, 0 if it exited
    bool timed_out = false;

    bool exited() const { return signal == 0 && !timed_out; }
};

// Runs `program` (looked up in PATH when it has no '/') with `args`; stdin is /dev/null.
// Throws std::runtime_error when the child cannot be started (bad program, bad working_dir).
run_result run_process(const std::string& program, const std::vector<std::string>& args,
                       const run_options& options = {});

// One line for test logs: "exit 1", "killed by signal 6", "timed out".
std::string describe_end(const run_result& result);

} // namespace hakit::test
