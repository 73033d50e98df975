// ipfail exits at once with code 100 (so it is never respawned) under auto_failback legacy or
// when pacemaker manages the resources.
#include "failover_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA125",
    .name = "ipfail-exits-at-start",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "ipfail is respawned where it exits at start: auto_failback legacy or pacemaker",
    .doc = R"md(
## Why is this bad?
`ipfail` checks two things when it starts and exits with code 100 if either fails. Heartbeat
does not respawn a client that exits with 100, so ipfail is simply gone, and the cluster
runs without the connectivity failover the configuration promises:

- `auto_failback` must be `on` or `off`. ipfail reads the value written in `ha.cf` and logs
  `auto_failback set to incompatible legacy option.` for `legacy`, which is also the value
  when the directive is missing (a `nice_failback` line does not change what ipfail reads).
  Measured on 3.0.6: `Managed /usr/libexec/heartbeat/ipfail process 24 exited with return
  code 100.`
- Heartbeat must manage the resources itself (haresources mode). With `pacemaker`/`crm` on,
  ipfail logs `No managed resources` and exits; Pacemaker's ping agent does its job there.

## How to fix it
In haresources mode, set `auto_failback on` or `auto_failback off`. With pacemaker, remove
the `respawn ... ipfail` line and use an `ocf:pacemaker:ping` clone with location rules
instead.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
ping 192.168.1.1
respawn hacluster /usr/lib/heartbeat/ipfail
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback on
ping 192.168.1.1
respawn hacluster /usr/lib/heartbeat/ipfail
)",
};

constexpr std::string_view exits = "ipfail exits at start with code 100, and Heartbeat does not "
                                   "respawn it";

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    std::string reason;
    std::vector<note> notes;
    if (config.pacemaker_enabled) {
        reason = "pacemaker is enabled, so Heartbeat manages no resources";
        notes.push_back({config.pacemaker.where, "pacemaker enabled here"});
    } else {
        // ipfail reads the auto_failback value as written (the last one applied), or the default.
        const auto written = applied_values(folder, {"auto_failback"});
        if (written.empty()) {
            reason = "auto_failback is not set, and ipfail refuses its default, legacy";
        } else if (values::iequals(written.back().value->text, "legacy")) {
            reason = "ipfail refuses auto_failback legacy";
            notes.push_back({written.back().value->where, "auto_failback legacy set here"});
        } else {
            return;
        }
    }
    for (const auto& child : config.children) {
        if (runs_ipfail(child)) {
            out.report(meta, child.where, fmt::format("{}: {}", exits, reason), notes);
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
