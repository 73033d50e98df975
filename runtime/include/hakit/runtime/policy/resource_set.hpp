// Heartbeat's resource sets (reference §5.2): which groups a node holds or asks about, relative to
// the node that says it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hakit::runtime::policy {

// The codes are Heartbeat's (none=0, local=1, foreign=2, all=3), so the set is a bit mask.
enum class resource_set : std::uint8_t { none = 0, local = 1, foreign = 2, all = 3 };

std::string_view to_string(resource_set set);
// "none", "local", "foreign", "all"; also "failback", which hb_standby reads as "foreign".
std::optional<resource_set> parse_resource_set(std::string_view text);
// The same groups seen from the other node: local <-> foreign.
resource_set mirror(resource_set set);
// Whether the set covers a group that is (or is not) owned by the node the set is relative to.
bool covers(resource_set set, bool owned_group);
// The set made of "local" if any owned group is in it and "foreign" if any other one is.
resource_set set_of(bool any_owned, bool any_foreign);

} // namespace hakit::runtime::policy
