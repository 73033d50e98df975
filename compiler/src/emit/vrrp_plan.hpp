// What a cluster becomes in VRRP terms, for the keepalived target: one instance per
// haresources group (addresses, one optional init script, priority and interface per node),
// ping checks for ipfail's ping nodes, unicast peers when every node's address is known, and
// the diagnostics (HC250-HC299) for what keepalived cannot express.
#pragma once

#include "vrrp_rules.hpp"

#include <hakit/compiler/emit.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hakit::emit::vrrp {

inline constexpr int owner_priority = 210;
inline constexpr int backup_priority = 200; // the other nodes: 200, 199, ... in node order
// A failed ping check costs more than the owner's lead, so the node that sees fewer ping
// nodes loses the addresses and equal counts change nothing (what ipfail does).
inline constexpr int ping_weight = owner_priority - backup_priority + 1;

struct virtual_address {
    const ir::resource* from = nullptr;
    std::string ip;
    int bits = 32;
    std::optional<std::string> device; // the interface part of the IPaddr nic
    std::optional<std::string> label;  // the whole nic when it names an alias (eth0:0)
    std::optional<std::string> broadcast;
};

struct instance {
    std::string name; // from the group key, unique
    int router_id = 0;
    const ir::resource_group* group = nullptr;
    std::vector<virtual_address> addresses;
    std::optional<std::string> service; // init script started on takeover
    // Indexed like cluster.members.
    std::vector<int> priorities;
    std::vector<std::optional<std::string>> interfaces; // nullopt: none known (HC257)
};

struct ping_check {
    std::string name;
    std::string command;
    std::string describes;
    long interval_seconds = 1;
    long fall = 1; // failures in a row before the ping node counts as dead (deadping)
};

struct plan {
    bool writable = false; // there are nodes to write files for
    std::string cluster_name;
    bool preempt = true; // auto_failback on/legacy; off: nopreempt
    advert_interval advert;
    long deadping_ms = 0;
    std::vector<instance> instances;
    std::vector<ping_check> ping_checks;
    std::vector<std::string> unicast_addresses; // per member; empty: multicast VRRP
    std::vector<diagnostic> diagnostics;        // sorted
};

plan make_plan(const emit_input& input);

} // namespace hakit::emit::vrrp
