// Two policy machines wired back to back for scenario tests: messages go through the codec to
// the other machine after a small latency (unless the link is cut), a fake script runner
// finishes starts and stops after a fixed time, and a fake clock moves only when told to.
// After every step it checks that no group has two holders (unless a partition is allowed) and
// that no node starts a group the other, alive node holds.
#pragma once

#include <hakit/runtime/policy/machine.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace hakit::test::policy {

namespace pol = hakit::runtime::policy;
using namespace std::chrono_literals;

// Two groups per node, in haresources order: a1, b1, a2, b2.
pol::config two_node_config(const std::string& local, pol::auto_failback failback);

struct node_sim {
    explicit node_sim(pol::policy_machine started) : machine(std::move(started)) {}

    pol::policy_machine machine;
    bool alive = true; // false after a crash or a finished shutdown
    std::set<std::string> failing_starts;
    std::set<std::string> failing_stops;
    std::vector<std::string> starts; // every start_group action, in order
    std::vector<std::string> stops;
    std::vector<pol::action::log> logs;
    std::vector<pol::peer_message> sent;
    bool shutdown_complete = false;
};

class two_nodes {
  public:
    two_nodes(pol::auto_failback failback, const std::function<void(pol::config&)>& adjust = {});

    node_sim& node(std::size_t index) { return *nodes_.at(index); }
    pol::clock::time_point now() const { return now_; }

    // Feeds one event to a node now and carries out its actions.
    void inject(std::size_t index, const pol::policy_event& input);
    // Runs every scheduled delivery, script completion and machine deadline up to now + span.
    void advance(std::chrono::milliseconds span);

    // Membership as both nodes would see it.
    void both_start_together();
    void cut_link() { link_up_ = false; }
    void restore_link() { link_up_ = true; }
    void crash(std::size_t index);
    // Replaces a crashed node by a freshly started one (new generation).
    void restart(std::size_t index, const std::function<void(pol::config&)>& adjust = {});

    void allow_double_holds(bool allowed) { allow_double_ = allowed; }

    // Which nodes hold the group (starting, running or stopping locally).
    std::vector<std::size_t> holders(const std::string& group) const;
    bool held_only_by(const std::string& group, std::size_t index) const;
    std::size_t count_logs(std::size_t index, const std::string& fragment) const;
    std::vector<std::string> violations() const { return violations_; }

  private:
    struct pending {
        std::size_t target = 0;
        pol::policy_event input;
    };
    void carry_out(std::size_t index, const std::vector<pol::policy_action>& actions);
    void check_holders();

    std::vector<std::unique_ptr<node_sim>> nodes_;
    std::vector<pol::config> configs_;
    pol::clock::time_point now_{};
    std::multimap<std::tuple<pol::clock::time_point, std::uint64_t>, pending> queue_;
    std::uint64_t sequence_ = 0;
    bool link_up_ = true;
    bool allow_double_ = false;
    std::chrono::milliseconds latency_ = 1ms;
    std::chrono::milliseconds script_time_ = 40ms;
    std::vector<std::string> violations_;
};

} // namespace hakit::test::policy
