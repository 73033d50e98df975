// The canonical ha.cf: one directive per line as `name word word`, comments kept with their
// directive, directives grouped in sections in an order Heartbeat 3.0.6 reads the same way.
// Directives whose relative order matters share a rank and keep their file order; udpport and
// baud go before the media only when no medium read another value. A paragraph of nothing but
// commented-out directives ("#bcast eth1") goes to the section of its directive.
#pragma once

#include "format_files.hpp"

#include <string_view>

namespace hakit::emit::format {

// Sections of the canonical ha.cf, in output order.
enum class ha_cf_section {
    identity,  // cluster, quorum_server (quorum_server overwrites cluster: kept in file order)
    logging,   // first, so Heartbeat logs the rest of the file where the user wants
    timing,    // keepalive, deadtime, warntime, initdead, deadping
    media,     // udpport and baud, then the media (read when a media line is read)
    nodes,     // node, autojoin
    ping,      // ping, ping6, ping_group
    failback,  // auto_failback, nice_failback (order-dependent: kept in file order)
    processes, // pacemaker/crm and its options, respawn, failfast, apiauth (file order)
    fencing,   // stonith, stonith_host, watchdog
    other,     // every other directive Heartbeat knows
    unknown,   // names Heartbeat rejects, in file order
};

struct ha_cf_placement {
    ha_cf_section section = ha_cf_section::unknown;
    int rank = 0; // directives with equal section and rank keep their file order
};

// Where a directive name (case-sensitive, as Heartbeat compares it) goes.
ha_cf_placement ha_cf_placement_of(std::string_view name);

formatted format_ha_cf(const node_folder& folder);

} // namespace hakit::emit::format
