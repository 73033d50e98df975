// No auto_failback in haresources mode: Heartbeat falls back to the deprecated legacy policy.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA118",
    .name = "auto-failback-missing",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "auto_failback is not set, so Heartbeat uses the deprecated legacy policy",
    .doc = R"md(
## Why is this bad?
`auto_failback` decides what happens when the preferred node of a resource group (its
`haresources` node) comes back: `on` moves the group back to it, `off` leaves it where it
runs. Without the directive Heartbeat 3.0.6 uses `legacy` and warns at every start:
`Deprecated 'legacy' auto_failback option selected.` In legacy mode:

- every node grabs its own groups back at once whenever it joins, as with `on`, but without
  the start-up negotiation of `on`/`off`;
- `hb_standby` and `hb_takeover` are refused (`Standby mode only implemented when
  nice_failback on`), so resources cannot be moved by hand for maintenance;
- `ipfail` exits at start (`auto_failback set to incompatible legacy option.`).

Heartbeat's own sample `ha.cf` says "make sure you put an auto_failback directive in your
ha.cf file". Only haresources mode is concerned: with `pacemaker`/`crm` on, resources are
managed by Pacemaker and this setting is not used.

## How to fix it
Say what you want: `auto_failback off` (resources stay where they run until that node fails
or an administrator moves them; the usual choice) or `auto_failback on`. The value must be the
same on all nodes.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30
node alpha beta
bcast eth1
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
node alpha beta
bcast eth1
auto_failback off
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    // Explicit includes nice_failback, which sets the policy too (HA120 explains it).
    if (config.failback.is_explicit() || config.pacemaker_enabled) {
        return;
    }
    for (const auto& directive : folder.ha_cf->directives) {
        if (directive.name.text == "auto_failback" && !directive.args.empty()) {
            return; // given, but with a value Heartbeat rejects: HA102's error
        }
    }
    out.report(meta, whole_file(folder.ha_cf->source->path()),
               "auto_failback is not set: Heartbeat uses the deprecated 'legacy' policy, which "
               "disables hb_standby and ipfail");
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
