// What the membership machine needs from the plan: who is in the cluster and the timers.
#pragma once

#include <hakit/runtime/membership/types.hpp>

#include <string>
#include <vector>

namespace hakit::runtime::membership {

struct config {
    std::string local_node;         // lowercase, as Heartbeat compares names
    std::vector<std::string> peers; // the other cluster nodes, lowercase
    std::vector<std::string> links; // one id per medium, e.g. "ucast eth1"
    // Heartbeat 3.0.6 defaults (reference §1.4, §1.7); the plan normally sets all four.
    milliseconds keepalive{1000};
    milliseconds deadtime{30000};
    milliseconds warntime{15000};
    milliseconds initdead{30000};
};

} // namespace hakit::runtime::membership
