// ResourceManager finds a group by grepping for " key ": a key that appears in another line
// pulls that line into every takeover of the group.
#include "rule_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA204",
    .name = "group-key-not-unique",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a resource group's key (first resource) appears in another haresources line",
    .doc = R"md(
## Why is this bad?
The first resource of a haresources line is the group's key: Heartbeat names the group by it
and asks `ResourceManager takegroup <key>` / `givegroup <key>` to move it. ResourceManager
finds the group with `egrep " <key> "` over the normalised file, so *every* line in which the
key appears as a word is selected, not only the line it starts. Taking over the group then
runs the words of both lines as one group, including the second line's owner name as if it
were a resource script (`Cannot locate resource script beta`), the start fails and the group is
given up. Two lines with the same key (two groups started by `drbddisk::r0`, say) are the
common case; a key repeated inside another group does the same.

The match is case-sensitive, and since the key is used as a regular expression, a `.` in it
matches any character (hacheck only reports exact repeats). The `heartbeat` binary does not
look at resources and starts, so this is a warning; the failure comes at takeover.

## How to fix it
Make the first resource of every line unique: merge the two lines into one group, or start one
of them with a resource that appears nowhere else (for example its virtual IP).
)md",
    .bad = R"(== haresources ==
alpha drbddisk::r0 Filesystem::/dev/drbd0::/srv::ext4
beta drbddisk::r0 mysql
)",
    .good = R"(== haresources ==
alpha drbddisk::r0 Filesystem::/dev/drbd0::/srv::ext4 mysql
)",
};

// A line holding template markup was never rendered (HA010); its words prove nothing.
bool is_unrendered(const grammar::resource_group_line& group) {
    return has_template_markup(group.owner.text) ||
           std::any_of(group.resources.begin(), group.resources.end(), [](const auto& resource) {
               return has_template_markup(resource.text.text);
           });
}

void check(const node_folder& folder, sink& out) {
    if (!folder.haresources || folder.ir.pacemaker_enabled) {
        return; // with pacemaker enabled Heartbeat does not use haresources
    }
    const auto& groups = folder.haresources->groups;
    std::map<std::string, std::size_t> group_of_key; // the first group with that key
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (!groups[i].resources.empty() && !is_unrendered(groups[i])) {
            group_of_key.try_emplace(groups[i].resources.front().text.text, i);
        }
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (is_unrendered(groups[i])) {
            continue;
        }
        const auto& resources = groups[i].resources;
        for (std::size_t position = 0; position < resources.size(); ++position) {
            const auto& word = resources[position].text;
            const auto key = group_of_key.find(word.text);
            // A line's own key matches itself; two equal keys are reported once, at the later.
            if (key == group_of_key.end() || key->second == i) {
                continue;
            }
            const auto& other = groups[key->second];
            const auto& other_key = other.resources.front().text;
            const std::string owner = values::to_lower_ascii(other.owner.text);
            out.report(
                meta, word.where,
                position == 0
                    ? fmt::format("'{}' is already the key of {}'s group: ResourceManager "
                                  "selects both lines for either group",
                                  word.text, owner)
                    : fmt::format("'{}' is the key of {}'s group: ResourceManager selects this "
                                  "line too when it moves that group",
                                  word.text, owner),
                {{other_key.where, fmt::format("key of {}'s group", owner)}});
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
