// The gcc/clang text format: location, severity, message, the source line with a caret, notes.
#include <hakit/lint/line_content.hpp>
#include <hakit/lint/render.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hakit::lint {
namespace {

constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view bold = "\x1b[1m";

std::string_view severity_color(std::string_view word) {
    if (word == "error") {
        return "\x1b[1;31m";
    }
    if (word == "warning") {
        return "\x1b[1;33m";
    }
    return "\x1b[1;36m"; // info and note
}

// "file:line:col", or just "file" for line 0 (no line: a default, a missing file).
std::string location_text(const location& where) {
    if (where.line == 0) {
        return where.file;
    }
    return to_string(where);
}

void write_heading(std::ostream& out, const location& where, std::string_view word,
                   std::string_view message, bool color) {
    if (color) {
        out << bold << location_text(where) << ':' << reset << ' ' << severity_color(word) << word
            << ':' << reset << ' ' << message;
    } else {
        out << location_text(where) << ": " << word << ": " << message;
    }
}

bool is_control(char byte) {
    const auto value = static_cast<unsigned char>(byte);
    return (value < 0x20U && byte != '\t') || value == 0x7FU;
}

// Config files can hold any bytes: never send a raw control character (an escape sequence
// in a crafted file) to the terminal. Messages show it as an escape, excerpts as '?' so the
// caret still lines up.
std::string escaped(std::string_view text) {
    std::string result;
    for (const char byte : text) {
        if (!is_control(byte)) {
            result += byte;
        } else if (byte == '\r') {
            result += "\\r";
        } else if (byte == '\n') {
            result += "\\n";
        } else {
            result += fmt::format("\\x{:02x}", static_cast<unsigned char>(byte));
        }
    }
    return result;
}

std::string masked(std::string_view line) {
    std::string result(line);
    std::replace_if(result.begin(), result.end(), is_control, '?');
    return result;
}

bool is_utf8_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

// Blanks that line up with the first `column - 1` bytes of `line` on a terminal: tabs are
// kept, UTF-8 continuation bytes take no cell, anything past the end of the line is a space.
std::string caret_padding(std::string_view line, std::size_t column) {
    std::string padding;
    const std::size_t prefix = column - 1;
    for (std::size_t i = 0; i < prefix; ++i) {
        if (i >= line.size()) {
            padding += ' ';
        } else if (line[i] == '\t') {
            padding += '\t';
        } else if (!is_utf8_continuation(line[i])) {
            padding += ' ';
        }
    }
    return padding;
}

void write_excerpt(std::ostream& out, const location& where, const source_index& sources) {
    if (where.line == 0) {
        return;
    }
    const auto found = sources.find(where.file);
    if (found == sources.end() || !found->second || where.line > found->second->line_count()) {
        return;
    }
    const std::string_view text = found->second->line_text(where.line);
    // An excerpt must not put a key into CI logs.
    const std::string line = without_key(text, where.file);
    const std::string number = std::to_string(where.line);
    const std::size_t gutter = std::max<std::size_t>(5, number.size());
    out << fmt::format("{:>{}} | {}\n", number, gutter, masked(line));
    if (where.column != 0) {
        out << fmt::format("{:>{}} | {}^\n", "", gutter, caret_padding(line, where.column));
    }
}

std::string count(std::size_t n, std::string_view singular) {
    return fmt::format("{} {}{}", n, singular, n == 1 ? "" : "s");
}

} // namespace

summary summarize(const std::vector<diagnostic>& diagnostics, std::size_t files) {
    summary totals;
    totals.files = files;
    for (const auto& finding : diagnostics) {
        switch (finding.level) {
        case severity::error:
            ++totals.errors;
            break;
        case severity::warning:
            ++totals.warnings;
            break;
        case severity::info:
            ++totals.infos;
            break;
        }
    }
    return totals;
}

void render_text(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                 const source_index& sources, const summary& totals, bool color) {
    for (const auto& finding : diagnostics) {
        write_heading(
            out, finding.where, to_string(finding.level),
            fmt::format("{} [{} {}]", escaped(finding.message), finding.code, finding.rule), color);
        out << '\n';
        write_excerpt(out, finding.where, sources);
        for (const auto& related : finding.notes) {
            write_heading(out, related.where, "note", escaped(related.message), color);
            out << '\n';
        }
        if (finding.fix) {
            write_heading(out, finding.where, "help",
                          "fixable with --fix: " + escaped(finding.fix->description), color);
            out << '\n';
        }
    }
    const std::string files = count(totals.files, "file");
    if (totals.errors + totals.warnings + totals.infos == 0) {
        out << "no problems in " << files << '\n';
    } else {
        out << count(totals.errors, "error") << ", " << count(totals.warnings, "warning") << ", "
            << count(totals.infos, "info") << " in " << files << '\n';
    }
}

} // namespace hakit::lint
