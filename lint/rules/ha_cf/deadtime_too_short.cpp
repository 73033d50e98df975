// deadtime must be more than twice keepalive, or Heartbeat refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA103",
    .name = "deadtime-too-short",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "deadtime is not more than twice keepalive",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 checks `deadtime > 2 * keepalive` at start-up and refuses to start otherwise
(`Dead time [..] is too small compared to keeplive [..]`, values in ms). Equality fails too.
With only two missed heartbeats allowed, one delayed packet would declare the peer dead.

## How to fix it
Raise `deadtime` (a common choice is 10 to 15 times `keepalive`), or lower `keepalive`.
Note that both take seconds unless suffixed with `ms` or `us`.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 4
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& times = folder.ir.times;
    if (times.deadtime_ms.v > 2 * times.keepalive_ms.v ||
        set_on_rejected_line(folder, times.deadtime_ms) ||
        set_on_rejected_line(folder, times.keepalive_ms)) {
        return;
    }
    out.report(meta, times.deadtime_ms.where,
               fmt::format("deadtime {} ms is not more than twice keepalive {} ms",
                           times.deadtime_ms.v, times.keepalive_ms.v),
               {time_note("keepalive", times.keepalive_ms)});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
