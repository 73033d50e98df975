// A Heartbeat message (§4.1): an ordered list of typed name=value fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::runtime::wire {

// Only the two field types v1 traffic uses; struct, list and compressed fields are rejected
// by the parser with a clear reason.
enum class field_type : std::uint8_t { string = 0, binary = 1 };

struct field {
    std::string name;
    field_type type = field_type::string;
    std::string value; // raw bytes (a binary UUID is 16 raw bytes)

    friend bool operator==(const field&, const field&) = default;
};

class message {
  public:
    message& add(field f);
    message& add_string(std::string name, std::string value);
    message& add_binary(std::string name, std::string value);
    message& add_hex(std::string name, std::uint64_t value);     // lowercase, unpadded
    message& add_decimal(std::string name, std::uint64_t value); // plain decimal

    // Replaces the first field of that name in place (keeping its position) or appends one.
    message& set_string(std::string_view name, std::string value);
    // Removes every field of that name.
    void remove(std::string_view name);

    // Lookups return the first match, as Heartbeat's do.
    const field* find(std::string_view name) const;
    std::optional<std::string_view> string_value(std::string_view name) const;
    std::optional<std::uint64_t> hex_value(std::string_view name) const;
    std::optional<std::uint64_t> decimal_value(std::string_view name) const;

    const std::vector<field>& fields() const { return fields_; }
    bool empty() const { return fields_.empty(); }

    friend bool operator==(const message&, const message&) = default;

  private:
    std::vector<field> fields_;
};

// "%lx": lowercase hex without padding or prefix.
std::string format_hex(std::uint64_t value);
// 1..16 hex digits of either case, nothing else; nullopt otherwise.
std::optional<std::uint64_t> parse_hex(std::string_view text);
// 1..19 decimal digits, nothing else; nullopt otherwise.
std::optional<std::uint64_t> parse_decimal(std::string_view text);

} // namespace hakit::runtime::wire
