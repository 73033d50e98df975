// The node folders of one cluster should use the same timing. Heartbeat judges each peer by the
// deadtime that peer advertises (`dt` in its status messages) but warns by its own warntime.
#include "cross_node_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA402",
    .name = "timing-inconsistent",
    .level = severity::warning,
    .scope = rule_scope::cluster,
    .heartbeat_refuses = false,
    .summary = "the node folders of one cluster use different keepalive, deadtime, warntime or "
               "initdead",
    .doc = R"md(
## Why is this bad?
Each node reads only its own ha.cf, so two nodes with different timing behave differently
depending on which one fails:

- `deadtime`: every node advertises its own deadtime in its heartbeats (`dt`) and its peers
  declare it dead after *that* time. With `deadtime 10` on one node and `deadtime 30` on the
  other, a failure is detected after 10 s or after 30 s depending on which node failed
  (warning);
- `warntime` against the peer's `keepalive`: a node logs `Late heartbeat` whenever a peer's
  heartbeats are further apart than its own warntime. When one node's warntime is not longer
  than the other's keepalive, every heartbeat it receives is late and the real warnings drown
  in the log (warning; a warntime not above the node's *own* keepalive is
  `warntime-not-above-keepalive`);
- `keepalive`, `warntime` and `initdead` otherwise: the nodes send, warn and wait at boot at
  different paces, so the cluster does not do what either file says (info).

Defaults count: a node that omits `deadtime` uses 30 s, `warntime` defaults to half the
node's deadtime and `initdead` is derived from it too. When only such derived defaults differ,
because the deadtimes differ, only the deadtime difference is reported. Values on a line
Heartbeat rejects (`keepalive 2s`) are left to `invalid-value`.

## How to fix it
Give every node the same `keepalive`, `deadtime`, `warntime` and `initdead` lines (keep ha.cf
identical on all nodes except the lines that must differ, such as `ucast`).
)md",
    .bad = R"(== srv5/ha.cf ==
node srv5 srv6
keepalive 2
deadtime 30
bcast eth1
== srv6/ha.cf ==
node srv5 srv6
keepalive 2
deadtime 10
bcast eth1
)",
    .good = R"(== srv5/ha.cf ==
node srv5 srv6
keepalive 2
deadtime 30
bcast eth1
== srv6/ha.cf ==
node srv5 srv6
keepalive 2000ms
deadtime 30
bcast eth1
)",
};

using time_field = ir::value<long> ir::timing::*;

std::string describe_time(const ir::value<long>& time) {
    return time.is_explicit() ? fmt::format("{} ms", time.v)
                              : fmt::format("{} ms (the default)", time.v);
}

note set_by(const cluster_folder& f, std::string_view directive, const ir::value<long>& time) {
    return {ha_cf_where(f, time),
            fmt::format("{} uses {} {}", f.name, directive, describe_time(time))};
}

// `listener` logs every heartbeat of `sender` as late: its warntime is not longer than the
// sender's keepalive. When it is not longer than its own keepalive either, HA116 reports it.
bool late_heartbeats(const cluster_folder& listener, const cluster_folder& sender) {
    const auto& mine = listener.folder->ir.times;
    const auto& warntime = mine.warntime_ms;
    const auto& keepalive = sender.folder->ir.times.keepalive_ms;
    return warntime.v <= keepalive.v && warntime.v > mine.keepalive_ms.v;
}

// Reported once per listener, against the peer that sends least often.
bool report_late_heartbeats(const std::vector<cluster_folder>& folders, sink& out) {
    bool reported = false;
    for (const cluster_folder& listener : folders) {
        const cluster_folder* slowest = nullptr;
        for (const cluster_folder& sender : folders) {
            if (&sender != &listener && late_heartbeats(listener, sender) &&
                (slowest == nullptr || sender.folder->ir.times.keepalive_ms.v >
                                           slowest->folder->ir.times.keepalive_ms.v)) {
                slowest = &sender;
            }
        }
        if (slowest == nullptr) {
            continue;
        }
        const auto& warntime = listener.folder->ir.times.warntime_ms;
        const auto& keepalive = slowest->folder->ir.times.keepalive_ms;
        out.report(meta, ha_cf_where(listener, warntime),
                   fmt::format("{} warns after warntime {} but {} sends a heartbeat only every "
                               "keepalive {}: {} logs every heartbeat of {} as late",
                               listener.name, describe_time(warntime), slowest->name,
                               describe_time(keepalive), listener.name, slowest->name),
                   {set_by(*slowest, "keepalive", keepalive)});
        reported = true;
    }
    return reported;
}

void report_deadtime(const cluster_folder& first, const cluster_folder& other, sink& out) {
    const auto& mine = other.folder->ir.times.deadtime_ms;
    const auto& theirs = first.folder->ir.times.deadtime_ms;
    if (mine.v == theirs.v) {
        return;
    }
    out.report(meta, ha_cf_where(other, mine),
               fmt::format("{} uses deadtime {} but {} uses deadtime {}: a failure of {} is "
                           "detected after {} ms, a failure of {} after {} ms",
                           other.name, describe_time(mine), first.name, describe_time(theirs),
                           other.name, mine.v, first.name, theirs.v),
               {set_by(first, "deadtime", theirs)});
}

// keepalive, warntime, initdead: a plain difference, reported only where a file sets the value
// (derived defaults differ because deadtime does, which is reported already).
void report_pace(const cluster_folder& first, const cluster_folder& other,
                 std::string_view directive, time_field field, sink& out) {
    const auto& mine = other.folder->ir.times.*field;
    const auto& theirs = first.folder->ir.times.*field;
    if (mine.v == theirs.v || (!mine.is_explicit() && !theirs.is_explicit())) {
        return;
    }
    out.report_as(meta, severity::info, ha_cf_where(other, mine),
                  fmt::format("{} uses {} {} but {} uses {} {}", other.name, directive,
                              describe_time(mine), first.name, directive, describe_time(theirs)),
                  {set_by(first, directive, theirs)});
}

void check(const std::vector<const node_folder*>& nodes, sink& out) {
    std::vector<cluster_folder> folders;
    for (cluster_folder& f : cluster_folders(nodes)) {
        // A node whose timing line Heartbeat rejects (`keepalive 2s`) does not start.
        if (!rejects_directive(f, {"keepalive", "deadtime", "warntime", "initdead"})) {
            folders.push_back(std::move(f));
        }
    }
    if (folders.size() < 2) {
        return;
    }
    const bool late = report_late_heartbeats(folders, out);
    // Every other folder is compared with the first one, as peer-inconsistent does.
    const cluster_folder& first = folders.front();
    for (std::size_t i = 1; i < folders.size(); ++i) {
        report_deadtime(first, folders[i], out);
        if (!late) { // the late-heartbeat warning already names the keepalive and warntime
            report_pace(first, folders[i], "keepalive", &ir::timing::keepalive_ms, out);
            report_pace(first, folders[i], "warntime", &ir::timing::warntime_ms, out);
        }
        report_pace(first, folders[i], "initdead", &ir::timing::initdead_ms, out);
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
