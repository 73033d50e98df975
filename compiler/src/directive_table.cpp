// The directives Heartbeat 3.0.6 (as Debian 12 ships it) knows, and their setters
// (reference §1.4: Directives[], WLdirectives[] and the HBcomm plugins in the package).
#include "ha_cf_options.hpp"
#include "ha_cf_state.hpp"

#include <hakit/compiler/values.hpp>

#include <algorithm>
#include <array>

namespace hakit::resolve {
namespace {

// clang-format off
constexpr std::array table{
    // Class A: option lists.
    directive_entry{"apiauth", nullptr, &apply_whole_line},
    directive_entry{"auto_failback", &set_auto_failback},
    directive_entry{"autojoin", &set_autojoin},
    directive_entry{"baud", &set_baud},
    directive_entry{"bcast", &apply_media_token},
    directive_entry{"cluster", &set_cluster},
    directive_entry{"compression", &set_compression},
    directive_entry{"compression_threshold", &set_positive_integer},
    directive_entry{"conn_logd_time", &set_positive_time_option},
    directive_entry{"coredumps", &set_boolean_option},
    directive_entry{"coreroot", &set_text_option},
    directive_entry{"crm", &set_pacemaker},
    directive_entry{"crm_daemon_dir", &set_crm_daemon_dir},
    directive_entry{"crmd_spawns_pengine", &set_crmd_spawns_pengine},
    directive_entry{"deadping", &set_deadping},
    directive_entry{"deadtime", &set_deadtime},
    directive_entry{"debug", &set_debug},
    directive_entry{"debugfile", &set_debugfile},
    directive_entry{"enable_config_writes", &set_boolean_option},
    directive_entry{"env", &set_env},
    directive_entry{"failfast", nullptr, &apply_whole_line},
    directive_entry{"hbgenmethod", &set_hbgenmethod},
    directive_entry{"hopfudge", &set_hopfudge},
    directive_entry{"initdead", &set_initdead},
    directive_entry{"keepalive", &set_keepalive},
    directive_entry{"log_badpack", &set_boolean_option},
    directive_entry{"logfacility", &set_logfacility},
    directive_entry{"logfile", &set_logfile},
    directive_entry{"max_rexmit_delay", &set_positive_integer},
    directive_entry{"mcast", nullptr, &apply_media_line},
    directive_entry{"mcast6", nullptr, &apply_media_line},
    directive_entry{"memreserve", &set_positive_integer},
    directive_entry{"msgfmt", &set_msgfmt},
    directive_entry{"nice_failback", &set_nice_failback},
    directive_entry{"node", &set_node},
    directive_entry{"pacemaker", &set_pacemaker},
    directive_entry{"ping", &apply_media_token},
    directive_entry{"ping6", &apply_media_token},
    directive_entry{"ping_group", nullptr, &apply_media_line},
    directive_entry{"quorum_server", &set_text_option},
    directive_entry{"realtime", &set_boolean_option},
    directive_entry{"record_config_changes", &set_boolean_option},
    directive_entry{"record_pengine_inputs", &set_boolean_option},
    directive_entry{"respawn", nullptr, &apply_whole_line},
    directive_entry{"rtprio", &set_rtprio},
    directive_entry{"serial", &apply_media_token},
    directive_entry{"stonith", nullptr, &apply_whole_line},
    directive_entry{"stonith_host", nullptr, &apply_whole_line},
    directive_entry{"syslogmsgfmt", &set_boolean_option},
    directive_entry{"traditional_compression", &set_boolean_option},
    directive_entry{"ucast", nullptr, &apply_media_line},
    directive_entry{"ucast6", nullptr, &apply_media_line},
    directive_entry{"udpport", &set_udpport},
    directive_entry{"use_apphbd", &set_boolean_option},
    directive_entry{"use_logd", &set_use_logd},
    directive_entry{"uuidfrom", &set_uuidfrom},
    directive_entry{"warntime", &set_warntime},
    directive_entry{"watchdog", &set_watchdog},
};
// clang-format on

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::span<const directive_entry> all_directives() {
    return table;
}

const directive_entry* find_directive(std::string_view name) {
    const auto* found = std::find_if(table.begin(), table.end(),
                                     [&](const directive_entry& e) { return e.name == name; });
    return found == table.end() ? nullptr : &*found;
}

std::optional<std::string_view> closest_directive(std::string_view name) {
    if (name == "udp") {
        return std::nullopt; // handled as the bcast alias before lookup
    }
    std::optional<std::string_view> best;
    std::size_t best_distance = 3; // only suggest small typos
    for (const auto& entry : table) {
        if (values::iequals(entry.name, name)) {
            return entry.name;
        }
        const auto distance = edit_distance(entry.name, name);
        if (distance < best_distance && distance * 3 <= entry.name.size()) {
            best_distance = distance;
            best = entry.name;
        }
    }
    return best;
}

} // namespace hakit::resolve
