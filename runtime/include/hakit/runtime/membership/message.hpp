// A received packet as the membership machine sees it: already decoded and checked by the
// wire codec, reduced to the fields that decide liveness, ordering and replay.
#pragma once

#include <hakit/runtime/membership/types.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace hakit::runtime::membership {

struct received_message {
    std::string from;                 // `src`, lowercase
    std::string link;                 // the medium it arrived on (a config link id)
    std::string type;                 // `t`, e.g. "status", "resource", "NS_ackmsg"
    std::optional<std::uint64_t> seq; // absent for NS_ types
    std::uint64_t generation = 0;     // `hg`
    std::uint64_t timestamp = 0;      // `ts` (sender's wall clock, informative only)
    std::string status;               // `st` for t=status / t=shutdone, else empty
    std::optional<milliseconds> dt;   // `dt` for t=status
    bool authenticated = false;       // the auth digest matched a key we hold
};

// Heartbeat's "no sequence" message types carry no `seq` (reference §4.5).
bool is_unsequenced_type(const std::string& type);

} // namespace hakit::runtime::membership
