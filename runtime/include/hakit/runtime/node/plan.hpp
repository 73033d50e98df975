// The plan harun runs (docs/plan.md, from `hacompile --target plan --include-secrets`), loaded
// into plain structs. Loading refuses anything harun cannot run, naming the field at fault.
#pragma once

#include <hakit/runtime/node/outcome.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::runtime::node {

// Where a construct was in the legacy files, for messages ("ha.cf:24:1").
struct plan_location {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class medium_kind { bcast, ucast, ucast6, mcast, mcast6, serial };
std::string_view to_string(medium_kind kind);

struct medium {
    medium_kind kind = medium_kind::bcast;
    std::string device;
    std::string peer;       // ucast, ucast6: address or host name as written
    std::string group;      // mcast, mcast6
    std::uint16_t port = 0; // every kind but serial
    int ttl = 1;            // mcast, mcast6
    int loop = 0;           // mcast, mcast6
    int baud = 0;           // serial
    plan_location where;
};

struct node_address {
    std::string address;
    std::string device;
};

struct cluster_node {
    std::string name; // lowercased
    std::vector<medium> media;
    std::vector<node_address> addresses;
};

struct timing {
    std::chrono::milliseconds keepalive{};
    std::chrono::milliseconds deadtime{};
    std::chrono::milliseconds warntime{};
    std::chrono::milliseconds initdead{};
    std::chrono::milliseconds deadping{};
};

enum class failback_policy { on, off, legacy };

struct ping_node {
    std::string kind; // ping, ping6, ping_group
    std::string name;
    std::vector<std::string> hosts;
};

struct respawn_entry {
    std::string user;
    std::string command;
    std::vector<std::string> args;
    bool failfast = false;
};

struct env_entry {
    std::string name;
    std::string value;
};

struct ip_arguments {
    std::string ip;
    std::optional<int> cidr_netmask;
    std::optional<std::string> netmask;
    std::optional<std::string> nic;
    std::optional<std::string> broadcast;
};

struct resource {
    std::string script;
    std::vector<std::string> args;
    bool bare_ip = false;
    std::optional<ip_arguments> ip;
    plan_location where;
};

struct resource_group {
    std::string id;
    std::string key;
    std::string owner;
    std::vector<resource> resources; // start order; stop in reverse
};

enum class auth_method { crc, md5, sha1 };
std::string_view to_string(auth_method method);

struct auth_key {
    int index = 0;
    auth_method method = auth_method::crc;
    std::string key; // empty for crc (and when loaded with allow_missing_keys)
};

struct auth_config {
    int key_index = 0; // the sending key
    auth_method method = auth_method::crc;
    std::string key;
    std::vector<auth_key> keys; // every key accepted when verifying
};

struct logging_config {
    std::optional<std::string> logfile;
    std::optional<std::string> debugfile;
    std::optional<std::string> logfacility;
    std::optional<bool> use_logd;
};

struct runtime_plan {
    std::string cluster;
    std::vector<cluster_node> nodes;
    std::uint16_t udpport = 694;
    timing timing_ms;
    failback_policy auto_failback = failback_policy::legacy;
    std::vector<ping_node> ping_nodes;
    bool ipfail_respawned = false;
    std::vector<respawn_entry> respawn;
    std::vector<env_entry> env;
    std::vector<resource_group> groups;
    auth_config auth;
    logging_config logging;

    const cluster_node* find_node(std::string_view name) const;
};

struct plan_load_options {
    // Accept md5/sha1 keys that are absent (a plan compiled without --include-secrets). Only
    // for tools and tests that inspect a plan; such a plan cannot authenticate packets.
    bool allow_missing_keys = false;
};

outcome<runtime_plan> parse_plan(std::string_view json_text, const plan_load_options& options = {});
outcome<runtime_plan> load_plan(const std::filesystem::path& file,
                                const plan_load_options& options = {});

} // namespace hakit::runtime::node
