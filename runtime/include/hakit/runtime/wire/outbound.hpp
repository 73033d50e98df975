// The fields heartbeat appends to every message it sends (§4.5), from values the daemon
// supplies (clock, load average, counters), so this stays pure.
#pragma once

#include <hakit/runtime/wire/message.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace hakit::runtime::wire {

using node_uuid = std::array<std::uint8_t, 16>;

struct sender_fields {
    std::string src;                   // lowercase node name
    node_uuid srcuuid{};               // sent as 16 raw bytes
    std::uint64_t seq = 0;             // not sent for NS_ types
    std::uint64_t generation = 0;      // hg
    std::uint64_t timestamp = 0;       // ts: wall-clock seconds
    std::string load_average = "n/a";  // ld: first line of /proc/loadavg; not sent for NS_ types
    std::uint64_t ttl = 0;             // hopfudge + number of nodes
    std::optional<node_uuid> destuuid; // added only when the message has a `dest` field
};

// The message's own fields first, then destuuid (if addressed), src, srcuuid, seq, hg, ts, ld,
// ttl. Types starting with "NS_" get no seq and no ld and keep a `src` they already carry.
message with_sender_fields(message own, const sender_fields& sender);

} // namespace hakit::runtime::wire
