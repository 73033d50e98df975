// `harun run`: sets the node up (plan, name, state dir, generation, keys, sockets), then runs
// the event loop until a graceful stop.
//
// One iteration of the loop, in this order:
//   1. poll(2) the signalfd, the control socket, every medium and every running script, until
//      the earliest deadline of the membership machine, the policy machine and the scripts;
//   2. signals (SIGTERM/SIGINT: graceful stop, SIGHUP: reload the plan);
//   3. datagrams: parse -> authenticate -> membership -> (accepted, not status) policy;
//   4. control requests (status, standby, takeover);
//   5. scripts: output, exits, time limits, stop retries -> results to the policy;
//   6. timers: membership tick, policy timer.
// Policy inputs produced while handling any of these are queued and handled in order, so no
// machine is ever re-entered.
#pragma once

#include <hakit/runtime/daemon/plan_source.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace hakit::runtime::daemon {

struct daemon_options {
    plan_source source;
    std::optional<std::string> node_name;       // --node
    std::filesystem::path ha_dir = "/etc/ha.d"; // where nodeinfo is looked for
    std::filesystem::path state_dir = "/var/lib/harun";
    std::filesystem::path resource_dir = "/etc/ha.d/resource.d";
    std::filesystem::path init_dir = "/etc/init.d";
    bool foreground = false;
    // A group's leading IPaddr/IPaddr2 addresses are added by harun itself before the scripts
    // run (address_claim.hpp); --no-early-claim leaves them to the scripts alone.
    bool early_address_claim = true;
};

// Exit codes: 0 after a graceful stop, 1 when the node cannot be set up or runs into trouble.
int run_daemon(const daemon_options& options);

} // namespace hakit::runtime::daemon
