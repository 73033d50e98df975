// The gcc format: one line per finding and per note, nothing else, for editors and problem
// matchers (Emacs compilation-mode, Vim quickfix, VS Code's $gcc).
#include <hakit/lint/render.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

// "file:line:col", "file:line" without a column, "file" for a whole-file finding.
std::string location_prefix(const location& where) {
    const std::string file = printable(where.file);
    if (where.line == 0) {
        return file;
    }
    if (where.column == 0) {
        return fmt::format("{}:{}", file, where.line);
    }
    return fmt::format("{}:{}:{}", file, where.line, where.column);
}

} // namespace

void render_gcc(std::ostream& out, const std::vector<diagnostic>& diagnostics) {
    for (const auto& finding : diagnostics) {
        out << fmt::format("{}: {}: {} [{} {}]\n", location_prefix(finding.where),
                           to_string(finding.level), printable(finding.message), finding.code,
                           finding.rule);
        for (const auto& related : finding.notes) {
            out << fmt::format("{}: note: {}\n", location_prefix(related.where),
                               printable(related.message));
        }
    }
}

} // namespace hakit::lint
