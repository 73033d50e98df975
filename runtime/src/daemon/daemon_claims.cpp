// Early address claim (address_claim.hpp): the addresses at the head of a group go up the
// moment the policy starts the group; the scripts then confirm them with `status`.
#include "harun_node.hpp"

#include <hakit/runtime/daemon/interface_addresses.hpp>
#include <hakit/runtime/resources/resource.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hakit::runtime::daemon::detail {
namespace {

std::string token_of(const node::resource& item) {
    return resources::resource_token({item.script, item.args});
}

} // namespace

void node_daemon::claim_addresses(const std::string& group_id) {
    const auto group =
        std::find_if(plan_.groups.begin(), plan_.groups.end(),
                     [&](const node::resource_group& g) { return g.id == group_id; });
    if (group == plan_.groups.end() || group->resources.empty() || !group->resources.front().ip) {
        return;
    }
    auto listed = list_interface_addresses();
    if (auto* problem = std::get_if<std::string>(&listed)) {
        log(log_level::warning,
            fmt::format("addresses of group {} left to the scripts: {}", group_id, *problem));
        return;
    }
    auto& present = std::get<std::vector<interface_address>>(listed);
    // Only the leading addresses: one after another resource must wait for that resource.
    for (std::size_t index = 0; index < group->resources.size(); ++index) {
        const node::resource& item = group->resources[index];
        if (!item.ip) {
            break;
        }
        auto planned = plan_address_claim(*item.ip, present);
        if (auto* reason = std::get_if<std::string>(&planned)) {
            log(log_level::info, fmt::format("{} left to its script: {}", token_of(item), *reason));
            continue;
        }
        const address_claim& claim = std::get<address_claim>(planned);
        if (const std::string problem = add_interface_address(claim); !problem.empty()) {
            log(log_level::warning,
                fmt::format("claiming {} failed, left to its script: {}", claim.ip, problem));
            continue;
        }
        log(log_level::info, fmt::format("claimed {}/{} on {} ahead of {}", claim.ip, claim.prefix,
                                         claim.label, token_of(item)));
        announce_address(claim.ip);
        present.push_back({claim.device, claim.label, claim.address, claim.prefix});
        claims_[group_id][index] = claim;
    }
}

void node_daemon::withdraw_claim(const std::string& group_id, std::size_t resource) {
    const auto group = claims_.find(group_id);
    if (group == claims_.end()) {
        return;
    }
    const auto claimed = group->second.find(resource);
    if (claimed == group->second.end()) {
        return;
    }
    const address_claim claim = claimed->second;
    group->second.erase(claimed);
    const std::string problem = remove_interface_address(claim);
    log(problem.empty() ? log_level::warning : log_level::error,
        problem.empty()
            ? fmt::format("the script's status does not see the claimed {}: removed it, the "
                          "script adds it",
                          claim.ip)
            : fmt::format("removing the claimed {} before its script starts failed: {}", claim.ip,
                          problem));
}

void node_daemon::end_claims(const std::string& group_id, bool started) {
    const auto group = claims_.find(group_id);
    if (group == claims_.end()) {
        return;
    }
    if (!started) {
        // The unwind ran the scripts' stop, which removes the address; this is for a stop
        // that did not, so that a failed start never leaves an address up.
        for (const auto& [index, claim] : group->second) {
            if (const std::string problem = remove_interface_address(claim); !problem.empty()) {
                log(log_level::error,
                    fmt::format("removing the claimed {} failed: {}", claim.ip, problem));
            }
        }
    }
    claims_.erase(group);
}

} // namespace hakit::runtime::daemon::detail
