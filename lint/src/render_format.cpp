// The format dispatcher, atomic report files, and the text helpers several formats share.
#include <hakit/lint/render_format.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace hakit::lint {
namespace {

constexpr output_format all_formats[] = {output_format::text,   output_format::gcc,
                                         output_format::json,   output_format::sarif,
                                         output_format::github, output_format::junit};

bool is_control(unsigned char byte) {
    return (byte < 0x20U && byte != '\t') || byte == 0x7FU;
}

// Length of the UTF-8 sequence starting at `text[at]`, 0 when it is not one (overlong forms,
// surrogates and code points above U+10FFFF are not UTF-8 either).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80U) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80U;
    unsigned char high = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        low = lead == 0xE0U ? 0xA0U : 0x80U;  // no overlong forms
        high = lead == 0xEDU ? 0x9FU : 0xBFU; // no surrogates
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        low = lead == 0xF0U ? 0x90U : 0x80U;
        high = lead == 0xF4U ? 0x8FU : 0xBFU; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size()) {
        return 0;
    }
    if (byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80U || byte(at + i) > 0xBFU) {
            return 0;
        }
    }
    return length;
}

std::string system_reason() {
    return std::strerror(errno);
}

mode_t current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// False with errno set when a write fails.
bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

} // namespace

const std::vector<std::string>& output_format_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> result;
        for (const auto format : all_formats) {
            result.emplace_back(to_string(format));
        }
        return result;
    }();
    return names;
}

std::string_view to_string(output_format format) {
    switch (format) {
    case output_format::text:
        return "text";
    case output_format::gcc:
        return "gcc";
    case output_format::json:
        return "json";
    case output_format::sarif:
        return "sarif";
    case output_format::github:
        return "github";
    case output_format::junit:
        return "junit";
    }
    return "text";
}

std::optional<output_format> parse_output_format(std::string_view name) {
    for (const auto format : all_formats) {
        if (to_string(format) == name) {
            return format;
        }
    }
    return std::nullopt;
}

output_request parse_output_request(std::string_view argument) {
    const auto equals = argument.find('=');
    if (equals == std::string_view::npos) {
        throw std::invalid_argument(
            fmt::format("--output {}: expected FORMAT=FILE, e.g. sarif=hacheck.sarif", argument));
    }
    const std::string_view name = argument.substr(0, equals);
    const auto format = parse_output_format(name);
    if (!format) {
        throw std::invalid_argument(fmt::format("--output {}: unknown format '{}' (one of {})",
                                                argument, name,
                                                fmt::join(output_format_names(), ", ")));
    }
    const std::string_view file = argument.substr(equals + 1);
    if (file.empty()) {
        throw std::invalid_argument(fmt::format("--output {}: the file name is empty", argument));
    }
    return output_request{*format, std::string(file)};
}

void render(std::ostream& out, output_format format, const render_input& input) {
    static const std::vector<diagnostic> no_diagnostics;
    static const source_index no_sources;
    const auto& diagnostics = input.diagnostics != nullptr ? *input.diagnostics : no_diagnostics;
    const auto& sources = input.sources != nullptr ? *input.sources : no_sources;
    switch (format) {
    case output_format::text:
        render_text(out, diagnostics, sources, input.totals, input.color);
        return;
    case output_format::gcc:
        render_gcc(out, diagnostics);
        return;
    case output_format::json:
        render_json(out, diagnostics, input.totals);
        return;
    case output_format::sarif:
        render_sarif(out, diagnostics, sources, input.sarif);
        return;
    case output_format::github:
        render_github(out, diagnostics);
        return;
    case output_format::junit:
        render_junit(out, diagnostics, sources);
        return;
    }
}

std::string render_to_string(output_format format, const render_input& input) {
    std::ostringstream out;
    render(out, format, input);
    return out.str();
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base.empty() || base == "." || base == "..") {
        throw std::runtime_error(fmt::format("cannot write {}: not a file name", path));
    }
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    const mode_t mode = exists ? (existing.st_mode & 07777U) : (0666U & ~current_umask());

    // Hidden and in the same directory, so the rename stays on one file system.
    std::string temp =
        (slash == std::string::npos ? std::string() : dir) + "." + base + ".tmp.XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        throw std::runtime_error(fmt::format("cannot write {}: {}", path, system_reason()));
    }
    const bool written = write_all(fd, bytes) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
    std::string reason = written ? std::string() : system_reason();
    if (::close(fd) != 0 && written) {
        reason = system_reason();
    }
    if (!reason.empty()) {
        ::unlink(temp.c_str());
        throw std::runtime_error(fmt::format("cannot write {}: {}", path, reason));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        reason = system_reason();
        ::unlink(temp.c_str());
        throw std::runtime_error(fmt::format("cannot write {}: {}", path, reason));
    }
}

std::string printable(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (const char byte : text) {
        const auto value = static_cast<unsigned char>(byte);
        if (!is_control(value)) {
            result += byte;
        } else if (byte == '\r') {
            result += "\\r";
        } else if (byte == '\n') {
            result += "\\n";
        } else {
            result += fmt::format("\\x{:02x}", value);
        }
    }
    return result;
}

std::string valid_utf8(std::string_view text) {
    constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string result;
    result.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) {
            result += replacement;
            ++at;
        } else {
            result += text.substr(at, length);
            at += length;
        }
    }
    return result;
}

} // namespace hakit::lint
