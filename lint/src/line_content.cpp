#include <hakit/compiler/load.hpp>
#include <hakit/lint/line_content.hpp>

#include <algorithm>

namespace hakit::lint {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Where the word after the first `words` words starts, or line.size().
std::size_t start_of_word(std::string_view line, std::size_t words) {
    std::size_t at = 0;
    for (std::size_t word = 0;; ++word) {
        while (at < line.size() && is_blank(line[at])) {
            ++at;
        }
        if (word == words || at == line.size()) {
            return at;
        }
        while (at < line.size() && !is_blank(line[at])) {
            ++at;
        }
    }
}

} // namespace

bool is_authkeys_file(std::string_view path) {
    const auto slash = path.rfind('/');
    const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return file_kind_from_name(name) == file_kind::authkeys;
}

std::string normalized_content(std::string_view line, std::string_view file) {
    if (is_authkeys_file(file)) {
        line = line.substr(0, start_of_word(line, 2));
    }
    std::string normalized;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && is_blank(line[at])) {
            ++at;
        }
        const std::size_t start = at;
        while (at < line.size() && !is_blank(line[at])) {
            ++at;
        }
        if (start == at) {
            break;
        }
        if (!normalized.empty()) {
            normalized += ' ';
        }
        normalized.append(line.substr(start, at - start));
    }
    return normalized;
}

std::string without_key(std::string_view line, std::string_view file) {
    std::string shown(line);
    if (is_authkeys_file(file)) {
        const auto key = static_cast<std::ptrdiff_t>(start_of_word(line, 2));
        std::replace_if(
            shown.begin() + key, shown.end(), [](char c) { return !is_blank(c); }, '*');
    }
    return shown;
}

} // namespace hakit::lint
