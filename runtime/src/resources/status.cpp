#include <hakit/runtime/resources/status.hpp>

#include <cstddef>

namespace hakit::runtime::resources {
namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// [Rr]unning: only the first letter may be upper case.
bool has_running_from(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i + 7 <= text.size(); ++i) {
        if ((text[i] == 'R' || text[i] == 'r') && text.substr(i + 1, 6) == "unning") {
            return true;
        }
    }
    return false;
}

// *[Nn][Oo][Tt]\ *[Rr]unning*: "not" in any case, one space, then [Rr]unning anywhere after.
// The leftmost "not " leaves the longest tail, so it alone decides.
bool says_not_running(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if (lower(text[i]) == 'n' && lower(text[i + 1]) == 'o' && lower(text[i + 2]) == 't' &&
            text[i + 3] == ' ') {
            return has_running_from(text, i + 4);
        }
    }
    return false;
}

} // namespace

bool status_says_running(std::string_view status_stdout) {
    if (says_not_running(status_stdout)) {
        return false;
    }
    return has_running_from(status_stdout, 0) || status_stdout.find("OK") != std::string_view::npos;
}

} // namespace hakit::runtime::resources
