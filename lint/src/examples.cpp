// Turns a rule example ("== [folder/]file [mode] ==" sections) into in-memory node folders.
#include <hakit/lint/examples.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace hakit::lint {
namespace {

constexpr std::string_view default_folder = "example";
constexpr std::array<std::string_view, 4> known_files{"ha.cf", "haresources", "authkeys",
                                                      "nodeinfo"};

struct header {
    std::string folder; // "" when the file has no folder prefix
    std::string file;
    std::optional<unsigned> mode;
};

struct folder_files {
    std::string path;
    std::map<std::string, std::string> files;
    std::optional<unsigned> authkeys_mode;
};

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The text between "== " and " ==", or nothing when the line is not a header.
std::optional<std::string_view> header_body(std::string_view line) {
    constexpr std::string_view open = "== ";
    constexpr std::string_view close = " ==";
    if (line.size() < open.size() + close.size() || !line.starts_with(open) ||
        !line.ends_with(close)) {
        return std::nullopt;
    }
    return line.substr(open.size(), line.size() - open.size() - close.size());
}

unsigned parse_mode(std::string_view text, std::string_view line) {
    const bool octal_digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '7';
    });
    if (!octal_digits || text.size() > 5) {
        throw std::invalid_argument(
            fmt::format("example header '{}': mode '{}' is not octal", line, text));
    }
    unsigned mode = 0;
    for (const char digit : text) {
        mode = mode * 8U + static_cast<unsigned>(digit - '0');
    }
    if (mode > 07777U) {
        throw std::invalid_argument(
            fmt::format("example header '{}': mode '{}' is above 7777", line, text));
    }
    return mode;
}

header parse_header(std::string_view body, std::string_view line) {
    body = trim(body);
    const auto blank = body.find_first_of(" \t");
    const std::string_view name = body.substr(0, blank);
    const std::string_view mode_text =
        blank == std::string_view::npos ? std::string_view{} : trim(body.substr(blank));
    if (mode_text.find_first_of(" \t") != std::string_view::npos) {
        throw std::invalid_argument(
            fmt::format("example header '{}': expected '[folder/]file [mode]'", line));
    }

    header result;
    const auto slash = name.rfind('/');
    if (slash != std::string_view::npos) {
        result.folder = std::string(name.substr(0, slash));
        if (result.folder.empty()) {
            throw std::invalid_argument(
                fmt::format("example header '{}': empty folder name", line));
        }
    }
    result.file = std::string(name.substr(slash == std::string_view::npos ? 0 : slash + 1));
    if (std::find(known_files.begin(), known_files.end(), result.file) == known_files.end()) {
        throw std::invalid_argument(fmt::format(
            "example header '{}': unknown file '{}' (ha.cf, haresources, authkeys, nodeinfo)", line,
            result.file));
    }
    if (!mode_text.empty()) {
        if (result.file != "authkeys") {
            // Only the authkeys mode means anything to a node folder.
            throw std::invalid_argument(
                fmt::format("example header '{}': only authkeys takes a mode", line));
        }
        result.mode = parse_mode(mode_text, line);
    }
    return result;
}

// A deque keeps `contents` (a pointer into a folder's map) valid while folders are added.
folder_files& folder_for(std::deque<folder_files>& folders, const std::string& name) {
    const std::string path = name.empty() ? std::string(default_folder) : name;
    const auto found = std::find_if(folders.begin(), folders.end(),
                                    [&](const folder_files& f) { return f.path == path; });
    if (found != folders.end()) {
        return *found;
    }
    folders.push_back({path, {}, std::nullopt});
    return folders.back();
}

} // namespace

std::vector<node_folder> load_example(std::string_view text) {
    std::deque<folder_files> folders;
    std::string* contents = nullptr; // the file the current lines belong to

    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto next = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line =
            text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
        const std::string_view with_newline = text.substr(start, next - start);
        start = next;

        if (const auto body = header_body(line)) {
            const header parsed = parse_header(*body, line);
            folder_files& folder = folder_for(folders, parsed.folder);
            const auto [slot, inserted] = folder.files.try_emplace(parsed.file);
            if (!inserted) {
                throw std::invalid_argument(fmt::format("example names '{}' twice in folder '{}'",
                                                        parsed.file, folder.path));
            }
            if (parsed.mode) {
                folder.authkeys_mode = parsed.mode;
            }
            contents = &slot->second;
            continue;
        }
        if (contents == nullptr) {
            if (!trim(line).empty()) {
                throw std::invalid_argument(
                    fmt::format("example text before the first '== file ==' header: '{}'", line));
            }
            continue;
        }
        contents->append(with_newline);
    }
    if (folders.empty()) {
        throw std::invalid_argument("example has no '== file ==' header");
    }

    std::vector<node_folder> result;
    result.reserve(folders.size());
    for (const folder_files& folder : folders) {
        result.push_back(load_node_folder_from_memory(folder.path, folder.files,
                                                      folder.authkeys_mode, std::nullopt));
    }
    return result;
}

} // namespace hakit::lint
