// HMAC (RFC 2104) over MD5 and SHA-1: 64-byte block, ipad 0x36, opad 0x5c, keys longer than
// a block replaced by their hash.
#include "hash.hpp"

#include <string>

namespace hakit::runtime::wire {
namespace {

template <typename Hasher>
typename Hasher::digest_type hmac(std::string_view key, std::string_view data) {
    std::string block_key;
    if (key.size() > detail::hash_block_size) {
        Hasher key_hasher;
        key_hasher.update(key);
        const auto hashed = key_hasher.finish();
        block_key.assign(hashed.begin(), hashed.end());
    } else {
        block_key.assign(key);
    }
    block_key.resize(detail::hash_block_size, '\0');

    std::string inner_pad = block_key;
    std::string outer_pad = block_key;
    for (std::size_t i = 0; i < detail::hash_block_size; ++i) {
        inner_pad[i] = static_cast<char>(static_cast<unsigned char>(inner_pad[i]) ^ 0x36U);
        outer_pad[i] = static_cast<char>(static_cast<unsigned char>(outer_pad[i]) ^ 0x5cU);
    }

    Hasher inner;
    inner.update(inner_pad);
    inner.update(data);
    const auto inner_digest = inner.finish();

    Hasher outer;
    outer.update(outer_pad);
    outer.update(
        std::string_view(reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size()));
    return outer.finish();
}

} // namespace

md5_digest hmac_md5(std::string_view key, std::string_view data) {
    return hmac<detail::md5_hasher>(key, data);
}

sha1_digest hmac_sha1(std::string_view key, std::string_view data) {
    return hmac<detail::sha1_hasher>(key, data);
}

} // namespace hakit::runtime::wire
