// The resource-policy messages two nodes exchange. They are Heartbeat 3.0.6's own v1 types and
// fields (reference §4.9), so a heartbeat peer understands a harun node and the other way round.
// The wire codec adds the standard trailer (src, seq, hg, ...) and the signature.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hakit::runtime::policy {

enum class message_type {
    starting,       // "tell me what you hold" (sent at comm-up)
    resource,       // rsc_hold, rtype=full, isstable, [info]: what the sender holds
    ask_resources,  // rsc_hold, info=me|other|done: the standby exchange (§5.5)
    hb_takeover,    // rsc_hold: the receiver goes standby for the mirrored set
    shutdone,       // st=dead: graceful shutdown finished, take over now
    num_ping_nodes, // num_ping: how many ping nodes the sender sees (ipfail)
};

std::string_view to_string(message_type type);
std::optional<message_type> parse_message_type(std::string_view text);

using field_list = std::vector<std::pair<std::string, std::string>>;

// One message: its `t=` type and its own fields in sending order (no standard trailer).
struct peer_message {
    message_type type = message_type::starting;
    field_list fields;

    // The value of the first field called `name`, if any.
    std::optional<std::string_view> field(std::string_view name) const;

    friend bool operator==(const peer_message&, const peer_message&) = default;
};

// (name, value) pairs for the wire codec: `t` first, then the fields in order.
field_list encode(const peer_message& message);

struct decode_error {
    std::string message;
};

// Reads a received message's pairs. The standard trailer fields (src, seq, hg, auth, ...) are
// dropped; a type that is not a policy message or a missing or malformed policy field is an
// error that names it. Unknown extra fields are kept (newer peers may add some).
std::variant<peer_message, decode_error> decode(const field_list& fields);

} // namespace hakit::runtime::policy
