// Incremental MD5 and SHA-1 with 64-byte blocks, shared by the plain digests and HMAC.
#pragma once

#include <hakit/runtime/wire/digest.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hakit::runtime::wire::detail {

inline constexpr std::size_t hash_block_size = 64;
using hash_block = std::array<std::uint8_t, hash_block_size>;

// Merkle-Damgard buffering: whole blocks go to `compress`, the rest waits in `buffer`.
class block_buffer {
  public:
    template <typename Compress> void feed(std::string_view data, Compress&& compress) {
        for (const char c : data) {
            buffer_[filled_++] = static_cast<std::uint8_t>(c);
            if (filled_ == hash_block_size) {
                compress(buffer_);
                filled_ = 0;
            }
        }
        length_ += data.size();
    }

    // Appends 0x80, zeros and the 64-bit bit length (big or little endian) and flushes.
    template <typename Compress> void finish(bool big_endian, Compress&& compress) {
        const std::uint64_t bits = length_ * 8U;
        buffer_[filled_++] = 0x80;
        if (filled_ > hash_block_size - 8) {
            while (filled_ < hash_block_size) {
                buffer_[filled_++] = 0;
            }
            compress(buffer_);
            filled_ = 0;
        }
        while (filled_ < hash_block_size - 8) {
            buffer_[filled_++] = 0;
        }
        for (std::size_t i = 0; i < 8; ++i) {
            const std::size_t shift = big_endian ? (56 - 8 * i) : (8 * i);
            buffer_[filled_++] = static_cast<std::uint8_t>(bits >> shift);
        }
        compress(buffer_);
        filled_ = 0;
    }

  private:
    hash_block buffer_{};
    std::size_t filled_ = 0;
    std::uint64_t length_ = 0;
};

class md5_hasher {
  public:
    using digest_type = md5_digest;
    void update(std::string_view data);
    md5_digest finish();

  private:
    void compress(const hash_block& block);
    std::array<std::uint32_t, 4> state_{0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U};
    block_buffer buffer_;
};

class sha1_hasher {
  public:
    using digest_type = sha1_digest;
    void update(std::string_view data);
    sha1_digest finish();

  private:
    void compress(const hash_block& block);
    std::array<std::uint32_t, 5> state_{0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U,
                                        0xc3d2e1f0U};
    block_buffer buffer_;
};

} // namespace hakit::runtime::wire::detail
