// The same virtual IP in two resource groups: both groups bring it up, or drop it for each other.
#include "ip_argument.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA205",
    .name = "duplicate-virtual-ip",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "the same IP address is a resource of two haresources groups",
    .doc = R"md(
## Why is this bad?
Each haresources line is a resource group that Heartbeat starts and stops as a whole, and
groups with different owners normally run on different nodes. When one IP address (bare, or in
`IPaddr::` / `IPaddr2::`, with any netmask) belongs to two groups:

- owners differ: with each group on its owner, both nodes bring the address up, an
  address conflict on the network; clients reach either node;
- same owner: the groups usually move together, but stopping either group (a
  failed start gives up the group) removes the address the other group still needs.

Heartbeat itself starts with this (it does not look at resources), so it is a warning.

## How to fix it
Keep each virtual IP in exactly one group. If two services must share an address, put them in
one group after that address.
)md",
    .bad = R"(== haresources ==
alpha 192.168.1.10 httpd
beta IPaddr::192.168.1.10/24/eth0 mysql
)",
    .good = R"(== haresources ==
alpha 192.168.1.10 httpd
beta IPaddr::192.168.1.11/24/eth0 mysql
)",
};

std::string group_key(const grammar::resource_group_line& group) {
    return group.resources.empty() ? std::string() : group.resources.front().text.text;
}

void check(const node_folder& folder, sink& out) {
    if (!folder.haresources || folder.ir.pacemaker_enabled) {
        return; // with pacemaker enabled Heartbeat does not use haresources
    }
    const auto resources = ip_resources(*folder.haresources);
    for (std::size_t later = 0; later < resources.size(); ++later) {
        const auto& mine = resources[later];
        for (std::size_t earlier = 0; earlier < later; ++earlier) {
            const auto& other = resources[earlier];
            if (other.address != mine.address || other.group == mine.group) {
                continue;
            }
            const bool same_owner =
                values::iequals(other.group->owner.text, mine.group->owner.text);
            const std::string address(split_ip_argument(mine.argument->text).ip.text);
            const note first{other.spec->text.where,
                             fmt::format("{} in group '{}' of {}", address, group_key(*other.group),
                                         values::to_lower_ascii(other.group->owner.text))};
            const std::string message =
                same_owner
                    ? fmt::format("{} is also in group '{}' of the same owner: stopping either "
                                  "group removes the address the other uses",
                                  address, group_key(*other.group))
                    : fmt::format("{} is also in group '{}' owned by {}: with each group on its "
                                  "owner, both nodes bring the address up",
                                  address, group_key(*other.group),
                                  values::to_lower_ascii(other.group->owner.text));
            out.report(meta, mine.spec->text.where, message, {first});
            break; // one finding per resource, against its first earlier twin
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
