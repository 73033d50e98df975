#include <hakit/runtime/wire/digest.hpp>
#include <hakit/runtime/wire/keys.hpp>

#include <fmt/format.h>

namespace hakit::runtime::wire {

std::string_view to_string(auth_method method) {
    switch (method) {
    case auth_method::crc:
        return "crc";
    case auth_method::md5:
        return "md5";
    case auth_method::sha1:
        return "sha1";
    }
    return "unknown";
}

std::string auth_digest(auth_method method, std::string_view key, std::string_view data) {
    switch (method) {
    case auth_method::crc:
        return fmt::format("{:x}", heartbeat_crc(data));
    case auth_method::md5:
        return to_hex(hmac_md5(key, data));
    case auth_method::sha1:
        return to_hex(hmac_sha1(key, data));
    }
    return {};
}

std::optional<key_error> key_set::add(unsigned index, auth_method method, std::string key) {
    if (index > max_index) {
        return key_error{fmt::format("key index {} is outside 0..{}", index, max_index)};
    }
    if (method == auth_method::crc && !key.empty()) {
        return key_error{fmt::format("key {}: auth method crc does not use a key", index)};
    }
    if (method != auth_method::crc && key.empty()) {
        return key_error{
            fmt::format("key {}: auth method {} requires a key", index, to_string(method))};
    }
    entries_[index] = auth_key{method, std::move(key)};
    return std::nullopt;
}

std::optional<key_error> key_set::activate(unsigned index) {
    if (find(index) == nullptr) {
        return key_error{fmt::format("cannot sign with key {}: no such key entry", index)};
    }
    active_ = index;
    return std::nullopt;
}

const auth_key* key_set::find(unsigned index) const {
    if (index > max_index || !entries_[index]) {
        return nullptr;
    }
    return &*entries_[index];
}

const auth_key* key_set::active() const {
    return active_ ? find(*active_) : nullptr;
}

} // namespace hakit::runtime::wire
