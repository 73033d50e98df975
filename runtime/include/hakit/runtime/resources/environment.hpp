// The environment resource scripts get, as Heartbeat's ResourceManager gives it to them.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hakit::runtime::resources {

struct script_env_settings {
    std::string current_host;                                    // HA_CURHOST: the local node name
    std::filesystem::path ha_dir = "/etc/ha.d";                  // HA_DIR
    std::filesystem::path resource_dir = "/etc/ha.d/resource.d"; // HA_RESOURCEDIR
    std::string log_file;                                        // HA_LOGFILE, unset when empty
    std::string debug_log;                                       // HA_DEBUGLOG, unset when empty
    std::string log_facility;                                    // HA_LOGFACILITY, unset when empty
    bool use_logd = false;                                       // HA_LOGD=yes|no
    bool nice_failback = false;                                  // HA_NICEFAILBACK=yes when set
    bool alone = false;                                // HA_DONTASK=yes when no peer is up
    std::map<std::string, std::string> env_directives; // ha.cf `env NAME=value` -> HA_NAME
};

// Changes to apply on top of the daemon's own environment.
struct environment_changes {
    std::map<std::string, std::string> set;
    std::vector<std::string> unset;
};

// HA_* variables from the settings; LC_ALL and LANGUAGE removed because ResourceManager
// unsets them so that tools like ifconfig print untranslated text the scripts parse.
environment_changes script_environment(const script_env_settings& settings);

// `base` (NAME=value strings, e.g. environ) with the changes applied; sorted by name.
std::vector<std::string> apply_environment(const std::vector<std::string>& base,
                                           const environment_changes& changes);

} // namespace hakit::runtime::resources
