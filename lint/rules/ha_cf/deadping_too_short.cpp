// deadping must be more than twice keepalive, or Heartbeat refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA107",
    .name = "deadping-too-short",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "deadping is not more than twice keepalive",
    .doc = R"md(
## Why is this bad?
`deadping` is the dead time of ping nodes (`ping`, `ping6`, `ping_group`). When it is given,
Heartbeat 3.0.6 checks `deadping > 2 * keepalive` at start-up and refuses to start otherwise:
`Ping dead time [3000] is too small compared to keeplive [2000]` (values in ms; the
misspelling is Heartbeat's). Equality fails too. When it is not given it equals `deadtime`,
which HA103 already checks.

## How to fix it
Raise `deadping` (e.g. to `deadtime`), remove it, or lower `keepalive`. Both take seconds
unless suffixed with `ms` or `us`.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
deadping 4
ping 10.0.0.254
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
deadping 30
ping 10.0.0.254
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& times = folder.ir.times;
    if (!times.deadping_ms.is_explicit() || times.deadping_ms.v > 2 * times.keepalive_ms.v ||
        set_on_rejected_line(folder, times.deadping_ms) ||
        set_on_rejected_line(folder, times.keepalive_ms)) {
        return;
    }
    out.report(meta, times.deadping_ms.where,
               fmt::format("deadping {} ms is not more than twice keepalive {} ms",
                           times.deadping_ms.v, times.keepalive_ms.v),
               {time_note("keepalive", times.keepalive_ms)});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
