// nice_failback: obsolete since auto_failback, and Heartbeat 3.0.6 ignores its value.
#include "failover_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA120",
    .name = "nice-failback-obsolete",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "nice_failback is obsolete, and what it does depends on its place, not its value",
    .doc = R"md(
## Why is this bad?
`nice_failback` was replaced by `auto_failback` long ago. Heartbeat 3.0.6 still accepts it
but logs `nice_failback flag is obsolete. Use auto_failback {on, off, legacy} instead.`, and
its setter has a bug: it looks at the failback state built so far, not at the value written.

- Before any `auto_failback on`/`off` line (or after `auto_failback legacy`), both
  `nice_failback on` and `nice_failback off` become `auto_failback legacy`, the deprecated
  mode in which `hb_standby` and `ipfail` do not work (HA119).
- After `auto_failback on` or `off`, both become `auto_failback off`
  (`'nice_failback on' has been changed to 'auto_failback off'`), so an `auto_failback on`
  above it is silently cancelled.
- An `auto_failback` line further down overrides it again, and it has no effect at all.

Whatever was meant, the line does something else or nothing.

## How to fix it
Delete the `nice_failback` line and keep one `auto_failback on` or `auto_failback off`
(`nice_failback on` meant what `auto_failback off` means today).
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback on
nice_failback on
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback off
)",
};

bool is_on_or_off(const grammar::token& value) {
    return !values::iequals(value.text, "legacy"); // an applied auto_failback value: boolean
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto applied = applied_values(folder, {"auto_failback", "nice_failback"});
    const grammar::token* on_off_before = nullptr; // the auto_failback on/off in force
    for (std::size_t i = 0; i < applied.size(); ++i) {
        const auto& [directive, value] = applied[i];
        if (directive->name.text == "auto_failback") {
            on_off_before = is_on_or_off(*value) ? value : nullptr;
            continue;
        }
        // nice_failback leaves the state as it found it: off keeps an on/off in force, legacy
        // keeps none. Report each line once, for its last value.
        const bool last_on_line = i + 1 == applied.size() || applied[i + 1].directive != directive;
        if (!last_on_line) {
            continue;
        }
        const auto later = std::find_if(
            applied.begin() + static_cast<std::ptrdiff_t>(i) + 1, applied.end(),
            [](const applied_token& next) { return next.directive->name.text == "auto_failback"; });
        if (later != applied.end()) {
            out.report(meta, directive->name.where,
                       fmt::format("nice_failback is obsolete and has no effect here: "
                                   "auto_failback {} on line {} overrides it",
                                   later->value->text, later->value->where.line),
                       {{later->value->where, "auto_failback set here"}});
        } else if (on_off_before != nullptr) {
            out.report(meta, directive->name.where,
                       fmt::format("nice_failback {} is obsolete: after auto_failback {} "
                                   "Heartbeat turns automatic failback off, whatever the value",
                                   value->text, on_off_before->text),
                       {{on_off_before->where,
                         fmt::format("auto_failback {} set here", on_off_before->text)}});
        } else {
            out.report(meta, directive->name.where,
                       fmt::format("nice_failback {} is obsolete: Heartbeat reads it as "
                                   "auto_failback legacy, whatever the value",
                                   value->text));
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
