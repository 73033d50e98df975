// Resolving a resource and starting its script in one step, for the daemon's event loop.
#pragma once

#include <hakit/runtime/resources/child_process.hpp>
#include <hakit/runtime/resources/resolve.hpp>
#include <hakit/runtime/resources/resource.hpp>

#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::resources {

struct script_setup {
    script_dirs dirs;
    // Words run before the script, e.g. {"ip", "netns", "exec", "ns1"} to run it inside a
    // network namespace. A prefix keeps the runner free of namespace code and lets tests place
    // scripts in namespaces they create; empty for the normal case.
    std::vector<std::string> command_prefix;
    // Time limit, environment and output. The daemon keeps two setups like ResourceManager:
    // start/stop with output_file (its debug log or /dev/null), status captured (stdout
    // decides, see status_says_running()).
    child_options options;
};

// The child running `<prefix...> <script> <args...> <action>`, or a finished not_started result
// (script not found, spawn failed) that a group_runner accepts like any other outcome.
std::variant<child_process, child_result> launch_script(const resource_ref& resource,
                                                        script_action action,
                                                        const script_setup& setup, time_point now);

} // namespace hakit::runtime::resources
