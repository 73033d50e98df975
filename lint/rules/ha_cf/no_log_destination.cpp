// use_logd off with nowhere else to log: Heartbeat refuses to start.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA112",
    .name = "no-log-destination",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "use_logd is off and no logfile, debugfile or logfacility is set",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 checks its logging set-up at start-up. When `ha.cf` has no `logfile`, no
`debugfile` and no `logfacility` (or `logfacility none`), it falls back to the logging
daemon; if `use_logd` is explicitly off as well, nothing would ever be logged and it refuses
to start: `No log entry found in ha.cf and use_logd is set to off`.

`logfacility kern` counts as no facility: Heartbeat compares the facility's number with 0,
and `kern` is number 0 like `none` (measured on 3.0.6: refused the same way).

## How to fix it
Give a destination, e.g. `logfacility local0` (syslog) or `logfile /var/log/ha-log`, or
remove `use_logd off` so that Heartbeat uses the logging daemon.
)md",
    .bad = R"(== ha.cf ==
use_logd off
keepalive 2
)",
    .good = R"(== ha.cf ==
use_logd off
logfacility local0
keepalive 2
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& log = folder.ir.log;
    if (!log.use_logd || !log.use_logd->is_explicit() || log.use_logd->v) {
        return;
    }
    if (log.logfile || log.debugfile) {
        return;
    }
    std::vector<note> notes;
    if (log.logfacility) {
        // Heartbeat tests the facility's number: none and kern are both 0, "no syslog".
        if (log.logfacility->v != "none" && log.logfacility->v != "kern") {
            return;
        }
        notes.push_back(
            {log.logfacility->where,
             fmt::format("logfacility {} means no syslog to Heartbeat", log.logfacility->v)});
    }
    out.report(meta, log.use_logd->where,
               "use_logd is off and no logfile, debugfile or logfacility is set: nothing "
               "would be logged",
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
