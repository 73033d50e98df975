// The two wire formats' readers; parse() in parse.cpp dispatches on the first bytes.
#pragma once

#include <hakit/runtime/wire/codec.hpp>

#include <string_view>
#include <variant>

namespace hakit::runtime::wire::detail {

inline constexpr std::string_view classic_begin = ">>>\n";
inline constexpr std::string_view classic_end = "<<<";
inline constexpr std::string_view netstring_begin = "###\n";
inline constexpr std::string_view netstring_end = "%%%\n";

// Heartbeat writes a `\n` inside a classic string value as this byte.
inline constexpr char classic_newline = '\x13';

std::variant<packet, parse_error> parse_classic(std::string_view bytes);
std::variant<packet, parse_error> parse_netstring(std::string_view bytes);

// `(<digit>)` type prefix: 0 string, 1 binary; anything else is refused with a reason.
struct typed_name {
    field_type type = field_type::string;
    std::string_view name;
};
std::variant<typed_name, std::string> split_type_prefix(std::string_view text);

// At most 80 bytes of untrusted input for an error message, control and non-ASCII bytes as '?'.
std::string printable(std::string_view text);

} // namespace hakit::runtime::wire::detail
