// Signature checks as heartbeat 3.0.6's isauthentic and is_auth_netstring make them (§4.6).
#include <hakit/runtime/wire/authenticate.hpp>

#include <fmt/format.h>

namespace hakit::runtime::wire {
namespace {

struct claimed_signature {
    unsigned index = 0;
    std::string_view digest;
};

// `<N> <hex>` as sscanf("%d %s") reads it: an index, blanks, one blank-free token.
std::optional<claimed_signature> read_auth_value(std::string_view text) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        return std::nullopt;
    }
    const auto index = parse_decimal(text.substr(0, space));
    const auto start = text.find_first_not_of(' ', space);
    if (!index || *index > key_set::max_index || start == std::string_view::npos) {
        return std::nullopt;
    }
    const auto token = text.substr(start, text.find_first_of(" \t\r\n", start) - start);
    return claimed_signature{static_cast<unsigned>(*index), token};
}

auth_verdict check_inner(const message& fields, const key_set& keys) {
    const field* auth = fields.find("auth");
    if (auth == nullptr) {
        return auth_verdict::missing;
    }
    const auto claimed =
        auth->type == field_type::string ? read_auth_value(auth->value) : std::nullopt;
    if (!claimed) {
        return auth_verdict::malformed;
    }
    const auth_key* entry = keys.find(claimed->index);
    if (entry == nullptr) {
        return auth_verdict::unknown_index;
    }
    return auth_digest(entry->method, entry->key, classic_auth_input(fields)) == claimed->digest
               ? auth_verdict::authentic
               : auth_verdict::digest_mismatch;
}

auth_verdict check_trailer(const packet& received, std::string_view bytes, const key_set& keys) {
    if (!received.trailer) {
        return auth_verdict::missing;
    }
    const netstring_trailer& trailer = *received.trailer;
    const auth_key* entry = keys.find(trailer.index);
    if (entry == nullptr) {
        return auth_verdict::unknown_index;
    }
    if (trailer.signed_offset > bytes.size() ||
        trailer.signed_length > bytes.size() - trailer.signed_offset) {
        return auth_verdict::malformed; // not the bytes this packet was parsed from
    }
    // 3.0.6 quirk: entry N's algorithm, but the key of the entry we send with.
    const auth_key* active = keys.active();
    const std::string_view key = active != nullptr ? std::string_view(active->key) : "";
    const auto signed_bytes = bytes.substr(trailer.signed_offset, trailer.signed_length);
    return auth_digest(entry->method, key, signed_bytes) == trailer.digest
               ? auth_verdict::authentic
               : auth_verdict::digest_mismatch;
}

} // namespace

std::string_view to_string(auth_verdict verdict) {
    switch (verdict) {
    case auth_verdict::authentic:
        return "authentic";
    case auth_verdict::missing:
        return "missing";
    case auth_verdict::malformed:
        return "malformed";
    case auth_verdict::unknown_index:
        return "no such key index";
    case auth_verdict::digest_mismatch:
        return "digest mismatch";
    }
    return "unknown";
}

authentication authenticate(const packet& received, std::string_view bytes, const key_set& keys) {
    authentication result;
    result.inner = check_inner(received.fields, keys);
    if (received.format == wire_format::classic) {
        result.authentic = result.inner == auth_verdict::authentic;
        if (!result.authentic) {
            result.reason = fmt::format("auth field: {}", to_string(result.inner));
        }
        return result;
    }
    result.trailer = check_trailer(received, bytes, keys);
    if (result.trailer != auth_verdict::authentic) {
        result.reason = fmt::format("netstring trailer: {}", to_string(result.trailer));
    } else if (result.inner != auth_verdict::authentic && result.inner != auth_verdict::missing) {
        result.reason = fmt::format("inner auth field: {}", to_string(result.inner));
    } else {
        result.authentic = true;
    }
    return result;
}

} // namespace hakit::runtime::wire
