#include "golden.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace hakit::test {
namespace {

constexpr std::size_t context_lines = 2;

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto length = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(0, length));
        text.remove_prefix(length);
    }
    return lines;
}

std::string shown(char mark, std::string_view line) {
    std::string result(1, mark);
    const bool has_newline = !line.empty() && line.back() == '\n';
    for (const char c : has_newline ? line.substr(0, line.size() - 1) : line) {
        result += c == '\r' ? std::string("\\r") : std::string(1, c);
    }
    result += has_newline ? "\n" : "\n\\ no newline at end of file\n";
    return result;
}

struct edit {
    char mark; // ' ' both, '-' expected only, '+' actual only
    std::size_t expected_line;
    std::size_t actual_line;
};

// Longest-common-subsequence edit script; the outputs compared here are at most a few thousand
// lines, so the quadratic table is fine.
std::vector<edit> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> common((a.size() + 1) * columns, 0);
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            common[i * columns + j] =
                a[i] == b[j] ? common[(i + 1) * columns + j + 1] + 1
                             : std::max(common[(i + 1) * columns + j], common[i * columns + j + 1]);
        }
    }
    std::vector<edit> script;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            script.push_back({' ', i++, j++});
        } else if (j == b.size() ||
                   (i < a.size() && common[(i + 1) * columns + j] >= common[i * columns + j + 1])) {
            script.push_back({'-', i++, j});
        } else {
            script.push_back({'+', i, j++});
        }
    }
    return script;
}

} // namespace

bool updating_goldens() {
    const char* value = std::getenv("HAKIT_UPDATE_GOLDEN");
    return value != nullptr && std::string_view(value) == "1";
}

std::string line_diff(const std::string& expected, const std::string& actual) {
    const auto a = split_lines(expected);
    const auto b = split_lines(actual);
    const auto script = edit_script(a, b);

    // Keep the changed lines and their context; a gap starts a new hunk.
    std::vector<bool> keep(script.size(), false);
    for (std::size_t k = 0; k < script.size(); ++k) {
        if (script[k].mark == ' ') {
            continue;
        }
        const std::size_t from = k > context_lines ? k - context_lines : 0;
        const std::size_t to = std::min(script.size(), k + context_lines + 1);
        for (std::size_t n = from; n < to; ++n) {
            keep[n] = true;
        }
    }
    std::string result;
    for (std::size_t k = 0; k < script.size(); ++k) {
        if (!keep[k]) {
            continue;
        }
        if (k == 0 || !keep[k - 1]) {
            result += "@@ -" + std::to_string(script[k].expected_line + 1) + " +" +
                      std::to_string(script[k].actual_line + 1) + " @@\n";
        }
        const auto& line =
            script[k].mark == '+' ? b[script[k].actual_line] : a[script[k].expected_line];
        result += shown(script[k].mark, line);
    }
    return result;
}

std::string check_golden(const fs::path& golden, const std::string& actual) {
    if (updating_goldens()) {
        if (!fs::exists(golden) || read_file(golden) != actual) {
            write_file(golden, actual);
        }
        return "";
    }
    if (!fs::exists(golden)) {
        return "missing golden file " + golden.string() +
               " (run the test with HAKIT_UPDATE_GOLDEN=1 to write it, then review it)";
    }
    const std::string expected = read_file(golden);
    if (expected == actual) {
        return "";
    }
    return "output differs from " + golden.string() + " (- golden, + actual):\n" +
           line_diff(expected, actual);
}

} // namespace hakit::test
