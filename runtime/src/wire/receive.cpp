#include <hakit/runtime/wire/authenticate.hpp>
#include <hakit/runtime/wire/receive.hpp>

#include <fmt/format.h>

namespace hakit::runtime::wire {

std::string_view to_string(drop_reason reason) {
    switch (reason) {
    case drop_reason::malformed:
        return "malformed";
    case drop_reason::unauthenticated:
        return "unauthenticated";
    case drop_reason::incomplete:
        return "incomplete";
    }
    return "unknown";
}

std::variant<received, dropped> receive(std::string_view bytes, const key_set& keys) {
    auto parsed = parse(bytes);
    if (const auto* error = std::get_if<parse_error>(&parsed)) {
        return dropped{drop_reason::malformed,
                       fmt::format("{} (byte {})", error->reason, error->offset)};
    }
    packet& p = std::get<packet>(parsed);
    const authentication check = authenticate(p, bytes, keys);
    if (!check.authentic) {
        return dropped{drop_reason::unauthenticated, check.reason};
    }

    const auto type = p.fields.string_value("t");
    const auto src = p.fields.string_value("src");
    const auto ts_text = p.fields.string_value("ts");
    if (!type || !src || !ts_text) {
        return dropped{drop_reason::incomplete, "missing from/ts/type"};
    }
    // Heartbeat drops a ts that does not parse or is 0 without a word; we say why.
    const auto timestamp = parse_hex(*ts_text);
    if (!timestamp || *timestamp == 0) {
        return dropped{drop_reason::incomplete, "ts is not a non-zero hex number"};
    }
    received result{p.format, {}, std::string(*type), std::string(*src), std::nullopt, *timestamp};
    if (!type->starts_with("NS_")) {
        result.seq = p.fields.hex_value("seq");
        if (!result.seq) {
            return dropped{drop_reason::incomplete, "missing seqno"};
        }
    }
    result.fields = std::move(p.fields);
    return result;
}

} // namespace hakit::runtime::wire
