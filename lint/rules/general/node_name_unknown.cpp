// Without the local node's name, the checks that compare it with ha.cf cannot run.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA003",
    .name = "node-name-unknown",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "the local node name is unknown, so checks that need it are skipped",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 names the local node by `uname -n`, or by the first line of
`/etc/ha.d/nodeinfo` when that file exists, and refuses to start when that name is not
declared with a `node` line (`Current node [x] not in configuration!`). A copied node folder
does not carry the host name, so hakit cannot check this unless it is told the name. This is
only information: nothing is wrong with the files themselves.

## How to fix it
Give the node name with `--node NAME` (per folder), or put a `nodeinfo` file beside `ha.cf`
whose first line is the node name, exactly as `uname -n` prints it on that node.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
== nodeinfo ==
alpha
)",
};

void check(const node_folder& folder, sink& out) {
    if (folder.single_file || !folder.ha_cf || folder.ir.local_name) {
        return;
    }
    out.report(meta, whole_file(folder.ha_cf->source->path()),
               "the local node name is unknown (no nodeinfo file, no --node): checks that "
               "need it are skipped");
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
