// A directive name Heartbeat does not know: it refuses the whole file.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA101",
    .name = "unknown-directive",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "ha.cf uses a directive name Heartbeat does not know",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 looks every directive name up in its tables, **case-sensitively**, and stops
at a name it does not know: `Illegal directive [Keepalive] in /etc/ha.d//ha.cf`, then
`Heartbeat not started: configuration error.` Typos (`undport`), capitalised names, a value
written without its directive (`tim2 tim2` instead of `node tim2`) and directives of other
products all end this way. The message suggests the closest known name when there is one.

## How to fix it
Spell the directive as Heartbeat does (all names are lower case), or remove the line.
The list of directives is in `man ha.cf` and in the reference, §1.4.
)md",
    .bad = R"(== ha.cf ==
Keepalive 2
deadtime 30
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    report_problems(folder, ir::problem_kind::unknown_directive, meta, out);
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
