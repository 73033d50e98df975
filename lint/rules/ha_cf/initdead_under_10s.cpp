// initdead under 10 s: Heartbeat starts but warns that it may be too small.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

// Heartbeat's "It should be ... >= 10 seconds"; stricter or looser sites set their own.
// name, default, minimum, summary
constexpr rule_option options[] = {
    {"min-seconds", 10, 1, "the smallest initdead, in seconds, that is not reported"},
};

constexpr rule_meta meta{
    .code = "HA106",
    .name = "initdead-under-10s",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "initdead is under 10 seconds",
    .doc = R"md(
## Why is this bad?
`initdead` is the dead time used while the cluster starts, when networks are still coming
up. Heartbeat 3.0.6 starts with a shorter value but warns
`Initial dead time [4000 ms] may be too small!`, followed by
`Initial dead time accounts for slow network startup time` and
`It should be >= deadtime and >= 10 seconds`. A node that boots alone may declare its peer
dead before the link is up and take over resources the peer still holds.

## How to fix it
Set `initdead` to at least 10 seconds, and to at least twice `deadtime` (HA105).

## Options
`min-seconds` (default 10): the smallest `initdead` in seconds that is not reported, e.g.
`"rules": {"initdead-under-10s": {"min-seconds": 30}}` in `hacheck.json`.
)md",
    .bad = R"(== ha.cf ==
keepalive 1
deadtime 5
initdead 8
)",
    .good = R"(== ha.cf ==
keepalive 1
deadtime 5
initdead 15
)",
    .options = options,
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& times = folder.ir.times;
    const long initdead = times.initdead_ms.v;
    const std::int64_t minimum_seconds = out.option(meta, "min-seconds");
    if (initdead < times.deadtime_ms.v || initdead >= minimum_seconds * 1000 ||
        set_on_rejected_line(folder, times.initdead_ms)) {
        return; // below deadtime is HA104's error
    }
    // A derived default carries deadtime's location; never point at "line 0".
    const location where = or_file_start(times.initdead_ms.where, folder.ha_cf->source->path());
    const std::string message =
        times.initdead_ms.is_explicit()
            ? fmt::format("initdead {} ms is under {} seconds", initdead, minimum_seconds)
            : fmt::format("initdead defaults to {} ms, under {} seconds", initdead,
                          minimum_seconds);
    out.report(meta, where, message);
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
