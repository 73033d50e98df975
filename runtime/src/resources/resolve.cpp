#include <hakit/runtime/resources/resolve.hpp>

#include <fmt/format.h>

#include <system_error>
#include <unistd.h>

namespace hakit::runtime::resources {
namespace {

// `[ -f path -a -x path ]`: a regular file after following links, executable by us.
bool is_executable_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return false;
    }
    return ::access(path.c_str(), X_OK) == 0;
}

} // namespace

std::variant<std::filesystem::path, resolve_error> resolve_script(const resource_ref& resource,
                                                                  const script_dirs& dirs) {
    if (resource.script.empty() || resource.script.find('/') != std::string::npos ||
        resource.script == "." || resource.script == "..") {
        return resolve_error{fmt::format("invalid resource script name '{}': it must be a plain "
                                         "file name in {} or {}",
                                         resource.script, dirs.resource_dir.string(),
                                         dirs.init_dir.string())};
    }
    const std::filesystem::path candidates[] = {dirs.resource_dir / resource.script,
                                                dirs.init_dir / resource.script};
    for (const std::filesystem::path& candidate : candidates) {
        if (is_executable_file(candidate)) {
            return candidate;
        }
    }
    return resolve_error{fmt::format("cannot locate resource script {}: neither {} nor {} is an "
                                     "executable file",
                                     resource.script, candidates[0].string(),
                                     candidates[1].string())};
}

std::vector<std::string> script_command(const std::filesystem::path& script,
                                        const resource_ref& resource, script_action action) {
    std::vector<std::string> argv{script.string()};
    for (const std::string& arg : resource.args) {
        if (!arg.empty()) {
            argv.push_back(arg);
        }
    }
    argv.emplace_back(action_name(action));
    return argv;
}

} // namespace hakit::runtime::resources
