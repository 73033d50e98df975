// Heartbeat's ping nodes (§1.6, §5.7): ICMP echo to every `ping` host (a `ping_group` is alive
// while any member answers), one round per keepalive; a node not heard for deadping is gone.
// The count of visible ping nodes is what ipfail compares between the two nodes.
#pragma once

#include <hakit/runtime/node/file_descriptor.hpp>
#include <hakit/runtime/node/plan.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::daemon {

class ping_monitor {
  public:
    using time_point = std::chrono::steady_clock::time_point;

    // IPv4 ping nodes only (ping6 is not supported: an error names it). Needs CAP_NET_RAW.
    static std::variant<ping_monitor, std::string> open(const std::vector<node::ping_node>& nodes,
                                                        std::chrono::milliseconds interval,
                                                        std::chrono::milliseconds deadping,
                                                        time_point now);

    int fd() const { return socket_.get(); }
    // Reads the echo replies waiting on fd().
    void on_readable(time_point now);
    // Sends the round that is due; the visible count when it changed (the first time once
    // every node answered or deadping passed since the start).
    std::optional<std::size_t> update(time_point now);
    std::optional<time_point> next_deadline() const;
    std::size_t visible() const;
    std::size_t size() const { return nodes_.size(); }

  private:
    struct tracked_node {
        std::string name;
        std::vector<std::uint32_t> addresses; // network byte order
        std::optional<time_point> last_reply;
    };

    bool alive(const tracked_node& node, time_point now) const;
    void send_round();

    node::file_descriptor socket_;
    std::vector<tracked_node> nodes_;
    std::chrono::milliseconds interval_{1000};
    std::chrono::milliseconds deadping_{30000};
    time_point started_{};
    time_point next_send_{};
    time_point last_update_{};
    std::uint16_t identifier_ = 0;
    std::uint16_t sequence_ = 0;
    std::optional<std::size_t> reported_;
};

} // namespace hakit::runtime::daemon
