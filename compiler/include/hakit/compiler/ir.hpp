// The cluster model (IR): what one node folder means to Heartbeat 3.0.6, after values are
// parsed and defaults applied exactly as Heartbeat applies them. Every value knows where it
// came from. Emitters and the runtime read this, never the syntax trees.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/source.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hakit::ir {

enum class origin { explicit_value, default_value };

// A value with its origin. For a default, `where` names the file that would have set it
// (line 0) or, for derived defaults, the directive it was derived from.
template <class T> struct value {
    T v{};
    location where;
    origin from = origin::default_value;

    bool is_explicit() const { return from == origin::explicit_value; }
};

// A secret from authkeys. Deliberately has no formatter or stream operator.
class secret {
  public:
    explicit secret(std::string text) : text_(std::move(text)) {}
    const std::string& reveal() const { return text_; }
    std::size_t size() const { return text_.size(); }

  private:
    std::string text_;
};

struct node_entry {
    std::string name; // lowercased, as Heartbeat stores it
    std::string as_written;
    location where;
};

enum class medium_kind { bcast, mcast, mcast6, ucast, ucast6, serial };
std::string_view to_string(medium_kind kind);

struct medium {
    medium_kind kind = medium_kind::bcast;
    std::string device; // interface or tty
    std::string peer;   // ucast/ucast6: peer address or host name
    location peer_where;
    std::string group; // mcast/mcast6 group
    int port = 0;      // bcast/ucast: udpport when the line was read; mcast: its own port
    int ttl = 0;       // mcast ttl / mcast6 hops
    int loop = 0;      // mcast loop flag
    int baud = 0;      // serial: baud when the line was read
    location where;    // the directive name
};

enum class ping_kind { ping, ping6, ping_group };

struct ping_node {
    ping_kind kind = ping_kind::ping;
    std::string name;               // host for ping/ping6, group name for ping_group
    std::vector<std::string> hosts; // members (ping/ping6: the host itself)
    location where;
};

struct child_process { // respawn / failfast
    std::string user;
    std::string command;
    std::vector<std::string> args;
    bool failfast = false;
    location where;
};

struct api_auth {
    std::string client;
    std::vector<std::string> uids;
    std::vector<std::string> gids;
    location where;
};

struct stonith_device {
    std::string host; // "*" or a node name for stonith_host; empty for `stonith`
    std::string type;
    std::vector<std::string> params; // stonith: the config file
    location where;
};

struct timing {
    value<long> keepalive_ms;
    value<long> deadtime_ms;
    value<long> warntime_ms;
    value<long> initdead_ms;
    value<long> deadping_ms;
};

enum class failback_policy { on, off, legacy };
std::string_view to_string(failback_policy policy);

struct logging {
    std::optional<value<std::string>> logfile;
    std::optional<value<std::string>> debugfile;
    std::optional<value<std::string>> logfacility;
    std::optional<value<bool>> use_logd;
};

enum class auth_method { crc, md5, sha1 };

struct auth_key {
    int index = 0;
    std::string method_as_written;
    std::optional<auth_method> method; // empty when the name is not a Heartbeat plugin
    std::optional<secret> key;
    location where;
};

struct auth_config {
    bool present = false;               // an authkeys file was read
    std::optional<value<int>> active;   // sending key: last `auth N` followed by key N
    std::vector<value<int>> auth_lines; // every `auth N` in order
    std::map<int, auth_key> keys;       // by index; a later line for an index wins
};

struct ip_arguments { // IPaddr / IPaddr2 "ip[/bits[/nic][/bcast]]", split as the wrappers do
    std::string ip;
    std::optional<std::string> netmask; // as written: "24" or "255.255.255.0"
    std::optional<int> cidr_bits;       // when netmask is a number 0..32 or a dotted mask
    std::optional<std::string> nic;
    std::optional<std::string> broadcast;
};

struct resource {
    std::string script; // "IPaddr" for a bare IP
    std::vector<std::string> args;
    bool bare_ip = false;
    std::optional<ip_arguments> ip; // for IPaddr / IPaddr2 / bare IP
    location where;
};

struct resource_group {
    value<std::string> owner; // lowercased
    std::string key;          // first resource as written; names the group
    std::vector<resource> resources;
    location where;
};

// Something the IR builder could not accept, reported by the lint rule of the same kind.
enum class problem_kind {
    unknown_directive,  // Heartbeat: "Illegal directive"
    invalid_value,      // a setter or plugin rejects the value
    repeated_directive, // watchdog, baud, pacemaker given twice
    misplaced_directive // must precede another one (crmd_spawns_pengine before pacemaker)
};

struct problem {
    problem_kind kind = problem_kind::invalid_value;
    location where;
    std::string message;
    std::vector<note> notes;
};

struct node_config {
    std::optional<value<std::string>> local_name; // from nodeinfo or --node, lowercased

    value<std::string> cluster;
    std::vector<node_entry> nodes;
    timing times;
    value<failback_policy> failback;
    logging log;
    value<int> udpport;
    value<int> baud;
    value<std::string> autojoin;  // none / other / any (lowercased)
    value<std::string> pacemaker; // "false" unless enabled; `crm` is an alias
    bool pacemaker_enabled = false;
    bool nice_failback_given = false;

    std::vector<medium> media;
    std::vector<ping_node> ping_nodes;
    std::vector<child_process> children;
    std::vector<api_auth> api_auths;
    std::vector<stonith_device> stonith;
    std::map<std::string, value<std::string>> other_options; // every other directive, last wins

    auth_config auth;
    std::vector<resource_group> groups;

    std::vector<problem> problems;

    const node_entry* find_node(std::string_view name) const; // case-insensitive
};

} // namespace hakit::ir
