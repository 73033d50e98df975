#include <hakit/runtime/resources/environment.hpp>

namespace hakit::runtime::resources {

environment_changes script_environment(const script_env_settings& settings) {
    environment_changes changes;
    // `env` directives first so that the variables heartbeat sets itself win on a clash.
    for (const auto& [name, value] : settings.env_directives) {
        changes.set["HA_" + name] = value;
    }
    auto set_or_unset = [&changes](const std::string& name, const std::string& value) {
        if (value.empty()) {
            if (!changes.set.contains(name)) {
                changes.unset.push_back(name); // not inherited from the daemon either
            }
        } else {
            changes.set[name] = value;
        }
    };
    set_or_unset("HA_CURHOST", settings.current_host);
    set_or_unset("HA_DIR", settings.ha_dir.string());
    set_or_unset("HA_RESOURCEDIR", settings.resource_dir.string());
    set_or_unset("HA_LOGFILE", settings.log_file);
    set_or_unset("HA_DEBUGLOG", settings.debug_log);
    set_or_unset("HA_LOGFACILITY", settings.log_facility);
    changes.set["HA_LOGD"] = settings.use_logd ? "yes" : "no";
    set_or_unset("HA_NICEFAILBACK", settings.nice_failback ? "yes" : "");
    set_or_unset("HA_DONTASK", settings.alone ? "yes" : "");
    changes.unset.emplace_back("LC_ALL");
    changes.unset.emplace_back("LANGUAGE");
    return changes;
}

std::vector<std::string> apply_environment(const std::vector<std::string>& base,
                                           const environment_changes& changes) {
    std::map<std::string, std::string> merged;
    for (const std::string& entry : base) {
        const std::size_t equals = entry.find('=');
        if (equals == std::string::npos || equals == 0) {
            continue; // not NAME=value: nothing a script could read
        }
        merged.insert_or_assign(entry.substr(0, equals), entry.substr(equals + 1));
    }
    for (const std::string& name : changes.unset) {
        merged.erase(name);
    }
    for (const auto& [name, value] : changes.set) {
        merged.insert_or_assign(name, value);
    }
    std::vector<std::string> result;
    result.reserve(merged.size());
    for (const auto& [name, value] : merged) {
        result.push_back(name + "=" + value);
    }
    return result;
}

} // namespace hakit::runtime::resources
