// The node folders of one cluster must agree: ucast peers, udpport, nodes, resource groups,
// keys, and each folder must be a different node.
#include "cross_node_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA401",
    .name = "peer-inconsistent",
    .level = severity::error,
    .scope = rule_scope::cluster,
    .heartbeat_refuses = false,
    .summary = "the node folders of one cluster disagree",
    .doc = R"md(
## Why is this bad?
Each Heartbeat node reads only its own /etc/ha.d, and nothing compares the nodes' files, so
every node starts, yet the cluster misbehaves:

- two nodes whose only `ucast` peer is the same address: one of them sends its heartbeats to
  itself and its peer never hears it (a copy-pasted ha.cf). Listing every node's address on
  every node is fine: Heartbeat ignores the entry that is the node itself;
- a different `udpport`: the nodes listen on different ports and never hear each other;
- different `node` lists: the nodes disagree about who is in the cluster;
- different haresources groups: the nodes disagree about which resources a takeover moves
  (Heartbeat's documentation requires the file to be identical on all nodes);
- different authkeys (the active index, or a key line's method or key): heartbeats signed by
  one node fail authentication on the other;
- two folders that name the same local node (`nodeinfo` or `--node`): one of them is wrong.

Differences in timing, `auto_failback` and heartbeat media have their own rules:
`timing-inconsistent`, `auto-failback-inconsistent` and `media-inconsistent`.

## How to fix it
Keep haresources and authkeys byte-identical on all nodes, and ha.cf identical except for the
lines that must differ (such as each node's `ucast` line, which names the *other* node).
)md",
    .bad = R"(== srv5/nodeinfo ==
srv5
== srv5/ha.cf ==
node srv5 srv6
ucast eth1 192.168.9.6
== srv6/nodeinfo ==
srv6
== srv6/ha.cf ==
node srv5 srv6
ucast eth1 192.168.9.6
)",
    .good = R"(== srv5/nodeinfo ==
srv5
== srv5/ha.cf ==
node srv5 srv6
ucast eth1 192.168.9.6
== srv5/haresources ==
srv5 IPaddr::192.168.9.10 httpd
== srv5/authkeys 0600 ==
auth 1
1 sha1 ExampleSecretOnly
== srv6/nodeinfo ==
srv6
== srv6/ha.cf ==
node srv5 srv6
ucast eth1 192.168.9.5
== srv6/haresources ==
srv5 IPaddr::192.168.9.10 httpd
== srv6/authkeys 0600 ==
auth 1
1 sha1 ExampleSecretOnly
)",
};

using member = cluster_folder;

// The first line of a file tree (ha_cf_file, haresources_file, authkeys_file).
template <class Tree> location file_start(const Tree& tree) {
    return {tree.source->path(), 1, 1};
}

// (f) Two folders that are the same node.
void check_local_names(const std::vector<member>& members, sink& out) {
    std::map<std::string, const node_folder*> first_with_name;
    for (const member& m : members) {
        const auto& local = m.folder->ir.local_name;
        if (!local) {
            continue;
        }
        const auto [first, inserted] = first_with_name.try_emplace(local->v, m.folder);
        if (inserted) {
            continue;
        }
        out.report(meta, local->where,
                   fmt::format("{} and {} are both node '{}': one of them names the wrong "
                               "local node",
                               first->second->path, m.folder->path, local->v),
                   {{first->second->ir.local_name->where,
                     fmt::format("{} is node '{}' here", first->second->path, local->v)}});
    }
}

// ucast peers compare by address: canonical text for IP addresses, lowercased host names.
std::string address_key(const std::string& peer) {
    std::array<unsigned char, 16> binary{};
    std::array<char, INET6_ADDRSTRLEN> text{};
    for (const int family : {AF_INET, AF_INET6}) {
        if (inet_pton(family, peer.c_str(), binary.data()) == 1 &&
            inet_ntop(family, binary.data(), text.data(), text.size()) != nullptr) {
            return text.data();
        }
    }
    return values::to_lower_ascii(peer);
}

// The first ucast line of a folder for each address it sends to.
std::map<std::string, const ir::medium*> ucast_peers(const node_folder& folder) {
    std::map<std::string, const ir::medium*> peers;
    for (const ir::medium& medium : folder.ir.media) {
        if (medium.kind == ir::medium_kind::ucast || medium.kind == ir::medium_kind::ucast6) {
            peers.try_emplace(address_key(medium.peer), &medium);
        }
    }
    return peers;
}

