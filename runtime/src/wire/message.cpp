#include <hakit/runtime/wire/message.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hakit::runtime::wire {

message& message::add(field f) {
    fields_.push_back(std::move(f));
    return *this;
}

message& message::add_string(std::string name, std::string value) {
    fields_.push_back({std::move(name), field_type::string, std::move(value)});
    return *this;
}

message& message::add_binary(std::string name, std::string value) {
    fields_.push_back({std::move(name), field_type::binary, std::move(value)});
    return *this;
}

message& message::add_hex(std::string name, std::uint64_t value) {
    return add_string(std::move(name), format_hex(value));
}

message& message::add_decimal(std::string name, std::uint64_t value) {
    return add_string(std::move(name), fmt::format("{}", value));
}

message& message::set_string(std::string_view name, std::string value) {
    const auto existing = std::find_if(fields_.begin(), fields_.end(),
                                       [&](const field& f) { return f.name == name; });
    if (existing == fields_.end()) {
        return add_string(std::string(name), std::move(value));
    }
    existing->type = field_type::string;
    existing->value = std::move(value);
    return *this;
}

void message::remove(std::string_view name) {
    std::erase_if(fields_, [&](const field& f) { return f.name == name; });
}

const field* message::find(std::string_view name) const {
    const auto found = std::find_if(fields_.begin(), fields_.end(),
                                    [&](const field& f) { return f.name == name; });
    return found == fields_.end() ? nullptr : &*found;
}

std::optional<std::string_view> message::string_value(std::string_view name) const {
    const field* found = find(name);
    if (found == nullptr || found->type != field_type::string) {
        return std::nullopt;
    }
    return std::string_view(found->value);
}

std::optional<std::uint64_t> message::hex_value(std::string_view name) const {
    const auto text = string_value(name);
    return text ? parse_hex(*text) : std::nullopt;
}

std::optional<std::uint64_t> message::decimal_value(std::string_view name) const {
    const auto text = string_value(name);
    return text ? parse_decimal(*text) : std::nullopt;
}

std::string format_hex(std::uint64_t value) {
    return fmt::format("{:x}", value);
}

std::optional<std::uint64_t> parse_hex(std::string_view text) {
    if (text.empty() || text.size() > 16) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        std::uint64_t digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<std::uint64_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<std::uint64_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<std::uint64_t>(c - 'A' + 10);
        } else {
            return std::nullopt;
        }
        value = value << 4 | digit;
    }
    return value;
}

std::optional<std::uint64_t> parse_decimal(std::string_view text) {
    // 19 digits always fit in 64 bits, so no overflow check is needed.
    if (text.empty() || text.size() > 19) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

} // namespace hakit::runtime::wire
