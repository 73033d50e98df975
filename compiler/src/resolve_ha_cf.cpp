// ha.cf → IR: defaults first, then every directive in file order through its setter (so order
// matters exactly as in Heartbeat), then the defaults init_config derives after parsing.
#include "ha_cf_state.hpp"
#include "resolve.hpp"

#include <fmt/format.h>

namespace hakit::resolve {
namespace {

template <class T> ir::value<T> default_value(T v, const std::string& path) {
    return {std::move(v), location{path, 0, 0}, ir::origin::default_value};
}

void set_plain_defaults(ir::node_config& config, const std::string& path) {
    config.cluster = default_value<std::string>("linux-ha", path);
    config.times.keepalive_ms = default_value(1000L, path);
    config.times.deadtime_ms = default_value(30000L, path);
    config.failback = default_value(ir::failback_policy::legacy, path);
    config.udpport = default_value(694, path);
    config.baud = default_value(19200, path);
    config.autojoin = default_value<std::string>("none", path);
    config.pacemaker = default_value<std::string>("false", path);
}

// init_config (reference §1.7 steps 7, 9, 10): values derived from deadtime.
void set_derived_defaults(ir::timing& times) {
    const auto derived = [&](long v) {
        return ir::value<long>{v, times.deadtime_ms.where, ir::origin::default_value};
    };
    const long deadtime = times.deadtime_ms.v;
    if (!times.initdead_ms.is_explicit()) {
        long initdead = 2 * deadtime;
        if (deadtime > 10000) {
            initdead = deadtime;
        } else if (deadtime < 6000) {
            initdead = 12000;
        }
        times.initdead_ms = derived(initdead);
    }
    if (!times.deadping_ms.is_explicit()) {
        times.deadping_ms = derived(deadtime);
    }
    if (!times.warntime_ms.is_explicit()) {
        times.warntime_ms = derived(deadtime / 2);
    }
}

void apply_directive(ha_cf_state& state, const grammar::ha_cf_directive& directive) {
    // Heartbeat rewrites the old name `udp` to `bcast` (with a warning).
    const std::string_view written = directive.name.text;
    const std::string_view name = written == "udp" ? std::string_view("bcast") : written;
    const directive_entry* entry = find_directive(name);
    if (entry == nullptr) {
        std::string message = fmt::format("unknown directive '{}'", directive.name.text);
        if (auto close = closest_directive(directive.name.text)) {
            message += fmt::format("; did you mean '{}'?", *close);
        }
        state.problem(ir::problem_kind::unknown_directive, directive.name.where,
                      std::move(message));
        return;
    }
    if (entry->whole_line != nullptr) {
        entry->whole_line(state, directive);
        return;
    }
    // Option lists: a directive without a value is silently ignored by Heartbeat.
    for (const auto& value : directive.args) {
        entry->per_token(state, directive, value);
    }
}

} // namespace

void apply_ha_cf(const grammar::ha_cf_file* file, const std::string& ha_cf_path,
                 ir::node_config& config) {
    set_plain_defaults(config, ha_cf_path);
    if (file != nullptr) {
        ha_cf_state state{config, ha_cf_path, {}, {}, {}, {}, {}, {}};
        for (const auto& directive : file->directives) {
            apply_directive(state, directive);
        }
    }
    set_derived_defaults(config.times);
}

} // namespace hakit::resolve
