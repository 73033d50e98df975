// Reading and writing Heartbeat packets in both wire formats (§4.2 classic, §4.3 netstring),
// signed the way Debian's heartbeat 3.0.6 signs them (§4.4, §4.6).
#pragma once

#include <hakit/runtime/wire/keys.hpp>
#include <hakit/runtime/wire/message.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace hakit::runtime::wire {

// MAXMSG: Heartbeat's receive buffer and largest wire message.
inline constexpr std::size_t max_wire_size = 262144;

enum class wire_format { classic, netstring };

// The `<N> <hex>` netstring that follows `%%%\n`, and the bytes it signs.
struct netstring_trailer {
    unsigned index = 0;
    std::string digest;
    std::size_t signed_offset = 0; // where `###\n` starts in the parsed bytes
    std::size_t signed_length = 0; // through `%%%\n` inclusive
};

struct packet {
    wire_format format = wire_format::classic;
    message fields; // includes an inner `auth` field when the sender added one
    std::optional<netstring_trailer> trailer; // netstring only; absent when not sent
};

struct parse_error {
    std::string reason;
    std::size_t offset = 0; // byte offset in the input where the problem was found
};

// Never throws, never reads outside `bytes`.
std::variant<packet, parse_error> parse(std::string_view bytes);

struct sign_error {
    std::string message;
};

// `>>>\n`, the fields (binary ones as `(1)name=<base64>`, `\n` in strings as 0x13), an
// `auth=<N> <hex>` line made with the active key, `<<<\n`, and a NUL when asked (2.1.x did).
// Any `auth` field already in `fields` is replaced.
std::variant<std::string, sign_error> serialize_classic(const message& fields, const key_set& keys,
                                                        bool trailing_nul = false);

// Netstring exactly as Debian 3.0.6 sends it: with `inner_auth` (its default `msgfmt classic`)
// the classic `(0)auth=<N> <hex>` field is appended first, then `%%%\n` and the trailer over
// `###\n`..`%%%\n`. Any `auth` field already in `fields` is replaced.
std::variant<std::string, sign_error>
serialize_netstring(const message& fields, const key_set& keys, bool inner_auth = true);

// The classic auth input (§4.6): every field but `auth`, in order, one `name=value\n` line each.
std::string classic_auth_input(const message& fields);

} // namespace hakit::runtime::wire
