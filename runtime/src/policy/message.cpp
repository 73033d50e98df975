#include <hakit/runtime/policy/message.hpp>
#include <hakit/runtime/policy/resource_set.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hakit::runtime::policy {

namespace {

constexpr std::array message_names{
    std::pair{message_type::starting, std::string_view{"starting"}},
    std::pair{message_type::resource, std::string_view{"resource"}},
    std::pair{message_type::ask_resources, std::string_view{"ask_resources"}},
    std::pair{message_type::hb_takeover, std::string_view{"hb_takeover"}},
    std::pair{message_type::shutdone, std::string_view{"shutdone"}},
    std::pair{message_type::num_ping_nodes, std::string_view{"num_ping_nodes"}},
};

// Added to every message by the wire layer (reference §4.5, §4.6); not policy content.
constexpr std::array trailer_fields{
    std::string_view{"src"}, std::string_view{"srcuuid"}, std::string_view{"seq"},
    std::string_view{"hg"},  std::string_view{"ts"},      std::string_view{"ld"},
    std::string_view{"ttl"}, std::string_view{"auth"},    std::string_view{"dest"}};

bool is_decimal(std::string_view text) {
    return !text.empty() && text.size() <= 9 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> check_fields(const peer_message& message) {
    const auto type = to_string(message.type);
    auto require_set = [&]() -> std::optional<std::string> {
        const auto hold = message.field("rsc_hold");
        if (!hold) {
            return fmt::format("'{}' message without rsc_hold", type);
        }
        if (!parse_resource_set(*hold)) {
            return fmt::format("'{}' message with rsc_hold='{}' (expected none, local, foreign "
                               "or all)",
                               type, *hold);
        }
        return std::nullopt;
    };
    switch (message.type) {
    case message_type::starting:
    case message_type::shutdone:
        return std::nullopt;
    case message_type::resource: {
        if (auto problem = require_set()) {
            return problem;
        }
        if (const auto rtype = message.field("rtype"); rtype && *rtype != "full") {
            return fmt::format("'resource' message with rtype='{}' (expected full)", *rtype);
        }
        if (const auto stable = message.field("isstable");
            stable && *stable != "0" && *stable != "1") {
            return fmt::format("'resource' message with isstable='{}' (expected 0 or 1)", *stable);
        }
        return std::nullopt;
    }
    case message_type::ask_resources: {
        const auto info = message.field("info");
        if (!info || (*info != "me" && *info != "other" && *info != "done")) {
            return fmt::format("'ask_resources' message with info='{}' (expected me, other or "
                               "done)",
                               info.value_or(""));
        }
        // Heartbeat's final "done" may come without a set.
        if (*info == "done" && !message.field("rsc_hold")) {
            return std::nullopt;
        }
        return require_set();
    }
    case message_type::hb_takeover:
        return require_set();
    case message_type::num_ping_nodes: {
        const auto count = message.field("num_ping");
        if (!count || !is_decimal(*count)) {
            return fmt::format("'num_ping_nodes' message with num_ping='{}' (expected a count)",
                               count.value_or(""));
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

} // namespace

std::string_view to_string(message_type type) {
    for (const auto& [known, name] : message_names) {
        if (known == type) {
            return name;
        }
    }
    return "starting";
}

std::optional<message_type> parse_message_type(std::string_view text) {
    for (const auto& [known, name] : message_names) {
        if (name == text) {
            return known;
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> peer_message::field(std::string_view name) const {
    for (const auto& [key, value] : fields) {
        if (key == name) {
            return std::string_view{value};
        }
    }
    return std::nullopt;
}

field_list encode(const peer_message& message) {
    field_list pairs;
    pairs.reserve(message.fields.size() + 1);
    pairs.emplace_back("t", std::string{to_string(message.type)});
    pairs.insert(pairs.end(), message.fields.begin(), message.fields.end());
    return pairs;
}

std::variant<peer_message, decode_error> decode(const field_list& fields) {
    const auto type_field = std::find_if(fields.begin(), fields.end(),
                                         [](const auto& pair) { return pair.first == "t"; });
    if (type_field == fields.end()) {
        return decode_error{"message without a 't' field"};
    }
    const auto type = parse_message_type(type_field->second);
    if (!type) {
        return decode_error{
            fmt::format("'{}' is not a resource policy message type", type_field->second)};
    }
    peer_message message{*type, {}};
    for (const auto& pair : fields) {
        const bool trailer = std::find(trailer_fields.begin(), trailer_fields.end(), pair.first) !=
                             trailer_fields.end();
        if (pair.first != "t" && !trailer) {
            message.fields.push_back(pair);
        }
    }
    if (auto problem = check_fields(message)) {
        return decode_error{std::move(*problem)};
    }
    return message;
}

} // namespace hakit::runtime::policy
