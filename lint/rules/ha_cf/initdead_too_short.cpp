// initdead below twice deadtime: accepted, but shorter than Heartbeat's docs recommend.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA105",
    .name = "initdead-too-short",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "initdead is less than twice deadtime",
    .doc = R"md(
## Why is this bad?
`initdead` is the dead time used while the cluster starts. Switches, bonding and spanning
tree often take a while to pass traffic after boot, and a node that hears nobody within
`initdead` declares its peer dead and takes over the resources: both nodes may then run them.
Heartbeat's documentation (`doc/ha.cf`) asks for at least twice `deadtime`. Heartbeat 3.0.6
itself only refuses values below `deadtime` (see HA104).

When `initdead` is not given and `deadtime` is above 10 s (the default `deadtime` is 30 s),
Heartbeat sets `initdead` equal to `deadtime`, which is below the recommendation too.

## How to fix it
Set `initdead` explicitly to at least twice `deadtime`, e.g. `deadtime 30` with
`initdead 60` (seconds unless suffixed with `ms` or `us`).
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
initdead 40
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
    const long initdead = times.initdead_ms.v;
    const long deadtime = times.deadtime_ms.v;
    if (initdead < deadtime || initdead >= 2 * deadtime) {
        return; // below deadtime is HA104's error
    }
    if (set_on_rejected_line(folder, times.initdead_ms) ||
        set_on_rejected_line(folder, times.deadtime_ms)) {
        return;
    }
    if (!times.initdead_ms.is_explicit() && !times.deadtime_ms.is_explicit()) {
        return; // the file says nothing about timing: Heartbeat's own defaults apply
    }
    if (!times.initdead_ms.is_explicit()) {
        // A derived default: initdead's location is deadtime's.
        const std::string what =
            initdead == deadtime ? fmt::format("initdead defaults to deadtime ({} ms)", deadtime)
                                 : fmt::format("initdead defaults to {} ms", initdead);
        out.report(meta, or_file_start(times.deadtime_ms.where, folder.ha_cf->source->path()),
                   fmt::format("{}, less than twice deadtime ({} ms)", what, 2 * deadtime));
        return;
    }
    out.report(meta, times.initdead_ms.where,
               fmt::format("initdead {} ms is less than twice deadtime {} ms", initdead, deadtime),
               {time_note("deadtime", times.deadtime_ms)});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