// (a) Two folders whose only ucast peer is the same address: that address belongs to one of
// them, so that node sends its heartbeats to itself. Folders that list every node's address
// (one entry is then the node itself, which Heartbeat harmlessly ignores) are fine.
void check_ucast_peers(const std::vector<member>& members, sink& out) {
    for (std::size_t later = 1; later < members.size(); ++later) {
        const auto later_peers = ucast_peers(*members[later].folder);
        if (later_peers.size() != 1) {
            continue;
        }
        const auto& [address, medium] = *later_peers.begin();
        for (std::size_t earlier = 0; earlier < later; ++earlier) {
            const auto earlier_peers = ucast_peers(*members[earlier].folder);
            if (earlier_peers.size() != 1 || earlier_peers.begin()->first != address) {
                continue;
            }
            const auto* same = earlier_peers.begin()->second;
            out.report(meta, medium->peer_where,
                       fmt::format("{} and {} both send their ucast heartbeats only to {}: one "
                                   "of them points at itself and its peer never hears it",
                                   members[earlier].name, members[later].name, medium->peer),
                       {{same->peer_where, fmt::format("{} sends ucast heartbeats to {} here",
                                                       members[earlier].name, same->peer)}});
        }
    }
}

// (b) A different udpport.
void check_udpport(const member& first, const member& other, sink& out) {
    const auto& mine = other.folder->ir.udpport;
    const auto& theirs = first.folder->ir.udpport;
    if (mine.v == theirs.v) {
        return;
    }
    const auto describe = [](const member& m, const ir::value<int>& port) {
        return port.is_explicit() ? fmt::format("{} sets udpport {} here", m.name, port.v)
                                  : fmt::format("{} uses the default udpport {}", m.name, port.v);
    };
    out.report(meta, or_file_start(mine.where, other.folder->ha_cf->source->path()),
               fmt::format("{} uses udpport {}{} but {} uses udpport {}{}: the nodes never hear "
                           "each other",
                           other.name, mine.v, mine.is_explicit() ? "" : " (the default)",
                           first.name, theirs.v, theirs.is_explicit() ? "" : " (the default)"),
               {{or_file_start(theirs.where, first.folder->ha_cf->source->path()),
                 describe(first, theirs)}});
}

// The node names of a folder as a set, and where the first one not in `others` is written.
std::set<std::string> node_set(const node_folder& folder) {
    std::set<std::string> names;
    for (const auto& node : folder.ir.nodes) {
        names.insert(node.name);
    }
    return names;
}

location node_difference_location(const node_folder& folder, const std::set<std::string>& others) {
    const auto& nodes = folder.ir.nodes;
    const auto missing = std::find_if(
        nodes.begin(), nodes.end(), [&](const auto& node) { return !others.contains(node.name); });
    if (missing != nodes.end()) {
        return missing->where;
    }
    if (!nodes.empty()) {
        return nodes.front().where;
    }
    return file_start(*folder.ha_cf);
}

std::string describe_nodes(const std::set<std::string>& names) {
    return names.empty() ? std::string("no nodes")
                         : fmt::format("nodes {}", fmt::join(names, ", "));
}

// (c) Different node lists.
void check_nodes(const member& first, const member& other, sink& out) {
    const auto mine = node_set(*other.folder);
    const auto theirs = node_set(*first.folder);
    if (mine == theirs) {
        return;
    }
    out.report(meta, node_difference_location(*other.folder, theirs),
               fmt::format("{} declares {} but {} declares {}", other.name, describe_nodes(mine),
                           first.name, describe_nodes(theirs)),
               {{node_difference_location(*first.folder, mine),
                 fmt::format("{} declares its nodes here", first.name)}});
}

// A haresources group as ResourceManager sees it: owner lowercased, then the resource words.
struct group_words {
    std::string line;
    location owner;
};

std::map<std::string, group_words> groups_by_key(const grammar::haresources_file& file) {
    std::map<std::string, group_words> groups;
    for (const auto& group : file.groups) {
        if (group.resources.empty()) {
            continue;
        }
        std::vector<std::string> words{values::to_lower_ascii(group.owner.text)};
        for (const auto& resource : group.resources) {
            words.push_back(resource.text.text);
        }
        groups.try_emplace(
            group.resources.front().text.text,
            group_words{fmt::format("{}", fmt::join(words, " ")), group.owner.where});
    }
    return groups;
}

