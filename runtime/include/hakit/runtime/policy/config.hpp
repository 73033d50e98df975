// What the failover policy needs to know about the cluster: two nodes, the haresources groups
// and the timers (all taken from the plan by the daemon).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hakit::runtime::policy {

// Heartbeat's auto_failback. `legacy` (its default) is run like `on`: harun always negotiates
// with `starting`/`resource`, and legacy's effect is an immediate failback anyway (§5.4).
enum class auto_failback { on, off, legacy };

struct group_spec {
    std::string id;    // stable plan id: no spaces, no ':'
    std::string owner; // the haresources node, lowercased
};

struct config {
    std::string local_node;
    std::vector<std::string> nodes; // every cluster node, the local one included: exactly two
    std::vector<group_spec> groups; // in haresources order
    auto_failback failback = auto_failback::legacy;
    std::chrono::milliseconds keepalive{2000};
    std::chrono::milliseconds deadtime{30000};
    bool ping_failover = false; // ipfail respawned, or the plan asks for ping-based failover
    std::size_t ping_node_count = 0;
};

struct config_error {
    std::string message;
};

// Why the configuration cannot be run, or nothing when it can.
std::optional<config_error> validate(const config& settings);

} // namespace hakit::runtime::policy
