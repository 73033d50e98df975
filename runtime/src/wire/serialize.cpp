// Writing signed packets in both formats (§4.4, §4.6).
#include "base64.hpp"
#include "parsers.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hakit::runtime::wire {
namespace {

constexpr std::string_view auth_field = "auth";

void append_field_netstring(std::string& out, const field& f) {
    const std::string body = fmt::format("({}){}=", static_cast<int>(f.type), f.name);
    fmt::format_to(std::back_inserter(out), "{}:{}{},", body.size() + f.value.size(), body,
                   f.value);
}

// The active entry or why there is none.
std::variant<const auth_key*, sign_error> sending_key(const key_set& keys) {
    if (keys.active() == nullptr) {
        return sign_error{"no active key: the key set has no usable `auth` entry"};
    }
    return keys.active();
}

std::string auth_value(const key_set& keys, const auth_key& key, std::string_view data) {
    return fmt::format("{} {}", *keys.active_index(), auth_digest(key.method, key.key, data));
}

message without_auth(const message& fields) {
    message copy = fields;
    copy.remove(auth_field);
    return copy;
}

} // namespace

std::string classic_auth_input(const message& fields) {
    std::string out;
    for (const field& f : fields.fields()) {
        if (f.name == auth_field) {
            continue;
        }
        if (f.type == field_type::string) {
            std::string value = f.value;
            std::replace(value.begin(), value.end(), '\n', detail::classic_newline);
            fmt::format_to(std::back_inserter(out), "{}={}\n", f.name, value);
        } else {
            fmt::format_to(std::back_inserter(out), "({}){}={}\n", static_cast<int>(f.type), f.name,
                           detail::base64_encode(f.value));
        }
    }
    return out;
}

std::variant<std::string, sign_error> serialize_classic(const message& fields, const key_set& keys,
                                                        bool trailing_nul) {
    auto key = sending_key(keys);
    if (auto* error = std::get_if<sign_error>(&key)) {
        return std::move(*error);
    }
    const std::string body = classic_auth_input(fields);
    std::string out(detail::classic_begin);
    out += body;
    fmt::format_to(std::back_inserter(out), "{}={}\n{}\n", auth_field,
                   auth_value(keys, *std::get<const auth_key*>(key), body), detail::classic_end);
    if (trailing_nul) {
        out.push_back('\0');
    }
    return out;
}

std::variant<std::string, sign_error> serialize_netstring(const message& fields,
                                                          const key_set& keys, bool inner_auth) {
    auto key = sending_key(keys);
    if (auto* error = std::get_if<sign_error>(&key)) {
        return std::move(*error);
    }
    const auth_key& active = *std::get<const auth_key*>(key);
    message signed_fields = without_auth(fields);
    if (inner_auth) {
        signed_fields.add_string(std::string(auth_field),
                                 auth_value(keys, active, classic_auth_input(signed_fields)));
    }
    std::string out(detail::netstring_begin);
    for (const field& f : signed_fields.fields()) {
        append_field_netstring(out, f);
    }
    out += detail::netstring_end;
    const std::string trailer = auth_value(keys, active, out);
    fmt::format_to(std::back_inserter(out), "{}:{},", trailer.size(), trailer);
    return out;
}

} // namespace hakit::runtime::wire
