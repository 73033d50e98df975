// Where harun's plan comes from: a plan file (`hacompile --target plan --include-secrets`) or a
// node folder compiled in-process with hacheck's validation and the `plan` target.
#pragma once

#include <hakit/runtime/node/plan.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace hakit::runtime::daemon {

struct plan_source {
    std::optional<std::filesystem::path> plan_file;
    std::optional<std::filesystem::path> config_dir;
    // Local node name for a folder without nodeinfo (the folder's checks need one).
    std::optional<std::string> node_name;
};

struct plan_failure {
    // One line for the log; `details` holds the rendered diagnostics when validation failed.
    std::string message;
    std::string details;
};

// Never throws. A plan with forced errors or without keys is refused (node::parse_plan).
std::variant<node::runtime_plan, plan_failure> load_runtime_plan(const plan_source& source);

// Compiles a node folder to the plan's JSON text the way `hacompile --target plan
// --include-secrets DIR` does; a failure carries hacheck's text rendering of the errors.
std::variant<std::string, plan_failure> compile_plan(const std::filesystem::path& folder,
                                                     const std::optional<std::string>& node_name);

} // namespace hakit::runtime::daemon
