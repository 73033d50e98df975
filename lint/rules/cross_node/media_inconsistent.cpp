// The node folders of one cluster should send heartbeats over the same kinds of media, and
// multicast to the same group and port: a medium only one node uses carries nothing.
#include "cross_node_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA404",
    .name = "media-inconsistent",
    .level = severity::warning,
    .scope = rule_scope::cluster,
    .heartbeat_refuses = false,
    .summary = "the node folders of one cluster use different heartbeat media",
    .doc = R"md(
## Why is this bad?
A heartbeat path works only when both ends use it. Each node reads only its own ha.cf, so a
medium written in one node's file but not in the other's carries no heartbeats between them,
and the redundancy the first file seems to have is not there:

- `mcast`/`mcast6`: a node without the line never joins the group; nodes whose `mcast` lines
  name different groups or ports never hear each other on it;
- `serial`: the other node never reads the tty;
- `bcast` or `ucast` on one node with neither on the other: the other node does not listen on
  `udpport`.

One node using `bcast` where the other uses `ucast` (or `ucast6` where the other uses `ucast`)
is reported as info only: both send to `udpport`, but the files no longer say the same thing.
Interface names are not compared, since they may differ from machine to machine.

## How to fix it
Use the same media on every node: the same `bcast`, `mcast` (same group and port) and `serial`
lines, and on each node a `ucast` line to the other node's address.
)md",
    .bad = R"(== srv5/ha.cf ==
node srv5 srv6
bcast eth0
mcast eth1 239.0.0.1 694 1 0
== srv6/ha.cf ==
node srv5 srv6
bcast eth0
mcast eth1 239.0.0.2 694 1 0
)",
    .good = R"(== srv5/ha.cf ==
node srv5 srv6
bcast eth0
mcast eth1 239.0.0.1 694 1 0
== srv6/ha.cf ==
node srv5 srv6
bcast eth0
mcast eth1 239.0.0.1 694 1 0
)",
};

using ir::medium_kind;

// The first line of each kind of medium a folder uses.
std::map<medium_kind, const ir::medium*> kinds_of(const node_folder& folder) {
    std::map<medium_kind, const ir::medium*> kinds;
    for (const ir::medium& medium : folder.ir.media) {
        kinds.try_emplace(medium.kind, &medium);
    }
    return kinds;
}

bool udp_kind(medium_kind kind) {
    return kind == medium_kind::bcast || kind == medium_kind::ucast || kind == medium_kind::ucast6;
}

// What a node without this kind of medium misses.
std::string missed(medium_kind kind) {
    switch (kind) {
    case medium_kind::mcast:
    case medium_kind::mcast6:
        return "never joins the multicast group";
    case medium_kind::serial:
        return "never reads the serial line";
    default:
        return "does not listen on udpport";
    }
}

// One folder uses `kind`, the other does not. Located in `other` (its first medium line, or
// the top of its ha.cf), with a note at `user`'s line.
void report_missing(const cluster_folder& user, const ir::medium& line, const cluster_folder& other,
                    sink& out) {
    const auto other_kinds = kinds_of(*other.folder);
    const auto& own = other.folder->ir.media;
    const location where =
        own.empty() ? location{other.folder->ha_cf->source->path(), 1, 1} : own.front().where;
    const note at_user{line.where, fmt::format("{} sends {} heartbeats here", user.name,
                                               ir::to_string(line.kind))};
    const auto kind = ir::to_string(line.kind);
    if (udp_kind(line.kind)) {
        for (const auto& [other_kind, other_line] : other_kinds) {
            if (udp_kind(other_kind)) {
                out.report_as(meta, severity::info, other_line->where,
                              fmt::format("{} uses {} where {} uses {}", other.name,
                                          ir::to_string(other_kind), user.name, kind),
                              {at_user});
                return;
            }
        }
    }
    out.report(meta, where,
               fmt::format("{} sends heartbeats by {} but {} does not: {} {}", user.name, kind,
                           other.name, other.name, missed(line.kind)),
               {at_user});
}

using group_port = std::pair<std::string, int>;

std::map<group_port, const ir::medium*> multicast_groups(const node_folder& folder,
                                                         medium_kind kind) {
    std::map<group_port, const ir::medium*> groups;
    for (const ir::medium& medium : folder.ir.media) {
        if (medium.kind == kind) {
            groups.try_emplace(group_port{medium.group, medium.port}, &medium);
        }
    }
    return groups;
}

// Both folders multicast: each group and port of `other` must be one of `first`'s.
void compare_groups(const cluster_folder& first, const cluster_folder& other, medium_kind kind,
                    sink& out) {
    const auto theirs = multicast_groups(*first.folder, kind);
    for (const auto& [group, line] : multicast_groups(*other.folder, kind)) {
        if (theirs.contains(group)) {
            continue;
        }
        const ir::medium& first_line = *theirs.begin()->second;
        out.report(meta, line->where,
                   fmt::format("{} multicasts to {} port {} but {} to {} port {}: they never "
                               "hear each other on it",
                               other.name, group.first, group.second, first.name, first_line.group,
                               first_line.port),
                   {{first_line.where, fmt::format("{} multicasts to {} port {} here", first.name,
                                                   first_line.group, first_line.port)}});
    }
}

void compare(const cluster_folder& first, const cluster_folder& other, sink& out) {
    const auto mine = kinds_of(*other.folder);
    const auto theirs = kinds_of(*first.folder);
    for (const auto& [kind, line] : theirs) {
        if (!mine.contains(kind)) {
            report_missing(first, *line, other, out);
        } else if (kind == medium_kind::mcast || kind == medium_kind::mcast6) {
            compare_groups(first, other, kind, out);
        }
    }
    for (const auto& [kind, line] : mine) {
        // A udp kind next to another udp kind of the first folder was reported above.
        const bool paired =
            udp_kind(kind) && std::any_of(theirs.begin(), theirs.end(),
                                          [](const auto& entry) { return udp_kind(entry.first); });
        if (!theirs.contains(kind) && !paired) {
            report_missing(other, *line, first, out);
        }
    }
}

void check(const std::vector<const node_folder*>& nodes, sink& out) {
    std::vector<cluster_folder> folders;
    for (cluster_folder& f : cluster_folders(nodes)) {
        if (!f.folder->ir.media.empty()) { // a folder without media is no-media's error
            folders.push_back(std::move(f));
        }
    }
    for (std::size_t i = 1; i < folders.size(); ++i) {
        compare(folders.front(), folders[i], out);
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
