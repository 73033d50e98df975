// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
#include <hakit/lint/render.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

std::string_view command_for(severity level) {
    switch (level) {
    case severity::error:
        return "error";
    case severity::warning:
        return "warning";
    case severity::info:
        return "notice";
    }
    return "notice";
}

// The escaping of @actions/core (toCommandValue/escapeData): the runner decodes these.
std::string escape_data(std::string_view text) {
    std::string result;
    for (const char c : text) {
        switch (c) {
        case '%':
            result += "%25";
            break;
        case '\r':
            result += "%0D";
            break;
        case '\n':
            result += "%0A";
            break;
        default:
            result += c;
        }
    }
    return result;
}

// Property values also end at ',' and '::'.
std::string escape_property(std::string_view text) {
    std::string result;
    for (const char c : escape_data(text)) {
        if (c == ':') {
            result += "%3A";
        } else if (c == ',') {
            result += "%2C";
        } else {
            result += c;
        }
    }
    return result;
}

std::string note_line(const note& related) {
    const std::string file = printable(related.where.file);
    if (related.where.line == 0) {
        return fmt::format("{}: note: {}", file, printable(related.message));
    }
    return fmt::format("{}:{}:{}: note: {}", file, related.where.line, related.where.column,
                       printable(related.message));
}

} // namespace

void render_github(std::ostream& out, const std::vector<diagnostic>& diagnostics) {
    for (const auto& finding : diagnostics) {
        // GitHub matches the path against the repository: "./srv5/ha.cf" would not match.
        std::string_view file = finding.where.file;
        while (file.starts_with("./")) {
            file.remove_prefix(2);
        }
        std::string properties = "file=" + escape_property(valid_utf8(file));
        if (finding.where.line != 0) {
            properties += fmt::format(",line={}", finding.where.line);
            if (finding.where.column != 0) {
                properties += fmt::format(",col={}", finding.where.column);
            }
        }
        properties += ",title=" + escape_property(fmt::format("{} {}", finding.code, finding.rule));

        // Messages are one line; notes follow on lines of their own (the runner turns %0A back
        // into a line break inside the annotation).
        std::string message = printable(finding.message);
        for (const auto& related : finding.notes) {
            message += '\n' + note_line(related);
        }
        out << "::" << command_for(finding.level) << ' ' << properties
            << "::" << escape_data(valid_utf8(message)) << '\n';
    }
}

} // namespace hakit::lint
