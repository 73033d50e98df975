#include <hakit/runtime/resources/launch.hpp>

#include <utility>

namespace hakit::runtime::resources {

std::variant<child_process, child_result> launch_script(const resource_ref& resource,
                                                        script_action action,
                                                        const script_setup& setup, time_point now) {
    auto resolved = resolve_script(resource, setup.dirs);
    if (const auto* error = std::get_if<resolve_error>(&resolved)) {
        return child_result::failed_to_start(error->message);
    }
    std::vector<std::string> argv = setup.command_prefix;
    for (std::string& word :
         script_command(std::get<std::filesystem::path>(resolved), resource, action)) {
        argv.push_back(std::move(word));
    }
    auto started = child_process::start(argv, setup.options, now);
    if (auto* why = std::get_if<std::string>(&started)) {
        return child_result::failed_to_start(std::move(*why));
    }
    return std::move(std::get<child_process>(started));
}

} // namespace hakit::runtime::resources
