// Heartbeat media seen as IP links between the cluster members, with each member's address
// on each link as far as the files tell (only ucast lines name addresses). corosync's knet
// links and keepalived's unicast peers are built from this.
#pragma once

#include <hakit/compiler/emit.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hakit::emit::links {

enum class address_family { ipv4, ipv6 };

struct member_address {
    std::string address; // as written in the ucast line: an IP address or a host name
    bool is_ip = false;  // an IPv4/IPv6 literal; otherwise a name resolved at start
    location where;      // the ucast peer that reveals it
};

// The IP media of one interface (bcast, mcast and ucast lines on eth1 are one link).
struct link {
    std::string device; // the interface in the reference folder
    address_family family = address_family::ipv4;
    std::vector<const ir::medium*> media; // the reference folder's media on it, in order
    // Both indexed like cluster.members: the member's address on this link (when a ucast
    // line names it) and the member's own interface (from its folder, else `device`).
    std::vector<std::optional<member_address>> addresses;
    std::vector<std::string> devices;

    bool has_ucast() const;
    bool complete() const; // every member has an address
    bool all_ip() const;   // every known address is an IP literal
};

struct link_plan {
    const node_folder* reference = nullptr; // first folder with an ha.cf: cluster-wide settings
    std::vector<link> links;                // in order of the media lines
    std::vector<const ir::medium*> serial;  // serial media of the reference folder
};

// The first folder that has an ha.cf, or nullptr.
const node_folder* reference_folder(const std::vector<node_folder>& folders);

// Links are the reference folder's IP media grouped by (interface, address family), in the
// order of their first line. A member's address on link i comes from the ucast line that
// names it (cluster.members[].addresses), placed on the link of the same position in the
// sending folder's own media, so nodes whose interfaces have other names still line up.
link_plan plan_links(const emit_input& input);

} // namespace hakit::emit::links
