// auto_failback legacy in force in haresources mode: deprecated, and it disables standby and
// ipfail.
#include "failover_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA119",
    .name = "auto-failback-legacy",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "auto_failback legacy is deprecated",
    .doc = R"md(
## Why is this bad?
`auto_failback legacy` is the pre-1.2 failback behaviour, kept only for rolling upgrades of
clusters whose nodes did not all know `auto_failback`. Heartbeat 3.0.6 warns at every start
(`Deprecated 'legacy' auto_failback option selected.`, `Please convert to 'auto_failback
on'.`). In legacy mode every node grabs its own resource groups back at once whenever it
joins, `hb_standby`/`hb_takeover` are refused (`Standby mode only implemented when
nice_failback on`), and `ipfail` exits at start (`auto_failback set to incompatible legacy
option.`).

Only the value in force counts (a later `auto_failback` line wins, see HA117), and only in
haresources mode: with `pacemaker`/`crm` on, Pacemaker manages the resources.

## How to fix it
Use `auto_failback on` for the same automatic failback with working standby and ipfail, or
`auto_failback off` to leave resources where they run. Change it on all nodes together.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback legacy
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback on
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    if (config.pacemaker_enabled || !config.failback.is_explicit() ||
        config.failback.v != ir::failback_policy::legacy) {
        return;
    }
    // Only the word legacy written after auto_failback; nice_failback's legacy is HA120's.
    for (const auto& applied : applied_values(folder, {"auto_failback"})) {
        if (applied.value->where == config.failback.where) {
            out.report(meta, applied.value->where,
                       fmt::format("auto_failback {} is deprecated: resources move back at once, "
                                   "and hb_standby and ipfail do not work",
                                   applied.value->text));
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
