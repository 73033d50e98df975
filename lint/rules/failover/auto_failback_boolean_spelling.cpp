// auto_failback yes/no/true/1...: accepted, but on/off/legacy are the documented values.
#include "failover_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA121",
    .name = "auto-failback-boolean-spelling",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "auto_failback is spelled yes/no/true/false/y/n/1/0 instead of on/off",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads `auto_failback` with its generic boolean parser, so `yes`, `true`, `y`
and `1` mean `on`, and `no`, `false`, `n` and `0` mean `off` (any case). The documentation,
the sample `ha.cf` and every message Heartbeat logs about the policy use `on`, `off` and
`legacy`. Other spellings work, but they make configurations harder to compare across nodes
and to search (`grep 'auto_failback off'` misses `auto_failback no`).

## How to fix it
Write `auto_failback on` for yes/true/y/1 and `auto_failback off` for no/false/n/0.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback yes
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth1
auto_failback on
)",
};

void check(const node_folder& folder, sink& out) {
    for (const auto& applied : applied_values(folder, {"auto_failback"})) {
        const std::string& text = applied.value->text;
        const auto flag = values::parse_boolean(text);
        if (!flag || values::iequals(text, "on") || values::iequals(text, "off")) {
            continue; // legacy, or already the documented spelling
        }
        out.report(meta, applied.value->where,
                   fmt::format("auto_failback {} means {}; write it as documented: "
                               "auto_failback {}",
                               text, *flag ? "on" : "off", *flag ? "on" : "off"));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
