// Value parsers that behave exactly like the Heartbeat 3.0.6 / cluster-glue functions they
// are named after (reference §1.2, §1.3, §1.4), and the small text and address tests the IR
// builder and the lint rules share. Pure functions, no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hakit::values {

// cl_get_msec: bare number = seconds, decimals allowed, "ms"/"us" suffix (case-insensitive,
// first two letters), rounded half up to ms. nullopt where Heartbeat gets -1 ("2s", "5min",
// "-1", "1e3", "", "abc").
std::optional<long> parse_msec(std::string_view text);

// cl_str_to_boolean: true/on/yes/y/1, false/off/no/n/0, case-insensitive.
std::optional<bool> parse_boolean(std::string_view text);

// glibc syslog facility names (case-sensitive) or "none".
bool is_syslog_facility(std::string_view text);

// C atoi(): leading blanks, optional sign, digits; stops at the first other character;
// 0 when there are no digits. Saturates instead of overflowing.
long c_atoi(std::string_view text);

// True when the whole text is an optional sign followed by one or more digits.
bool is_integer(std::string_view text);

// Accepted `baud` values: 9600 19200 38400 57600 115200 230400 460800.
bool is_valid_baud(long rate);

// inet_pton(AF_INET) semantics: exactly four decimal octets 0..255.
std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view text);
bool is_ipv4_multicast(std::string_view text); // 224.0.0.0/4
bool is_ipv6(std::string_view text);           // inet_pton(AF_INET6)
bool is_ipv6_multicast(std::string_view text); // ff00::/8

std::string to_lower_ascii(std::string_view text);
bool iequals(std::string_view a, std::string_view b); // ASCII case-insensitive

} // namespace hakit::values
