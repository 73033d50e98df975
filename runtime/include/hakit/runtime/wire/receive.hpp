// One received datagram to a trusted message, or the reason it must be dropped (and counted):
// parse, authenticate, then the fields every receiver requires (§4.5).
#pragma once

#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/keys.hpp>
#include <hakit/runtime/wire/message.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace hakit::runtime::wire {

struct received {
    wire_format format = wire_format::classic;
    message fields;
    std::string type;                 // t
    std::string src;                  // src
    std::optional<std::uint64_t> seq; // absent only for NS_ types
    std::uint64_t timestamp = 0;      // ts, never 0
};

enum class drop_reason {
    malformed,       // not a message in either wire format
    unauthenticated, // bad, missing or unknown-index signature
    incomplete,      // lacks t / src / ts (or seq for non-NS_ types), or ts is 0
};

std::string_view to_string(drop_reason reason);

struct dropped {
    drop_reason reason = drop_reason::malformed;
    std::string detail;
};

std::variant<received, dropped> receive(std::string_view bytes, const key_set& keys);

} // namespace hakit::runtime::wire
