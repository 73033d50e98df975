// Classic `>>>\n name=value\n ... <<<\n` (§4.2), read as string2msg does.
#include "base64.hpp"
#include "parsers.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hakit::runtime::wire::detail {
namespace {

std::string restore_newlines(std::string_view value) {
    std::string out(value);
    std::replace(out.begin(), out.end(), classic_newline, '\n');
    return out;
}

} // namespace

std::variant<packet, parse_error> parse_classic(std::string_view bytes) {
    // The sender's C string ends at the first NUL (2.1.x sends one after `<<<\n`).
    bytes = bytes.substr(0, bytes.find('\0'));
    packet result{wire_format::classic, {}, std::nullopt};
    std::size_t offset = classic_begin.size();
    while (true) {
        if (offset >= bytes.size()) {
            return parse_error{"missing '<<<' end line", offset};
        }
        const auto line_end = bytes.find('\n', offset);
        const auto line =
            bytes.substr(offset, line_end == std::string_view::npos ? std::string_view::npos
                                                                    : line_end - offset);
        if (line == classic_end) {
            return result; // anything after `<<<` is ignored, as Heartbeat does
        }
        if (line_end == std::string_view::npos) {
            return parse_error{"missing '<<<' end line", bytes.size()};
        }
        const auto equals = line.find('=');
        if (equals == std::string_view::npos) {
            return parse_error{"line without '=' invalidates the message", offset};
        }
        auto typed = split_type_prefix(line.substr(0, equals));
        if (auto* reason = std::get_if<std::string>(&typed)) {
            return parse_error{std::move(*reason), offset};
        }
        const auto [type, name] = std::get<typed_name>(typed);
        if (name.empty()) {
            return parse_error{"field without a name", offset};
        }
        const auto value = line.substr(equals + 1);
        if (type == field_type::binary) {
            auto decoded = base64_decode(value);
            if (!decoded) {
                return parse_error{
                    fmt::format("binary field '{}' is not valid base64", printable(name)),
                    offset + equals + 1};
            }
            result.fields.add_binary(std::string(name), std::move(*decoded));
        } else {
            result.fields.add_string(std::string(name), restore_newlines(value));
        }
        offset = line_end + 1;
    }
}

} // namespace hakit::runtime::wire::detail
