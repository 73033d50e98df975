#include <hakit/grammar/diagnostic.hpp>

#include <algorithm>
#include <tuple>

namespace hakit {

std::string_view to_string(severity level) {
    switch (level) {
    case severity::info:
        return "info";
    case severity::warning:
        return "warning";
    case severity::error:
        return "error";
    }
    return "error";
}

std::optional<severity> parse_severity(std::string_view text) {
    if (text == "info") {
        return severity::info;
    }
    if (text == "warning") {
        return severity::warning;
    }
    if (text == "error") {
        return severity::error;
    }
    return std::nullopt;
}

bool diagnostic_less(const diagnostic& a, const diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column, a.code, a.message) <
           std::tie(b.where.file, b.where.line, b.where.column, b.code, b.message);
}

void sort_diagnostics(std::vector<diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), diagnostic_less);
}

} // namespace hakit
