// warntime at or above deadtime: the late-heartbeat warning can never come before the death.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA115",
    .name = "warntime-not-below-deadtime",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "warntime is not below deadtime",
    .doc = R"md(
## Why is this bad?
`warntime` is Heartbeat's early warning: when a node's heartbeats are more than `warntime`
apart, Heartbeat logs `Late heartbeat: Node X: interval N ms`, which is how `deadtime` is meant
to be tuned (Heartbeat's FAQ). A node whose heartbeats are more than `deadtime` apart is
declared dead. With `warntime` equal to or above `deadtime`, no late heartbeat is ever logged
before the node is declared dead and its resources are taken over: the warning is useless.

Heartbeat 3.0.6 does not compare the two and starts anyway. When `warntime` is not given it
is half of `deadtime`.

## How to fix it
Set `warntime` well below `deadtime` and above `keepalive`, e.g. `keepalive 2`,
`warntime 10`, `deadtime 30`, or remove it to get half of `deadtime`.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 10
warntime 10
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 10
warntime 5
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& times = folder.ir.times;
    if (!times.warntime_ms.is_explicit() || times.warntime_ms.v < times.deadtime_ms.v) {
        return; // the default, deadtime / 2, is always below deadtime
    }
    if (set_on_rejected_line(folder, times.warntime_ms) ||
        set_on_rejected_line(folder, times.deadtime_ms)) {
        return;
    }
    out.report(meta, times.warntime_ms.where,
               fmt::format("warntime {} ms is not below deadtime {} ms: no late heartbeat is "
                           "logged before a node is declared dead",
                           times.warntime_ms.v, times.deadtime_ms.v),
               {time_note("deadtime", times.deadtime_ms)});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
