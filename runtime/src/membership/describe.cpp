// Log lines for actions, worded like Heartbeat's own so that existing log watchers still match.
#include <hakit/runtime/membership/actions.hpp>

#include <fmt/format.h>

namespace hakit::runtime::membership {
namespace {

struct describer {
    std::string operator()(const send_status& send) const {
        return fmt::format("sending status st={} dt={} ms", to_string(send.status),
                           send.dead_time.count());
    }
    std::string operator()(const send_shutdone&) const { return "sending shutdone st=dead"; }
    std::string operator()(const node_state_changed& change) const {
        if (change.is_local) {
            return fmt::format("Local status now set to: '{}'", to_string(change.to));
        }
        if (change.to == node_state::dead) {
            return fmt::format("node {}: is dead", change.node);
        }
        return fmt::format("Status update for node {}: status {}", change.node,
                           to_string(change.to));
    }
    std::string operator()(const link_state_changed& change) const {
        return fmt::format("Link {}:{} {}.", change.node, change.link, to_string(change.to));
    }
    std::string operator()(const comm_up&) const {
        return "Comm_now_up(): updating status to active";
    }
    std::string operator()(const peer_restarted& restart) const {
        return fmt::format("Heartbeat restart on node {} (generation {} -> {})", restart.node,
                           restart.old_generation, restart.new_generation);
    }
    std::string operator()(const peer_returned_after_partition& returned) const {
        return fmt::format("Cluster node {} returning after partition.", returned.node);
    }
    std::string operator()(const late_heartbeat& late) const {
        return fmt::format("Late heartbeat: Node {}: interval {} ms", late.node,
                           late.interval.count());
    }
    std::string operator()(const packets_lost& lost) const {
        // Heartbeat prints the last sequence number seen and the one that revealed the gap.
        return fmt::format("{} lost packet(s) for [{}] [{}:{}]",
                           lost.last_missing - lost.first_missing + 1, lost.node,
                           lost.first_missing - 1, lost.last_missing + 1);
    }
    std::string operator()(const unauthenticated_peer& flag) const {
        if (flag.heard) {
            return fmt::format("node {} is heard but its packets do not authenticate; "
                               "no takeover from it",
                               flag.node);
        }
        return fmt::format("node {}: no unauthenticated packets any more", flag.node);
    }
    std::string operator()(const message_dropped& dropped) const {
        return fmt::format("dropped packet from {} on {}: {}", dropped.node, dropped.link,
                           to_string(dropped.reason));
    }
};

} // namespace

std::string describe(const action& what) {
    return std::visit(describer{}, what);
}

} // namespace hakit::runtime::membership
