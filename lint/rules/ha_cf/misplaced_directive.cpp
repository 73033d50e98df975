// crmd_spawns_pengine must come before pacemaker, or Heartbeat rejects it.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA111",
    .name = "misplaced-directive",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "a directive that must precede another one comes after it",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 applies directives while it reads `ha.cf`, and `pacemaker` (or `crm`) acts
at once. `crmd_spawns_pengine` changes how the Pacemaker daemons are started, so Heartbeat
insists that it comes first: `If you specify crmd_spawns_pengine, it must come before the
pacemaker directive`, and it does not start.

## How to fix it
Move the line above the `pacemaker` (or `crm`) line; the note points at it.
)md",
    .bad = R"(== ha.cf ==
pacemaker respawn
crmd_spawns_pengine on
)",
    .good = R"(== ha.cf ==
crmd_spawns_pengine on
pacemaker respawn
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    report_problems(folder, ir::problem_kind::misplaced_directive, meta, out);
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