// (d) Different haresources groups, matched by their key (first resource).
void check_groups(const member& first, const member& other, sink& out) {
    if (!first.folder->haresources || !other.folder->haresources) {
        return;
    }
    const auto mine = groups_by_key(*other.folder->haresources);
    const auto theirs = groups_by_key(*first.folder->haresources);
    for (const auto& [key, group] : mine) {
        const auto same = theirs.find(key);
        if (same == theirs.end()) {
            out.report(meta, group.owner,
                       fmt::format("haresources group '{}' of {} is not in {}'s haresources", key,
                                   other.name, first.name),
                       {{file_start(*first.folder->haresources),
                         fmt::format("{}'s haresources", first.name)}});
        } else if (same->second.line != group.line) {
            out.report(meta, group.owner,
                       fmt::format("haresources group '{}' differs: {} has '{}', {} has '{}'", key,
                                   other.name, group.line, first.name, same->second.line),
                       {{same->second.owner, fmt::format("{}'s group '{}'", first.name, key)}});
        }
    }
    for (const auto& [key, group] : theirs) {
        if (!mine.contains(key)) {
            out.report(meta, file_start(*other.folder->haresources),
                       fmt::format("{}'s haresources has no group '{}', which {} has", other.name,
                                   key, first.name),
                       {{group.owner, fmt::format("{}'s group '{}'", first.name, key)}});
        }
    }
}

bool same_key_text(const ir::auth_key& a, const ir::auth_key& b) {
    if (a.key.has_value() != b.key.has_value()) {
        return false;
    }
    return !a.key || a.key->reveal() == b.key->reveal();
}

// (e) Different authkeys: the active index, and per index the method and the key. Keys are
// compared, never printed.
void check_auth(const member& first, const member& other, sink& out) {
    if (!first.folder->authkeys || !other.folder->authkeys) {
        return;
    }
    const auto& mine = other.folder->ir.auth;
    const auto& theirs = first.folder->ir.auth;
    if (mine.active && theirs.active && mine.active->v != theirs.active->v) {
        out.report(meta, mine.active->where,
                   fmt::format("{} signs heartbeats with key {} but {} with key {}", other.name,
                               mine.active->v, first.name, theirs.active->v),
                   {{theirs.active->where,
                     fmt::format("{} chooses key {} here", first.name, theirs.active->v)}});
    }
    for (const auto& [index, key] : mine.keys) {
        const auto same = theirs.keys.find(index);
        if (same == theirs.keys.end()) {
            out.report(
                meta, key.where,
                fmt::format("key {} of {} is not in {}'s authkeys", index, other.name, first.name),
                {{file_start(*first.folder->authkeys), fmt::format("{}'s authkeys", first.name)}});
        } else if (key.method_as_written != same->second.method_as_written) {
            out.report(meta, key.where,
                       fmt::format("key {} uses {} on {} but {} on {}", index,
                                   key.method_as_written, other.name,
                                   same->second.method_as_written, first.name),
                       {{same->second.where, fmt::format("{}'s key {}", first.name, index)}});
        } else if (!same_key_text(key, same->second)) {
            out.report(meta, key.where,
                       fmt::format("key {} ({}) of {} differs from key {} of {}", index,
                                   key.method_as_written, other.name, index, first.name),
                       {{same->second.where, fmt::format("{}'s key {}", first.name, index)}});
        }
    }
    for (const auto& [index, key] : theirs.keys) {
        if (!mine.keys.contains(index)) {
            out.report(meta, file_start(*other.folder->authkeys),
                       fmt::format("{}'s authkeys has no key {}, which {} has", other.name, index,
                                   first.name),
                       {{key.where, fmt::format("{}'s key {}", first.name, index)}});
        }
    }
}

void check(const std::vector<const node_folder*>& nodes, sink& out) {
    const auto members = cluster_folders(nodes);
    if (members.size() < 2) {
        return;
    }
    check_local_names(members, out);
    check_ucast_peers(members, out);
    // Every other folder is compared with the first one.
    const member& first = members.front();
    for (std::size_t i = 1; i < members.size(); ++i) {
        check_udpport(first, members[i], out);
        check_nodes(first, members[i], out);
        check_groups(first, members[i], out);
        check_auth(first, members[i], out);
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
