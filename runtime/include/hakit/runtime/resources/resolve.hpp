// Finding a resource's script the way ResourceManager's scriptpath() does, and the command
// line it runs.
#pragma once

#include <hakit/runtime/resources/resource.hpp>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::resources {

struct script_dirs {
    std::filesystem::path resource_dir = "/etc/ha.d/resource.d"; // HA_RESOURCEDIR
    std::filesystem::path init_dir = "/etc/init.d";              // INITDIR
};

struct resolve_error {
    std::string message; // names the script and every path tried
};

// <resource_dir>/<script>, else <init_dir>/<script>; each must be a regular file (symlinks
// followed, as `test -f` does) that is executable. A script name that is empty or holds a '/'
// is refused: ResourceManager would look outside both directories.
std::variant<std::filesystem::path, resolve_error> resolve_script(const resource_ref& resource,
                                                                  const script_dirs& dirs);

// argv for the call, identical for resource.d and init.d scripts (ResourceManager's doscript
// runs `$spath $arg $action` for both): script path, arguments, action. ResourceManager passes
// the arguments unquoted, so an empty argument vanishes; it is dropped here too.
std::vector<std::string> script_command(const std::filesystem::path& script,
                                        const resource_ref& resource, script_action action);

} // namespace hakit::runtime::resources
