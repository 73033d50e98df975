// use_logd on together with logfile/debugfile/logfacility: Heartbeat sends its log to the logging
// daemon and uses those only while the daemon cannot be reached.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA126",
    .name = "log-destination-with-logd",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "use_logd is on, so logfile, debugfile and logfacility in ha.cf are not used",
    .doc = R"md(
## Why is this bad?
With `use_logd on`, Heartbeat 3.0.6 hands every log message to the logging daemon
(`ha_logd`), and where the messages end up is decided by the daemon's own configuration
(`/etc/logd.cf`), not by `ha.cf`. The `logfile`, `debugfile` and `logfacility` lines
of `ha.cf` are used only while the daemon cannot be reached. Heartbeat warns about it at every
start: `logd is enabled but logfile/debugfile/logfacility is still configured in ha.cf`.
Whoever reads `ha.cf` looks for the log in the wrong place.

`logfacility none` and `logfacility kern` are not counted: to Heartbeat both mean "no
syslog".

## How to fix it
Choose one: keep `use_logd on` and move the destinations to the logging daemon's own
configuration, or set `use_logd off` (or remove it) and keep them in `ha.cf`.
)md",
    .bad = R"(== ha.cf ==
use_logd on
logfile /var/log/ha-log
)",
    .good = R"(== ha.cf ==
use_logd off
logfile /var/log/ha-log
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& log = folder.ir.log;
    if (!log.use_logd || !log.use_logd->v) {
        return;
    }
    std::vector<std::string> names;
    std::vector<note> notes;
    const auto add = [&](const std::optional<ir::value<std::string>>& setting,
                         std::string_view name) {
        if (setting) {
            names.emplace_back(name);
            notes.push_back({setting->where, fmt::format("{} set here", name)});
        }
    };
    add(log.logfile, "logfile");
    add(log.debugfile, "debugfile");
    // Heartbeat counts a facility only when its number is above 0: not none, not kern.
    if (log.logfacility && log.logfacility->v != "none" && log.logfacility->v != "kern") {
        add(log.logfacility, "logfacility");
    }
    if (names.empty()) {
        return;
    }
    std::string listed = names.back();
    if (names.size() > 1) {
        names.pop_back();
        listed = fmt::format("{} and {}", fmt::join(names, ", "), listed);
    }
    out.report(meta, log.use_logd->where,
               fmt::format("use_logd is on, so Heartbeat logs through the logging daemon and uses "
                           "{} only while the daemon cannot be reached",
                           listed),
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
