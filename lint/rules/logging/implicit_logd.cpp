// No log destination in ha.cf and use_logd not set: Heartbeat silently logs through the logging
// daemon only, and drops its messages while that daemon is not running.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA127",
    .name = "implicit-logd",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "ha.cf names no log destination, so Heartbeat logs only through the logging daemon",
    .doc = R"md(
## Why is this bad?
When `ha.cf` has no `logfile`, no `debugfile` and no `logfacility` (or `logfacility none` or
`kern`, which Heartbeat treats as no syslog), and `use_logd` is not set, Heartbeat 3.0.6
turns the logging daemon on by itself (`info: No log entry found in ha.cf -- use logd`). Every
message then goes to `ha_logd` only. The daemon belongs to cluster-glue and is a service of
its own: when it is not running, Heartbeat has nowhere else to write, and its messages,
including the ones that explain a failover, are dropped. Nothing in `ha.cf` tells the reader
where the log is.

(With `use_logd off` as well, Heartbeat refuses to start: HA112.)

## How to fix it
Name a destination: `logfacility daemon` (or `local0`..`local7`) for syslog, and/or
`logfile /var/log/ha-log`. To use the logging daemon on purpose, write `use_logd on` and make
sure the `logd` service is enabled.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
logfacility local0
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& log = folder.ir.log;
    if (log.use_logd || log.logfile || log.debugfile) {
        return; // use_logd off with no destination is HA112's error
    }
    for (const auto& directive : folder.ha_cf->directives) {
        if (directive.name.text == "use_logd" && !directive.args.empty()) {
            return; // given, but with a value Heartbeat rejects: HA102's error
        }
    }
    std::vector<note> notes;
    if (log.logfacility) {
        if (log.logfacility->v != "none" && log.logfacility->v != "kern") {
            return;
        }
        notes.push_back(
            {log.logfacility->where,
             fmt::format("logfacility {} means no syslog to Heartbeat", log.logfacility->v)});
    }
    out.report(meta, whole_file(folder.ha_cf->source->path()),
               "no logfile, debugfile or logfacility is set: Heartbeat logs only through the "
               "logging daemon, and its messages are lost while that daemon is not running",
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
