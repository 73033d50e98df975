// initdead shorter than deadtime: Heartbeat refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA104",
    .name = "initdead-below-deadtime",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "initdead is smaller than deadtime",
    .doc = R"md(
## Why is this bad?
`initdead` is the dead time used while the cluster starts, when networks and peers are still
coming up; it makes no sense below the normal `deadtime`. Heartbeat 3.0.6 checks it at
start-up and refuses to start: `Initial dead time [5000] is smaller than deadtime [10000]`
(values in ms).

When `initdead` is not given, Heartbeat derives it from `deadtime` (equal to it above 10 s,
12 s below 6 s, twice `deadtime` otherwise), so only an explicit value can trip this.

## How to fix it
Raise `initdead` to at least twice `deadtime` (Heartbeat's documentation recommends that),
or remove it to get the derived default. Both take seconds unless suffixed with `ms` or `us`.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
initdead 10
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
initdead 60
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& times = folder.ir.times;
    if (times.initdead_ms.v >= times.deadtime_ms.v ||
        set_on_rejected_line(folder, times.initdead_ms) ||
        set_on_rejected_line(folder, times.deadtime_ms)) {
        return;
    }
    out.report(meta, times.initdead_ms.where,
               fmt::format("initdead {} ms is smaller than deadtime {} ms", times.initdead_ms.v,
                           times.deadtime_ms.v),
               {time_note("deadtime", times.deadtime_ms)});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
