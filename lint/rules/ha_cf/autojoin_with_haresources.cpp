// autojoin other/any is refused in haresources (R1) mode.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA113",
    .name = "autojoin-with-haresources",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "autojoin other/any is set while resources are managed by haresources",
    .doc = R"md(
## Why is this bad?
With `autojoin other` or `autojoin any`, nodes that are not declared may join the cluster.
The classic resource manager driven by `haresources` (used whenever `pacemaker`/`crm` is not
enabled) assigns resource groups to declared nodes only, so Heartbeat 3.0.6 refuses the
combination: `R1 style resource management conflicts with  autojoin set`.

## How to fix it
Declare the nodes with `node` lines and remove `autojoin` (or set `autojoin none`). Dynamic
membership needs a cluster resource manager (Pacemaker) instead of haresources.
)md",
    .bad = R"(== ha.cf ==
autojoin other
node alpha beta
bcast eth1
== haresources ==
alpha 10.0.0.10 httpd
)",
    .good = R"(== ha.cf ==
autojoin none
node alpha beta
bcast eth1
== haresources ==
alpha 10.0.0.10 httpd
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const auto& config = folder.ir;
    if (config.pacemaker_enabled || (config.autojoin.v != "other" && config.autojoin.v != "any")) {
        return;
    }
    std::vector<note> notes;
    if (config.pacemaker.is_explicit()) {
        notes.push_back({config.pacemaker.where, "pacemaker is not enabled here"});
    }
    if (!config.groups.empty()) {
        notes.push_back({config.groups.front().where, "resource groups managed by haresources"});
    }
    out.report(meta, config.autojoin.where,
               fmt::format("autojoin {} conflicts with haresources resource management "
                           "(pacemaker is off)",
                           config.autojoin.v),
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
