// A two-node harun cluster in network namespaces the test creates: the seed's configuration
// with its addresses moved to the documentation ranges and fast timings.
//
//   client ns "c": bridge br0 198.51.100.1/24 --+-- veth -- ns "a" eth0 198.51.100.11/24
//                                               +-- veth -- ns "b" eth0 198.51.100.12/24
//   heartbeat ns "h": bridge hbr 192.0.2.9/24 --+-- veth -- ns "a" eth1 192.0.2.1/24
//                                               +-- veth -- ns "b" eth1 192.0.2.2/24
//
// Node a is srv5.localdomain (owner of the VIP 198.51.100.100, started from a plan made by
// hacompile), node b is srv6.localdomain (started with --config). Each node namespace serves
// "NodeA" / "NodeB" over HTTP on port 8080. Everything is torn down by the destructor.
#pragma once

#include "background.hpp"
#include "tool/process.hpp"
#include "tool/temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hakit::test {

using std::chrono::milliseconds;

struct cluster_settings {
    std::string auto_failback = "on";
    std::string keepalive = "200ms";
    std::string deadtime = "1";
    std::string warntime = "500ms";
    std::string initdead = "2";
    std::string authkeys_a = "auth 1\n1 crc\n";
    std::string authkeys_b = "auth 1\n1 crc\n";
    // The seed's `ping` and `respawn ... ipfail` lines (heartbeat 3.0.6 refuses the seed's
    // ipfail path, which Debian moved).
    bool ipfail = true;
    // Extra `harun run` options for both nodes.
    std::vector<std::string> harun_options;
};

inline constexpr const char* vip = "198.51.100.100";

class cluster {
  public:
    explicit cluster(cluster_settings settings = {});
    cluster(const cluster&) = delete;
    cluster& operator=(const cluster&) = delete;
    ~cluster();

    // 'a' or 'b'.
    void start(char node);
    // The real heartbeat 3.0.6 as that node instead (tests/runtime/daemon/run_heartbeat.sh).
    void start_heartbeat(char node);
    // The log file the node's ha.cf names (heartbeat's, or harun's).
    std::string config_log_of(char node) const;
    void stop(char node, int signal); // sends the signal, does not wait
    int wait_exit(char node, milliseconds limit);
    bool running(char node);

    void cut_links(char node);     // ip link set eth0/eth1 down
    void restore_links(char node); // and up again

    // What the VIP answers from the client namespace ("" when nothing does).
    std::string ask_vip() const;
    // Polls the VIP until it answers `body`; the time it took, or nullopt after `limit`.
    std::optional<milliseconds> wait_for_vip(const std::string& body, milliseconds limit) const;
    // `harun status --json` of the node; null when it does not answer.
    nlohmann::json status(char node) const;
    // Polls status(node) until `accept` holds for it; false after `limit`.
    bool wait_for_status(char node, const std::function<bool(const nlohmann::json&)>& accept,
                         milliseconds limit) const;
    // Waits until the peer's dead time is the configured one (Heartbeat advertises 2 s more
    // during the first 5 s after start), so that timings can be measured.
    bool wait_until_settled(char node, milliseconds deadtime, milliseconds limit) const;
    // Runs a command inside a namespace ('a', 'b', 'c', 'h').
    run_result run_in(char ns, const std::vector<std::string>& command) const;
    std::string log_of(char node) const;
    std::string ns_name(char ns) const;
    const std::filesystem::path& dir() const { return temp_.path(); }

  private:
    void sh(const std::vector<std::string>& command) const; // throws when it fails
    void teardown();
    void write_config(char node) const;

    cluster_settings settings_;
    temp_dir temp_;
    std::string prefix_;
    std::vector<std::string> namespaces_;
    std::vector<std::unique_ptr<background_process>> servers_;
    std::unique_ptr<background_process> harun_a_;
    std::unique_ptr<background_process> harun_b_;
};

// Namespaces need root and the VIP needs Debian's IPaddr: why the suite cannot run here, or
// nullopt when it can.
std::optional<std::string> cannot_run_cluster();

} // namespace hakit::test

// Ends the test case with a warning when cannot_run_cluster() says why it cannot run here.
#define HAKIT_SKIP_WITHOUT_NAMESPACES()                                                            \
    if (auto why = hakit::test::cannot_run_cluster()) {                                            \
        WARN("skipped: " << *why);                                                                 \
        return;                                                                                    \
    }
