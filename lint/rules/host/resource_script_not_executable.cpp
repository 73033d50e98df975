// A haresources resource's script exists only without execute permission (--host,
// --resource-dir).
#include "host_support.hpp"

#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA505",
    .name = "resource-script-not-executable",
    .level = severity::error,
    .scope = rule_scope::host,
    .heartbeat_refuses = false,
    .summary = "a haresources resource's script exists but is not executable",
    .doc = R"md(
Runs with `--host` (searching `/etc/ha.d/resource.d`, then `/etc/init.d`) or with
`--resource-dir DIR` (repeatable; the directories are searched in the order given).

## Why is this bad?
ResourceManager uses the first *regular, executable* file with the script's name in
`/etc/ha.d/resource.d`, then `/etc/init.d`. A script that lost its execute bits (copied by a
configuration tool without its mode, or checked out from git) is skipped, and taking the group
fails with `ERROR: Cannot locate resource script <name>`, although the file is right there.

## How to fix it
`chmod 0755` the script (and fix the tool that deploys it to keep the mode).

The examples assume the example host of docs/on-node.md (`/etc/ha.d/resource.d/drbddisk` is
mode 0644, `/etc/ha.d/resource.d/IPaddr` is executable).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha drbddisk::r0 192.0.2.10
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 192.0.2.10
)",
};

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.resource_dirs.empty()) {
        return;
    }
    for_each_script(folder, [&](const ir::resource& resource) {
        const auto search = find_script(host, resource.script);
        if (search.found || search.not_executable.empty()) {
            return;
        }
        out.report(meta, resource.where,
                   fmt::format("resource script {} is not executable: ResourceManager skips it "
                               "and fails with \"Cannot locate resource script {}\"",
                               search.not_executable.front(), resource.script));
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
