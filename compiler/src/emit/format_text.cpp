#include "format_text.hpp"

namespace hakit::emit::text {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string_view trim(std::string_view text) {
    text = trim_right(text);
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    return text;
}

std::string join_words(const std::vector<grammar::token>& words) {
    std::string joined;
    for (const auto& word : words) {
        if (!joined.empty()) {
            joined += ' ';
        }
        joined += word.text;
    }
    return joined;
}

std::string clean_comment(std::string_view comment) {
    return std::string(trim_right(comment));
}

std::string one_line(std::string_view text) {
    std::string line(text);
    for (char& c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            c = ' ';
        }
    }
    return line;
}

std::vector<std::string> forced_error_lines(const std::vector<diagnostic>& errors,
                                            std::string_view comment_prefix) {
    std::vector<std::string> lines;
    for (const auto& error : errors) {
        lines.push_back(std::string(comment_prefix) + one_line(to_string(error.where)) + ": " +
                        one_line(error.message));
    }
    return lines;
}

} // namespace hakit::emit::text
