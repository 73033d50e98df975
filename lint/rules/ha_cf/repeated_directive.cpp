// watchdog, baud, pacemaker/crm and apiauth for one client may be given only once.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA110",
    .name = "repeated-directive",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "watchdog, baud, pacemaker/crm or apiauth for a client is given more than once",
    .doc = R"md(
## Why is this bad?
Most `ha.cf` directives may be repeated (the last value wins), but a few refuse a second
value and make Heartbeat 3.0.6 stop with a configuration error:

- `watchdog`: `Watchdog device multiply specified.`
- `baud`: `Baudrate multiply specified.`
- `pacemaker` and its alias `crm`: `pacemaker/crm directive used multiple times!`
- `apiauth` for a client that already has one: `Duplicate apiauth directive for API client
  foo: [...]`

Several values on one line count too (`baud 19200 38400` sets it twice).

## How to fix it
Keep a single line with a single value; the note points at the first one.
)md",
    .bad = R"(== ha.cf ==
watchdog /dev/watchdog
keepalive 2
watchdog /dev/watchdog
)",
    .good = R"(== ha.cf ==
watchdog /dev/watchdog
keepalive 2
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    report_problems(folder, ir::problem_kind::repeated_directive, meta, out);
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
