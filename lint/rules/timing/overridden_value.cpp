// A single-valued ha.cf option given again (on the same line or a later one): Heartbeat applies
// each value in turn and silently keeps the last.
#include "rule_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA117",
    .name = "overridden-value",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a value in ha.cf is silently overridden by a later value of the same directive",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 splits the rest of an option line on blanks *and commas* and applies every
word as a value of its own, in order; a directive given again on a later line is applied the
same way. For options that hold one value, the last one wins without any message:
`keepalive 1 2` means `keepalive 2`, `deadtime 3,4` means `deadtime 4`, and a `deadtime 10`
near the top is lost when a `deadtime 60` follows further down. Whoever reads the first value
believes it is in force.

Values Heartbeat rejects are not counted (they are HA102's errors), nor values that mean the
same (`keepalive 2` and `keepalive 2000ms`). `udpport` given again after a `bcast` or `ucast`
line is not an override: each medium uses the port in force when its line is read. Options
that may only be given once (`watchdog`, `baud`, `pacemaker`/`crm`) are HA110's errors, and
options that add something (`node`, media, `respawn`, `env`) are never overridden.

## How to fix it
Keep one line with one value for each option, and delete the others.
)md",
    .bad = R"(== ha.cf ==
keepalive 1 2
deadtime 30
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
)",
};

enum class value_kind { time, boolean, failback, integer, caseless, text };

struct option_kind {
    std::string_view name;
    value_kind kind;
};

// Heartbeat 3.0.6's option-list directives that hold one value, last one wins (reference §1.4).
constexpr std::array<option_kind, 37> single_value_options{{
    {"auto_failback", value_kind::failback},
    {"autojoin", value_kind::caseless},
    {"cluster", value_kind::text},
    {"compression", value_kind::text},
    {"compression_threshold", value_kind::integer},
    {"conn_logd_time", value_kind::time},
    {"coredumps", value_kind::boolean},
    {"coreroot", value_kind::text},
    {"crm_daemon_dir", value_kind::text},
    {"crmd_spawns_pengine", value_kind::boolean},
    {"deadping", value_kind::time},
    {"deadtime", value_kind::time},
    {"debug", value_kind::integer},
    {"debugfile", value_kind::text},
    {"enable_config_writes", value_kind::boolean},
    {"hbgenmethod", value_kind::text},
    {"hopfudge", value_kind::integer},
    {"initdead", value_kind::time},
    {"keepalive", value_kind::time},
    {"log_badpack", value_kind::boolean},
    {"logfacility", value_kind::text},
    {"logfile", value_kind::text},
    {"max_rexmit_delay", value_kind::integer},
    {"memreserve", value_kind::integer},
    {"msgfmt", value_kind::text},
    {"quorum_server", value_kind::text},
    {"realtime", value_kind::boolean},
    {"record_config_changes", value_kind::boolean},
    {"record_pengine_inputs", value_kind::boolean},
    {"rtprio", value_kind::integer},
    {"syslogmsgfmt", value_kind::boolean},
    {"traditional_compression", value_kind::boolean},
    {"udpport", value_kind::integer},
    {"use_apphbd", value_kind::boolean},
    {"use_logd", value_kind::boolean},
    {"uuidfrom", value_kind::text},
    {"warntime", value_kind::time},
}};

std::optional<value_kind> kind_of(std::string_view directive) {
    const auto found =
        std::find_if(single_value_options.begin(), single_value_options.end(),
                     [&](const option_kind& option) { return option.name == directive; });
    if (found == single_value_options.end()) {
        return std::nullopt;
    }
    return found->kind;
}

// What a value means to Heartbeat, so that "2" and "2000ms", or "on" and "yes", compare equal.
std::string meaning(value_kind kind, std::string_view text) {
    switch (kind) {
    case value_kind::time:
        if (const auto ms = values::parse_msec(text)) {
            return std::to_string(*ms);
        }
        break;
    case value_kind::failback:
        if (values::iequals(text, "legacy")) {
            return "legacy";
        }
        [[fallthrough]];
    case value_kind::boolean:
        if (const auto flag = values::parse_boolean(text)) {
            return *flag ? "true" : "false";
        }
        break;
    case value_kind::integer:
        return std::to_string(values::c_atoi(text));
    case value_kind::caseless:
        return values::to_lower_ascii(text);
    case value_kind::text:
        break;
    }
    return std::string(text);
}

// Media lines that read udpport when Heartbeat parses them (mcast has its own port).
bool uses_udpport(std::string_view directive) {
    return directive == "bcast" || directive == "udp" || directive == "ucast" ||
           directive == "ucast6";
}

// Values applied since the meaning last changed; all of them are lost when it changes.
struct applied_values {
    std::string meaning;
    std::vector<const grammar::token*> values;
};

void report_override(const grammar::token& earlier, const grammar::token& later,
                     std::string_view directive, sink& out) {
    const std::string where = earlier.where.line == later.where.line
                                  ? std::string("on the same line")
                                  : fmt::format("on line {}", later.where.line);
    out.report(meta, earlier.where,
               fmt::format("{} {} is overridden by {} {}: Heartbeat applies every value in turn "
                           "and keeps the last",
                           directive, earlier.text, later.text, where),
               {{later.where, fmt::format("{} {} is the value in force", directive, later.text)}});
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    std::map<std::string, applied_values, std::less<>> applied;
    for (const auto& directive : folder.ha_cf->directives) {
        const std::string& name = directive.name.text;
        if (uses_udpport(name)) {
            applied.erase("udpport"); // the port in force so far was used by this medium
            continue;
        }
        const auto kind = kind_of(name);
        if (!kind) {
            continue;
        }
        for (const auto& value : directive.args) {
            if (rejected_at(folder, value.where)) {
                continue; // never applied: HA102 or HA110 reports it
            }
            std::string now = meaning(*kind, value.text);
            auto& so_far = applied[name];
            if (!so_far.values.empty() && so_far.meaning != now) {
                for (const auto* earlier : so_far.values) {
                    report_override(*earlier, value, name, out);
                }
                so_far.values.clear();
            }
            so_far.meaning = std::move(now);
            so_far.values.push_back(&value);
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
