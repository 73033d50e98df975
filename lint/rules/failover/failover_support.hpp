// What the failover rules share: finding ipfail among the respawned programs, and the
// auto_failback / nice_failback values Heartbeat applied, in file order.
#pragma once

#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace hakit::lint {

// A respawn or failfast line that runs ipfail (/usr/lib/heartbeat/ipfail,
// /usr/lib64/heartbeat/ipfail, /usr/libexec/heartbeat/ipfail, ...).
inline bool runs_ipfail(const ir::child_process& child) {
    const std::string_view command = child.command;
    const auto slash = command.rfind('/');
    return command.substr(slash == std::string_view::npos ? 0 : slash + 1) == "ipfail";
}

inline const ir::child_process* first_ipfail(const ir::node_config& config) {
    for (const auto& child : config.children) {
        if (runs_ipfail(child)) {
            return &child;
        }
    }
    return nullptr;
}

// One value of a directive that Heartbeat applied (values it rejected are left out).
struct applied_token {
    const grammar::ha_cf_directive* directive = nullptr;
    const grammar::token* value = nullptr;
};

// The applied values of the named directives, in file order.
inline std::vector<applied_token> applied_values(const node_folder& folder,
                                                 std::initializer_list<std::string_view> names) {
    std::vector<applied_token> found;
    if (!folder.ha_cf) {
        return found;
    }
    for (const auto& directive : folder.ha_cf->directives) {
        if (std::find(names.begin(), names.end(), directive.name.text) == names.end()) {
            continue;
        }
        for (const auto& value : directive.args) {
            if (!rejected_at(folder, value.where)) {
                found.push_back({&directive, &value});
            }
        }
    }
    return found;
}

} // namespace hakit::lint
