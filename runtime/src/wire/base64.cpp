#include "base64.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace hakit::runtime::wire::detail {
namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
    const auto position = alphabet.find(c);
    return position == std::string_view::npos ? -1 : static_cast<int>(position);
}

} // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t available = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t j = 0; j < 3; ++j) {
            const std::uint32_t byte =
                j < available ? static_cast<unsigned char>(bytes[i + j]) : 0U;
            group = group << 8 | byte;
        }
        for (std::size_t j = 0; j < 4; ++j) {
            out.push_back(j <= available ? alphabet[(group >> (18 - 6 * j)) & 0x3fU] : '=');
        }
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        std::size_t padding = 0;
        std::uint32_t group = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            int value = 0;
            if (c == '=' && last && j >= 2) {
                ++padding;
            } else if (padding > 0 || (value = sextet(c)) < 0) {
                return std::nullopt; // bad character, or data after padding
            }
            group = group << 6 | static_cast<std::uint32_t>(value);
        }
        const std::size_t produced = 3 - padding;
        for (std::size_t j = 0; j < produced; ++j) {
            out.push_back(static_cast<char>((group >> (16 - 8 * j)) & 0xffU));
        }
    }
    return out;
}

} // namespace hakit::runtime::wire::detail
