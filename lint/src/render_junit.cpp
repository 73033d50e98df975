// JUnit XML for CI test reports (GitLab, Jenkins, Azure): a testsuite per file, a failing
// testcase per finding, a passing one for each file without findings.
#include <hakit/lint/render.hpp>

#include <fmt/format.h>

#include <map>
#include <sstream>

namespace hakit::lint {
namespace {

// XML 1.0 allows no control character but tab, newline and carriage return, not even as a
// character reference: the others are dropped. Attribute values keep their line breaks and
// tabs only as references (a parser would normalise them to spaces).
std::string xml_escaped(std::string_view text, bool attribute) {
    std::string result;
    for (const char c : valid_utf8(text)) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '&':
            result += "&amp;";
            break;
        case '<':
            result += "&lt;";
            break;
        case '>':
            result += "&gt;";
            break;
        case '"':
            result += attribute ? "&quot;" : "\"";
            break;
        case '\t':
        case '\n':
        case '\r':
            result += attribute ? fmt::format("&#{};", byte) : std::string(1, c);
            break;
        default:
            if (byte >= 0x20U) {
                result += c;
            }
        }
    }
    return result;
}

std::string attribute(std::string_view text) {
    return xml_escaped(text, true);
}

std::string content(std::string_view text) {
    return xml_escaped(text, false);
}

std::string gcc_lines(const diagnostic& finding) {
    std::ostringstream lines;
    render_gcc(lines, {finding});
    std::string text = lines.str();
    if (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

std::string testcase_name(const diagnostic& finding) {
    if (finding.where.line == 0) {
        return fmt::format("{} {}", finding.code, finding.rule);
    }
    return fmt::format("{} {} at line {}, column {}", finding.code, finding.rule,
                       finding.where.line, finding.where.column);
}

} // namespace

void render_junit(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                  const source_index& sources) {
    // Every checked file, plus the files findings name (a missing file is one).
    std::map<std::string, std::vector<const diagnostic*>> by_file;
    for (const auto& [path, source] : sources) {
        by_file[path];
    }
    for (const auto& finding : diagnostics) {
        by_file[finding.where.file].push_back(&finding);
    }
    std::size_t clean_files = 0;
    for (const auto& [path, findings] : by_file) {
        clean_files += findings.empty() ? 1U : 0U;
    }

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << fmt::format("<testsuites name=\"hacheck\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                       diagnostics.size() + clean_files, diagnostics.size());
    for (const auto& [path, findings] : by_file) {
        const std::string file = attribute(path);
        const std::size_t tests = findings.empty() ? 1 : findings.size();
        out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                           "skipped=\"0\">\n",
                           file, tests, findings.size());
        if (findings.empty()) {
            out << fmt::format("    <testcase name=\"no problems\" classname=\"{}\"/>\n", file);
        }
        for (const diagnostic* finding : findings) {
            out << fmt::format("    <testcase name=\"{}\" classname=\"{}\">\n",
                               attribute(testcase_name(*finding)), file);
            out << fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                               attribute(printable(finding->message)), to_string(finding->level),
                               content(gcc_lines(*finding)));
            out << "    </testcase>\n";
        }
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
}

} // namespace hakit::lint
