// A haresources resource has no script in resource.d or init.d (--host, --resource-dir).
#include "host_support.hpp"

#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA504",
    .name = "resource-script-not-found",
    .level = severity::error,
    .scope = rule_scope::host,
    .heartbeat_refuses = false,
    .summary = "a haresources resource has no script in resource.d or init.d",
    .doc = R"md(
Runs with `--host` (searching `/etc/ha.d/resource.d`, then `/etc/init.d`) or with
`--resource-dir DIR` (repeatable; the directories are searched in the order given).

## Why is this bad?
Heartbeat itself does not look at resources when it starts. When a node takes the group,
ResourceManager looks for the script (the part before the first `::`; a bare IP address means
`IPaddr`) in `$HA_RESOURCEDIR` (`/etc/ha.d/resource.d`), then in `$INITDIR` (`/etc/init.d`),
and fails with `ERROR: Cannot locate resource script <name>`: the group stays half started
on the node that should run it. Script names are case-sensitive (`ipaddr` is not `IPaddr`).

## How to fix it
Install the package that ships the script (`IPaddr`, `Filesystem`... come with heartbeat's
resource agents), fix the spelling, or put your own script into `/etc/ha.d/resource.d`.

The examples assume the example host of docs/on-node.md (`/etc/ha.d/resource.d/IPaddr` and
`/etc/init.d/apache2` are executable).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 192.0.2.10 httpd
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 192.0.2.10 apache2
)",
};

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.resource_dirs.empty()) {
        return;
    }
    for_each_script(folder, [&](const ir::resource& resource) {
        const auto search = find_script(host, resource.script);
        if (search.found || !search.not_executable.empty()) {
            return; // found, or HA505 explains why it is not used
        }
        out.report(meta, resource.where,
                   fmt::format("resource script {} is not in {}: ResourceManager fails with "
                               "\"Cannot locate resource script {}\"{}",
                               resource.script, fmt::join(host.resource_dirs, " or "),
                               resource.script,
                               resource.bare_ip ? " (a bare IP address means IPaddr)" : ""));
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
