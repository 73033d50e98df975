// pacemaker/crm on while a haresources file is present: Heartbeat ignores the file.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA124",
    .name = "haresources-ignored-with-pacemaker",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "pacemaker/crm is on while a haresources file is present: it is ignored",
    .doc = R"md(
## Why is this bad?
With `pacemaker` (or its alias `crm`) set to `on`, `yes`, `respawn` or another enabling
value, Heartbeat 3.0.6 hands resource management to Pacemaker and does not read
`haresources` at all. It only warns: `File /etc/ha.d//haresources exists.` and
`This file is not used because pacemaker is enabled`. The resource groups written there are
never started: they have to be defined in the Pacemaker CIB instead (`crm configure`,
`pcs`). Keeping the file misleads whoever reads the node's configuration, and enabling
pacemaker on a working v1 cluster silently drops its resources.

(`autojoin` with haresources is a different problem: HA113.)

## How to fix it
Either turn pacemaker off (`pacemaker off`, or remove the line) to keep the haresources
resource manager, or define the resources in Pacemaker and remove or rename `haresources`.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
crm respawn
== haresources ==
alpha 10.0.0.10 httpd
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
crm respawn
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf || !folder.haresources || !folder.ir.pacemaker_enabled) {
        return;
    }
    const auto& groups = folder.ir.groups;
    const std::string& path = folder.haresources->source->path();
    const std::string what = groups.empty()
                                 ? std::string("haresources")
                                 : fmt::format("haresources and its {} resource group{}",
                                               groups.size(), groups.size() == 1 ? "" : "s");
    out.report(meta, folder.ir.pacemaker.where,
               fmt::format("pacemaker is enabled ('{}'), so Heartbeat ignores {}",
                           folder.ir.pacemaker.v, what),
               {{groups.empty() ? whole_file(path) : groups.front().where,
                 "not used while pacemaker is enabled"}});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
