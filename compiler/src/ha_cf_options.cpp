// Setters for ha.cf option-list directives (class A): each token is applied on its own, in
// order, so the last valid token wins (reference §1.1, §1.4).
#include "ha_cf_options.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <array>

namespace hakit::resolve {
namespace {

using grammar::ha_cf_directive;
using grammar::token;

std::string time_hint(std::string_view text) {
    static constexpr std::array<std::string_view, 8> lone_units{"ms", "msec", "us",  "usec",
                                                                "s",  "sec",  "min", "m"};
    for (auto unit : lone_units) {
        if (values::iequals(text, unit)) {
            return fmt::format("'{}' is read as a value of its own (ha.cf splits values on "
                               "blanks and commas): write the unit right after the number, "
                               "e.g. 1000ms",
                               text);
        }
    }
    return fmt::format("'{}' is not a time Heartbeat accepts: write seconds as a bare number "
                       "(2, 0.5) or add 'ms' or 'us' (2000ms); 's', 'sec' and 'min' are errors",
                       text);
}

std::optional<long> time_value(ha_cf_state& state, const ha_cf_directive& directive,
                               const token& value, bool zero_allowed) {
    const auto ms = values::parse_msec(value.text);
    if (!ms) {
        state.invalid(value, fmt::format("{}: {}", directive.name.text, time_hint(value.text)));
        return std::nullopt;
    }
    if (*ms < 0 || (*ms == 0 && !zero_allowed)) {
        state.invalid(value, fmt::format("{} must be more than 0", directive.name.text));
        return std::nullopt;
    }
    return ms;
}

} // namespace

void set_time(ha_cf_state& state, const ha_cf_directive& directive, const token& value,
              ir::value<long>& target, bool zero_allowed) {
    if (auto ms = time_value(state, directive, value, zero_allowed)) {
        target = state.explicit_value(*ms, value);
    }
}

void set_keepalive(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    set_time(state, d, v, state.config.times.keepalive_ms, false);
}
void set_deadtime(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    set_time(state, d, v, state.config.times.deadtime_ms, true);
}
void set_warntime(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    set_time(state, d, v, state.config.times.warntime_ms, false);
}
void set_initdead(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    set_time(state, d, v, state.config.times.initdead_ms, true);
}
void set_deadping(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    set_time(state, d, v, state.config.times.deadping_ms, true);
}
void set_positive_time_option(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    if (time_value(state, d, v, false)) {
        state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
    }
}

void set_node(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    if (v.text.size() > 100) {
        state.invalid(v, "node names are at most 100 bytes (Heartbeat's HOSTLENG)");
        return;
    }
    state.config.nodes.push_back({values::to_lower_ascii(v.text), v.text, v.where});
}

void set_cluster(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    state.config.cluster = state.explicit_value(v.text, v);
}

void set_udpport(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    const long port = values::c_atoi(v.text);
    if (port <= 0 || port > 65535) {
        state.invalid(v, fmt::format("udpport '{}' is not a port number (1..65535)", v.text));
        return;
    }
    state.config.udpport = state.explicit_value(static_cast<int>(port), v);
}

void set_baud(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    if (state.baud_at) {
        state.problem(ir::problem_kind::repeated_directive, v.where,
                      "baud is given twice (Heartbeat: \"Baudrate multiply specified.\")",
                      {{*state.baud_at, "first baud here"}});
        return;
    }
    const long rate = values::c_atoi(v.text);
    if (!values::is_integer(v.text) || !values::is_valid_baud(rate)) {
        state.invalid(v, fmt::format("baud '{}' is not one of 9600, 19200, 38400, 57600, "
                                     "115200, 230400, 460800",
                                     v.text));
        return;
    }
    state.baud_at = v.where;
    state.config.baud = state.explicit_value(static_cast<int>(rate), v);
}

void set_integer_option(ha_cf_state& state, const ha_cf_directive& d, const token& v, long low,
                        long high) {
    // Heartbeat reads these with atoi(): "12x" is 12 and "x" is 0.
    const long number = values::c_atoi(v.text);
    if (number < low || number > high) {
        state.invalid(
            v, fmt::format("{} '{}' is out of range {}..{}", d.name.text, v.text, low, high));
        return;
    }
    state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
}
void set_hopfudge(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_integer_option(s, d, v, 0, 255);
}
void set_debug(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_integer_option(s, d, v, 0, 255);
}
void set_rtprio(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_integer_option(s, d, v, 1, 99);
}
void set_positive_integer(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_integer_option(s, d, v, 1, 2147483647L);
}

void set_boolean_option(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    if (!values::parse_boolean(v.text)) {
        state.invalid(v, fmt::format("{} '{}' is not a boolean (on/off, yes/no, true/false, "
                                     "y/n, 1/0)",
                                     d.name.text, v.text));
        return;
    }
    state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
}

void set_use_logd(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    const auto flag = values::parse_boolean(v.text);
    if (!flag) {
        set_boolean_option(state, d, v); // reports it
        return;
    }
    state.config.log.use_logd = state.explicit_value(*flag, v);
}

void set_logfacility(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    if (!values::is_syslog_facility(v.text)) {
        state.invalid(v, fmt::format("logfacility '{}' is not a syslog facility (names are "
                                     "lower case: daemon, local0..local7, ..., or none)",
                                     v.text));
        return;
    }
    state.config.log.logfacility = state.explicit_value(v.text, v);
}
void set_logfile(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    state.config.log.logfile = state.explicit_value(v.text, v);
}
void set_debugfile(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    state.config.log.debugfile = state.explicit_value(v.text, v);
}

void set_watchdog(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    if (state.watchdog_at) {
        state.problem(ir::problem_kind::repeated_directive, v.where,
                      "watchdog is given twice (Heartbeat: \"Watchdog device multiply "
                      "specified.\")",
                      {{*state.watchdog_at, "first watchdog here"}});
        return;
    }
    state.watchdog_at = v.where;
    state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
}

void set_auto_failback(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    if (values::iequals(v.text, "legacy")) {
        state.config.failback = state.explicit_value(ir::failback_policy::legacy, v);
        state.failback_at.reset();
        return;
    }
    const auto flag = values::parse_boolean(v.text);
    if (!flag) {
        state.invalid(v, fmt::format("auto_failback '{}' is not on, off or legacy", v.text));
        return;
    }
    state.config.failback =
        state.explicit_value(*flag ? ir::failback_policy::on : ir::failback_policy::off, v);
    state.failback_at = v.where;
}

void set_nice_failback(ha_cf_state& state, const ha_cf_directive&, const token& v) {
    if (!values::parse_boolean(v.text)) {
        state.invalid(v, fmt::format("nice_failback '{}' is not a boolean", v.text));
        return;
    }
    state.config.nice_failback_given = true;
    // Heartbeat's setter looks at the current policy, not at the value (reference §1.4):
    // after an explicit auto_failback on/off it turns failback off, before it, legacy.
    const auto policy = state.failback_at ? ir::failback_policy::off : ir::failback_policy::legacy;
    state.config.failback = state.explicit_value(policy, v);
}

void set_choice(ha_cf_state& state, const ha_cf_directive& d, const token& v,
                std::initializer_list<std::string_view> choices, bool case_sensitive) {
    for (auto choice : choices) {
        if (case_sensitive ? v.text == choice : values::iequals(v.text, choice)) {
            state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
            return;
        }
    }
    state.invalid(v,
                  fmt::format("{} '{}' is not one of: {}{}", d.name.text, v.text,
                              fmt::join(choices, ", "), case_sensitive ? " (case-sensitive)" : ""));
}
void set_hbgenmethod(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_choice(s, d, v, {"file", "time"}, true);
}
void set_msgfmt(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_choice(s, d, v, {"classic", "netstring"}, true);
}
void set_uuidfrom(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    set_choice(s, d, v, {"file", "nodename"}, true);
}
void set_compression(ha_cf_state& s, const ha_cf_directive& d, const token& v) {
    // The compression plugins Debian's heartbeat ships.
    set_choice(s, d, v, {"zlib", "bz2"}, true);
}
void set_autojoin(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    for (std::string_view choice : {"none", "other", "any"}) {
        if (values::iequals(v.text, choice)) {
            state.config.autojoin = state.explicit_value(std::string(choice), v);
            return;
        }
    }
    state.invalid(v, fmt::format("{} '{}' is not none, other or any", d.name.text, v.text));
}

void set_pacemaker(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    if (state.pacemaker_at) {
        state.problem(ir::problem_kind::repeated_directive, v.where,
                      "pacemaker/crm is given twice (Heartbeat: \"pacemaker/crm directive used "
                      "multiple times!\")",
                      {{*state.pacemaker_at, "first given here"}});
        return;
    }
    std::optional<bool> enabled = values::parse_boolean(v.text);
    for (std::string_view mode : {"respawn", "minimal", "manual", "ccm-only", "valgrind"}) {
        if (values::iequals(v.text, mode)) {
            enabled = true;
        }
    }
    if (!enabled) {
        state.invalid(v, fmt::format("{} '{}' is not a boolean, respawn, minimal, manual, "
                                     "ccm-only or valgrind",
                                     d.name.text, v.text));
        return;
    }
    state.pacemaker_at = v.where;
    state.config.pacemaker = state.explicit_value(values::to_lower_ascii(v.text), v);
    state.config.pacemaker_enabled = *enabled;
}

void set_crmd_spawns_pengine(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    if (state.pacemaker_at) {
        state.problem(ir::problem_kind::misplaced_directive, d.name.where,
                      "crmd_spawns_pengine must come before pacemaker/crm",
                      {{*state.pacemaker_at, "pacemaker/crm given here"}});
        return;
    }
    set_boolean_option(state, d, v);
}

void set_crm_daemon_dir(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    // Heartbeat 3.0.6 inverted this check: it rejects the directive unless pacemaker came first.
    if (!state.pacemaker_at) {
        state.invalid(v, "Heartbeat 3.0.6 rejects crm_daemon_dir unless it comes after "
                         "pacemaker/crm (its order check is inverted)");
        return;
    }
    state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
}

void set_env(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    const auto equals = v.text.find('=');
    if (equals == std::string::npos || equals == 0) {
        state.invalid(v, fmt::format("env '{}' is not NAME=value", v.text));
        return;
    }
    state.config.other_options[d.name.text + ":" + v.text.substr(0, equals)] =
        state.explicit_value(v.text.substr(equals + 1), v);
}

void set_text_option(ha_cf_state& state, const ha_cf_directive& d, const token& v) {
    state.config.other_options[d.name.text] = state.explicit_value(v.text, v);
}

} // namespace hakit::resolve
