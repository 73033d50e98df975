// Netstring `###\n <len>:(t)name=value, ... %%%\n <len>:<N> <hex>,` (§4.3).
#include "parsers.hpp"

#include <fmt/format.h>

namespace hakit::runtime::wire::detail {
namespace {

// One `<len>:<data>,` at `offset`; advances `offset` past the comma.
std::variant<std::string_view, parse_error> read_netstring(std::string_view bytes,
                                                           std::size_t& offset) {
    const std::size_t start = offset;
    std::size_t length = 0;
    std::size_t digits = 0;
    // MAXMSG has 6 digits; 7 allows leading zeros without risking overflow.
    while (offset < bytes.size() && bytes[offset] >= '0' && bytes[offset] <= '9') {
        if (++digits > 7) {
            return parse_error{"netstring length has too many digits", start};
        }
        length = length * 10 + static_cast<std::size_t>(bytes[offset] - '0');
        ++offset;
    }
    if (digits == 0) {
        return parse_error{"expected a netstring length", start};
    }
    if (offset >= bytes.size() || bytes[offset] != ':') {
        return parse_error{"expected ':' after the netstring length", offset};
    }
    ++offset;
    if (length >= bytes.size() - offset) { // the data and its ',' must both fit
        return parse_error{fmt::format("netstring of {} bytes runs past the end", length), start};
    }
    const auto data = bytes.substr(offset, length);
    offset += length;
    if (bytes[offset] != ',') {
        return parse_error{"netstring not terminated by ','", offset};
    }
    ++offset;
    return data;
}

std::variant<netstring_trailer, parse_error> read_trailer(std::string_view bytes,
                                                          std::size_t offset) {
    const std::size_t signed_length = offset;
    auto data = read_netstring(bytes, offset);
    if (auto* error = std::get_if<parse_error>(&data)) {
        return std::move(*error);
    }
    const auto text = std::get<std::string_view>(data);
    // A single trailing NUL is tolerated; anything else after the trailer is not.
    if (offset < bytes.size() && !(offset + 1 == bytes.size() && bytes[offset] == '\0')) {
        return parse_error{"bytes after the authentication netstring", offset};
    }
    const auto space = text.find(' ');
    const auto index = parse_decimal(text.substr(0, space));
    if (space == std::string_view::npos || !index || *index > key_set::max_index ||
        space + 1 == text.size()) {
        return parse_error{
            fmt::format("authentication netstring '{}' is not '<N> <digest>'", printable(text)),
            signed_length};
    }
    return netstring_trailer{static_cast<unsigned>(*index), std::string(text.substr(space + 1)), 0,
                             signed_length};
}

} // namespace

std::variant<packet, parse_error> parse_netstring(std::string_view bytes) {
    packet result{wire_format::netstring, {}, std::nullopt};
    std::size_t offset = netstring_begin.size();
    // read_netstring never moves `offset` past the end, so substr() cannot throw.
    while (!bytes.substr(offset).starts_with(netstring_end)) {
        if (offset >= bytes.size()) {
            return parse_error{"missing '%%%' end line", offset};
        }
        const std::size_t field_start = offset;
        auto data = read_netstring(bytes, offset);
        if (auto* error = std::get_if<parse_error>(&data)) {
            return std::move(*error);
        }
        const auto text = std::get<std::string_view>(data);
        if (text.empty() || text.front() != '(') {
            return parse_error{"netstring field without a '(type)' prefix", field_start};
        }
        const auto equals = text.find('=');
        if (equals == std::string_view::npos) {
            return parse_error{"netstring field without '='", field_start};
        }
        auto typed = split_type_prefix(text.substr(0, equals));
        if (auto* reason = std::get_if<std::string>(&typed)) {
            return parse_error{std::move(*reason), field_start};
        }
        const auto [type, name] = std::get<typed_name>(typed);
        if (name.empty()) {
            return parse_error{"field without a name", field_start};
        }
        result.fields.add({std::string(name), type, std::string(text.substr(equals + 1))});
    }
    offset += netstring_end.size();
    if (offset == bytes.size()) {
        return result; // no trailer: authenticate() reports it missing
    }
    auto trailer = read_trailer(bytes, offset);
    if (auto* error = std::get_if<parse_error>(&trailer)) {
        return std::move(*error);
    }
    result.trailer = std::move(std::get<netstring_trailer>(trailer));
    return result;
}

} // namespace hakit::runtime::wire::detail
