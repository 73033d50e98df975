#include "parsers.hpp"

#include <fmt/format.h>

namespace hakit::runtime::wire {

namespace detail {

std::variant<typed_name, std::string> split_type_prefix(std::string_view text) {
    if (text.empty() || text.front() != '(') {
        return typed_name{field_type::string, text};
    }
    const auto close = text.find(')');
    if (close == std::string_view::npos) {
        return std::string("field type prefix '(' without ')'");
    }
    const auto digits = text.substr(1, close - 1);
    if (digits == "0") {
        return typed_name{field_type::string, text.substr(close + 1)};
    }
    if (digits == "1") {
        return typed_name{field_type::binary, text.substr(close + 1)};
    }
    static constexpr std::string_view names[] = {"struct", "list", "compressed",
                                                 "uncompressed struct"};
    if (digits.size() == 1 && digits[0] >= '2' && digits[0] <= '5') {
        return fmt::format("field type {} ({}) is not supported in v1 messages", digits,
                           names[digits[0] - '2']);
    }
    return fmt::format("unknown field type '({})'", digits);
}

std::string printable(std::string_view text) {
    std::string out(text.substr(0, 80));
    for (char& c : out) {
        if (c < ' ' || c > '~') {
            c = '?';
        }
    }
    return out;
}

} // namespace detail

std::variant<packet, parse_error> parse(std::string_view bytes) {
    if (bytes.size() > max_wire_size) {
        return parse_error{fmt::format("message of {} bytes exceeds the limit of {} bytes",
                                       bytes.size(), max_wire_size),
                           max_wire_size};
    }
    if (bytes.starts_with(detail::netstring_begin)) {
        return detail::parse_netstring(bytes);
    }
    if (bytes.starts_with(detail::classic_begin)) {
        return detail::parse_classic(bytes);
    }
    return parse_error{"neither a classic (>>>) nor a netstring (###) message", 0};
}

} // namespace hakit::runtime::wire
