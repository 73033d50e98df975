// A value Heartbeat's setter (or authkeys parser) rejects: it refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA102",
    .name = "invalid-value",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "a directive in ha.cf or a line in authkeys has a value Heartbeat rejects",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 applies each value as it reads it, and one rejected value stops the start-up
with `Heartbeat not started: configuration error.` Often nothing more specific is logged.
Common cases:

- times with a unit Heartbeat does not know: `keepalive 2s` or `deadtime 1min` (only a bare
  number of seconds, `ms` or `us` are accepted), or `keepalive 1000 ms` (two values: the
  lone `ms` is rejected);
- booleans other than `true/on/yes/y/1` and `false/off/no/n/0`;
- `logfacility LOCAL0` (facility names are case-sensitive: `Log facility(LOCAL0) not valid`);
- `baud`, `autojoin`, `hbgenmethod`, `msgfmt`, `uuidfrom` outside their lists;
- media lines with missing or wrong fields (`mcast [lo] bad ttl [5]`);
- in `authkeys`: an index outside 0..15 (`Invalid authnum [16]`) or a method other than
  `crc`, `md5`, `sha1` (`Invalid authtype [SHA1]`; names are case-sensitive).

An invalid value is not applied: hakit keeps checking with the previous or default value.

## How to fix it
Write the value the way the message says Heartbeat accepts it.
)md",
    .bad = R"(== ha.cf ==
keepalive 2s
deadtime 30
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 30
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf && !folder.authkeys) {
        return;
    }
    report_problems(folder, ir::problem_kind::invalid_value, meta, out);
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
