// Heartbeat's crc auth method (§4.6) and the hex rendering the digests share.
#include <hakit/runtime/wire/digest.hpp>

namespace hakit::runtime::wire {

std::uint32_t heartbeat_crc(std::string_view data) {
    constexpr std::uint32_t polynomial = 0x04c11db7U;
    std::uint32_t crc = 0;
    for (const char c : data) {
        crc ^= static_cast<std::uint32_t>(static_cast<unsigned char>(c)) << 24;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 0x80000000U) != 0 ? (crc << 1) ^ polynomial : crc << 1;
        }
    }
    return crc ^ 0xffffffffU;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0x0fU]);
    }
    return out;
}

} // namespace hakit::runtime::wire
