// SHA-1 as specified by FIPS 180-4 §6.1.
#include "hash.hpp"

#include <bit>

namespace hakit::runtime::wire {
namespace detail {

void sha1_hasher::update(std::string_view data) {
    buffer_.feed(data, [this](const hash_block& block) { compress(block); });
}

sha1_digest sha1_hasher::finish() {
    buffer_.finish(true, [this](const hash_block& block) { compress(block); });
    sha1_digest out{};
    for (std::size_t i = 0; i < 20; ++i) {
        out[i] = static_cast<std::uint8_t>(state_[i / 4] >> (24 - 8 * (i % 4)));
    }
    return out;
}

void sha1_hasher::compress(const hash_block& block) {
    std::array<std::uint32_t, 80> schedule{};
    for (std::size_t i = 0; i < 16; ++i) {
        schedule[i] = static_cast<std::uint32_t>(block[4 * i]) << 24 |
                      static_cast<std::uint32_t>(block[4 * i + 1]) << 16 |
                      static_cast<std::uint32_t>(block[4 * i + 2]) << 8 |
                      static_cast<std::uint32_t>(block[4 * i + 3]);
    }
    for (std::size_t i = 16; i < 80; ++i) {
        schedule[i] =
            std::rotl(schedule[i - 3] ^ schedule[i - 8] ^ schedule[i - 14] ^ schedule[i - 16], 1);
    }
    std::uint32_t a = state_[0];
    std::uint32_t b = state_[1];
    std::uint32_t c = state_[2];
    std::uint32_t d = state_[3];
    std::uint32_t e = state_[4];
    for (std::size_t i = 0; i < 80; ++i) {
        std::uint32_t mixed = 0;
        std::uint32_t constant = 0;
        if (i < 20) {
            mixed = (b & c) | (~b & d);
            constant = 0x5a827999U;
        } else if (i < 40) {
            mixed = b ^ c ^ d;
            constant = 0x6ed9eba1U;
        } else if (i < 60) {
            mixed = (b & c) | (b & d) | (c & d);
            constant = 0x8f1bbcdcU;
        } else {
            mixed = b ^ c ^ d;
            constant = 0xca62c1d6U;
        }
        const std::uint32_t next = std::rotl(a, 5) + mixed + e + constant + schedule[i];
        e = d;
        d = c;
        c = std::rotl(b, 30);
        b = a;
        a = next;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
}

} // namespace detail

sha1_digest sha1(std::string_view data) {
    detail::sha1_hasher hasher;
    hasher.update(data);
    return hasher.finish();
}

} // namespace hakit::runtime::wire
