// The authkeys entries a node signs and verifies with (§3, §4.6).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace hakit::runtime::wire {

enum class auth_method { crc, md5, sha1 };

std::string_view to_string(auth_method method);

struct auth_key {
    auth_method method = auth_method::crc;
    std::string key; // empty for crc

    friend bool operator==(const auth_key&, const auth_key&) = default;
};

// Heartbeat's digest text for `data`: HMAC-SHA1 / HMAC-MD5 as lowercase hex, or the crc as
// "%lx" (unpadded). The crc ignores the key.
std::string auth_digest(auth_method method, std::string_view key, std::string_view data);

struct key_error {
    std::string message;
};

// Entries 0..15 (authkeys' MAXAUTH is 16) and the active index used for sending. Built only
// through add/activate, so a key_set that signs always has its active entry.
class key_set {
  public:
    static constexpr unsigned max_index = 15;

    // crc takes no key, md5 and sha1 need one, as Heartbeat's authkeys parser demands.
    std::optional<key_error> add(unsigned index, auth_method method, std::string key);
    std::optional<key_error> activate(unsigned index);

    const auth_key* find(unsigned index) const;
    std::optional<unsigned> active_index() const { return active_; }
    // The sending entry; nullptr until activate() succeeded.
    const auth_key* active() const;

  private:
    std::array<std::optional<auth_key>, max_index + 1> entries_;
    std::optional<unsigned> active_;
};

} // namespace hakit::runtime::wire
