// The harun node daemon's class; its methods are defined by job in the daemon*.cpp files.
#pragma once

#include <hakit/runtime/daemon/address_claim.hpp>
#include <hakit/runtime/daemon/daemon.hpp>
#include <hakit/runtime/daemon/gratuitous_arp.hpp>
#include <hakit/runtime/daemon/ping_monitor.hpp>
#include <hakit/runtime/daemon/resource_driver.hpp>
#include <hakit/runtime/daemon/status_report.hpp>
#include <hakit/runtime/membership/machine.hpp>
#include <hakit/runtime/node/control_socket.hpp>
#include <hakit/runtime/node/file_descriptor.hpp>
#include <hakit/runtime/node/log_sink.hpp>
#include <hakit/runtime/node/media.hpp>
#include <hakit/runtime/node/plan.hpp>
#include <hakit/runtime/policy/machine.hpp>
#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/keys.hpp>
#include <hakit/runtime/wire/outbound.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hakit::runtime::daemon::detail {

using nlohmann::json;
using steady = std::chrono::steady_clock;
using node::log_level;

class node_daemon {
  public:
    explicit node_daemon(daemon_options options) : options_(std::move(options)) {}

    int run();

  private:
    // ---- set-up (daemon_setup.cpp) ------------------------------------------------------
    bool fail(const std::string& message, const std::string& details = {});
    bool set_up();
    static node::log_destinations log_destinations(const node::runtime_plan& plan);
    std::vector<resource_driver::group_definition> group_definitions() const;
    resources::script_setup script_setup() const;
    bool open_signals();
    // Without --foreground: the usual double role of a daemon, parent returns at once.
    bool detach();
    // A node that starts holds nothing, so an address of ours still configured (left by a
    // crash or a kill) is removed before joining: otherwise two nodes answer for it.
    void remove_stale_addresses();

    // ---- the loop (daemon.cpp) ----------------------------------------------------------
    void loop();
    void read_signals(steady::time_point now);

    // ---- packets (daemon_network.cpp) ---------------------------------------------------
    void on_datagram(const node::received_datagram& datagram, steady::time_point now);
    // A heartbeat 3.0.6 peer asks for the node list at comm-up (with flow control) and waits
    // for the answer before it goes active (§4.9, §5.1).
    void answer_node_list(const std::string& asker);
    std::optional<membership::node_state> peer_state(const std::string& name) const;
    void to_policy(const wire::message& fields);
    void send(wire::message own);

    // ---- machines and addresses (daemon_machines.cpp) -----------------------------------
    void on_membership(membership::actions actions, steady::time_point now,
                       const membership::received_message* cause,
                       std::optional<policy::event::peer_alive> alive = std::nullopt);
    void post(policy::policy_event input);
    // Every queued policy input, in order, with the driver results they cause.
    void drain(steady::time_point now);
    void on_policy(policy::policy_action& action, steady::time_point now);
    void on_driver(const driver_output& done, steady::time_point now);
    void announce(const std::string& group_id);
    void announce_held();
    void announce_address(const std::string& address);

    // ---- early address claim (daemon_claims.cpp) ----------------------------------------
    // Adds the group's leading service addresses and announces them before its scripts run.
    void claim_addresses(const std::string& group_id);
    // The resource's `status` did not see the claimed address: remove it, the script adds it.
    void withdraw_claim(const std::string& group_id, std::size_t resource);
    // The group's start finished: its scripts own the addresses now, or, when it failed,
    // whatever claimed address is left is removed.
    void end_claims(const std::string& group_id, bool started);

    // ---- control, reload and logging (daemon_control.cpp) -------------------------------
    json on_control(const json& request);
    // SIGHUP: a new plan that does not load is refused and the old one kept. Keys and log
    // destinations change at once; a change to the cluster's shape needs a restart.
    void reload();
    static std::vector<std::string> shape_changes(const node::runtime_plan& old,
                                                  const node::runtime_plan& next);
    void log(log_level level, const std::string& text);

    daemon_options options_;
    node::runtime_plan plan_;
    std::string local_node_;
    std::uint64_t generation_ = 0;
    wire::node_uuid uuid_{};
    wire::key_set keys_;
    std::uint64_t sequence_ = 0;
    std::optional<node::log_sink> sink_;
    node::file_descriptor signal_fd_;
    std::optional<node::control_server> control_;
    std::optional<node::media_set> media_;
    std::optional<membership::machine> membership_;
    std::optional<policy::policy_machine> policy_;
    std::optional<resource_driver> driver_;
    std::optional<ping_monitor> pings_;
    std::variant<arp_announcer, std::string> arp_ = std::string("not opened yet");
    std::deque<policy::policy_event> pending_;
    std::map<std::string, std::map<std::size_t, address_claim>> claims_; // group -> resource
    std::map<std::string, std::string> send_failing_;
    packet_counters packets_;
    bool announce_after_drain_ = false;
    std::optional<std::string> refusal_; // why the policy refused the last standby/takeover
    bool stopping_ = false;
    bool finished_ = false;
    int exit_code_ = 0;
};

} // namespace hakit::runtime::daemon::detail
