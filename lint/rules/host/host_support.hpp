// Small pieces the on-node rules share (header-only: every .cpp in lint/rules is one rule).
#pragma once

#include "rule_support.hpp"

#include <hakit/compiler/ir.hpp>
#include <hakit/lint/host_facts.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hakit::lint {

// Media that Heartbeat binds to a network interface (serial names a tty instead).
inline bool uses_interface(const ir::medium& medium) {
    return medium.kind != ir::medium_kind::serial && !medium.device.empty() &&
           !has_template_markup(medium.device);
}

// The device token of a medium's line, else the directive name.
inline location device_location(const node_folder& folder, const ir::medium& medium) {
    if (folder.ha_cf) {
        for (const auto& directive : folder.ha_cf->directives) {
            if (directive.name.where != medium.where) {
                continue;
            }
            for (const auto& argument : directive.args) {
                if (argument.text == medium.device) {
                    return argument.where;
                }
            }
        }
    }
    return medium.where;
}

// File facts through the context's inspector (tests make files up), else stat(2).
inline std::optional<file_facts> inspect(const host_context& host, const std::string& path) {
    return host.inspect_file ? host.inspect_file(path) : read_file_facts(path);
}

// Where ResourceManager finds a resource's script: the first regular, executable file named
// like it in the search path (resource.d, then init.d; reference §2.4).
struct script_search {
    std::optional<std::string> found;
    std::vector<std::string> not_executable; // regular files it skipped
};

inline script_search find_script(const host_context& host, const std::string& script) {
    script_search result;
    for (const auto& directory : host.resource_dirs) {
        const std::string path = directory + "/" + script;
        const auto file = inspect(host, path);
        if (!file || !file->regular) {
            continue;
        }
        if ((file->mode & 0111U) != 0) {
            result.found = path;
            return result;
        }
        result.not_executable.push_back(path);
    }
    return result;
}

// The resources whose script hacheck can look for: haresources is in use (no pacemaker) and
// the name is a plain file name.
template <typename Visit> void for_each_script(const node_folder& folder, Visit visit) {
    if (!folder.haresources || folder.ir.pacemaker_enabled) {
        return;
    }
    for (const auto& group : folder.ir.groups) {
        for (const auto& resource : group.resources) {
            if (resource.script.empty() || resource.script.find('/') != std::string::npos ||
                has_template_markup(resource.script)) {
                continue;
            }
            visit(resource);
        }
    }
}

} // namespace hakit::lint
