// Which Pacemaker agent runs a legacy resource, with which parameters and operations:
// resource.d wrappers with an OCF twin (reference §2.7) map to ocf:heartbeat:<agent> with the
// parameter names the wrapper exported; drbddisk to ocf:linbit:drbd; everything else to the
// init script (lsb:). Stonith devices map to stonith:<type> with cluster-glue's parameter
// names. The callers assign ids (see pacemaker_ids.hpp) and then operation ids.
#pragma once

#include "pacemaker_model.hpp"

#include <hakit/compiler/ir.hpp>

#include <string>
#include <vector>

namespace hakit::emit {

struct mapped_resource {
    primitive resource;      // id empty
    std::string id_hint;     // sanitised id to claim, e.g. "ip_192.0.2.10", "fs_srv_www"
    bool promotable = false; // drbd: the caller wraps it in a promotable clone
};

mapped_resource map_resource(const ir::resource& legacy, std::vector<diagnostic>& out);

// `stonith` / `stonith_host` lines.
mapped_resource map_stonith(const ir::stonith_device& device, std::vector<diagnostic>& out);

// The ocf:pacemaker:ping primitive that replaces ping nodes + ipfail.
primitive ping_primitive(const std::vector<std::string>& hosts, long dead_ping_ms,
                         const std::string& attribute);

// Sets operation ids from the primitive's id: "<id>-<name>-interval-<interval>[-<role>]".
void assign_operation_ids(primitive& resource);

// A Pacemaker duration for milliseconds: "30s", or "1500ms" when not whole seconds.
std::string duration_from_ms(long ms);

} // namespace hakit::emit
