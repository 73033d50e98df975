// warntime at or below keepalive: heartbeats sent on time are logged as late.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA116",
    .name = "warntime-not-above-keepalive",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "warntime is not above keepalive",
    .doc = R"md(
## Why is this bad?
Every node sends a heartbeat each `keepalive`, and Heartbeat logs
`WARN: Late heartbeat: Node X: interval N ms` for every heartbeat that comes more than
`warntime` after the previous one. With `warntime` below `keepalive`, every heartbeat is late
(measured on 3.0.6 with `keepalive 2` and `warntime 1`: one warning every two seconds); with
`warntime` equal to `keepalive`, the smallest delay makes one late. The log fills with
warnings that mean nothing, and the real early warnings drown in them.

Heartbeat 3.0.6 does not compare the two and starts anyway. When `warntime` is not given it
is half of `deadtime`, which is above `keepalive` whenever `deadtime` is more than twice
`keepalive` (HA103), except by a millisecond of rounding.

## How to fix it
Set `warntime` well above `keepalive` and below `deadtime`, e.g. `keepalive 2`,
`warntime 10`, `deadtime 30`. All three take seconds unless suffixed with `ms` or `us`.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
warntime 2
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
warntime 10
)",
};

std::string what_is_late(long warntime, long keepalive) {
    return warntime < keepalive ? "every heartbeat is logged as late"
                                : "the slightest delay logs a late heartbeat";
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& times = folder.ir.times;
    const long warntime = times.warntime_ms.v;
    const long keepalive = times.keepalive_ms.v;
    if (warntime > keepalive || set_on_rejected_line(folder, times.warntime_ms) ||
        set_on_rejected_line(folder, times.keepalive_ms)) {
        return;
    }
    if (times.warntime_ms.is_explicit()) {
        out.report(meta, times.warntime_ms.where,
                   fmt::format("warntime {} ms is not above keepalive {} ms: {}", warntime,
                               keepalive, what_is_late(warntime, keepalive)),
                   {time_note("keepalive", times.keepalive_ms)});
        return;
    }
    if (times.deadtime_ms.v <= 2 * keepalive || set_on_rejected_line(folder, times.deadtime_ms)) {
        return; // deadtime itself is too short: HA103's error says what to change
    }
    // The default, deadtime / 2 rounded down, is located at deadtime.
    out.report(meta, or_file_start(times.deadtime_ms.where, folder.ha_cf->source->path()),
               fmt::format("warntime defaults to half of deadtime, {} ms, which is not above "
                           "keepalive {} ms: {}",
                           warntime, keepalive, what_is_late(warntime, keepalive)),
               {time_note("keepalive", times.keepalive_ms)});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
