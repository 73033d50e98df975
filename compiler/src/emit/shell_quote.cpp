#include "shell_quote.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <string>

namespace hakit::emit {
namespace {

bool is_safe_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

bool is_safe_word(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!is_safe_byte(c)) {
            return false;
        }
    }
    return true;
}

unsigned byte_at(std::string_view text, std::size_t i) {
    return static_cast<unsigned char>(text[i]);
}

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not well-formed
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const unsigned lead = byte_at(text, i);
    std::size_t length = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;
    if (lead < 0x80) {
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned next = byte_at(text, i + k);
        const unsigned min = k == 1 ? low : 0x80;
        const unsigned max = k == 1 ? high : 0xBF;
        if (next < min || next > max) {
            return 0;
        }
    }
    return length;
}

} // namespace

std::string shell_word(std::string_view text) {
    if (is_safe_word(text)) {
        return std::string(text);
    }
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    quoted += '\'';
    return quoted;
}

std::string crm_word(std::string_view text) {
    if (is_safe_word(text)) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string unwritable_reason(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned c = byte_at(text, i);
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            return fmt::format("it contains the control character 0x{:02X}", c);
        }
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            return fmt::format("it is not valid UTF-8 (byte 0x{:02X} at offset {})", c, i);
        }
        i += length;
    }
    return {};
}

std::string heredoc_delimiter(std::string_view body, std::string_view base) {
    const auto is_line_of_body = [&](std::string_view candidate) {
        std::size_t start = 0;
        while (start <= body.size()) {
            std::size_t end = body.find('\n', start);
            if (end == std::string_view::npos) {
                end = body.size();
            }
            if (body.substr(start, end - start) == candidate) {
                return true;
            }
            start = end + 1;
        }
        return false;
    };
    std::string candidate(base);
    for (int suffix = 2; is_line_of_body(candidate); ++suffix) {
        candidate = fmt::format("{}_{}", base, suffix);
    }
    return candidate;
}

} // namespace hakit::emit
