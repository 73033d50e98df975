// The digests Heartbeat's auth plugins compute (§4.6), implemented here from the RFCs:
// MD5 (RFC 1321), SHA-1 (FIPS 180-4), HMAC over both (RFC 2104) and Heartbeat's CRC-32.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hakit::runtime::wire {

using md5_digest = std::array<std::uint8_t, 16>;
using sha1_digest = std::array<std::uint8_t, 20>;

md5_digest md5(std::string_view data);
sha1_digest sha1(std::string_view data);
md5_digest hmac_md5(std::string_view key, std::string_view data);
sha1_digest hmac_sha1(std::string_view key, std::string_view data);

// CRC-32, polynomial 0x04C11DB7 fed MSB first, initial value 0, result XORed with 0xffffffff,
// no length appended ("123456789" gives 0x765e7680).
std::uint32_t heartbeat_crc(std::string_view data);

// Lowercase hex of every byte, two digits each.
std::string to_hex(std::span<const std::uint8_t> bytes);

} // namespace hakit::runtime::wire
