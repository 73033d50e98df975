// The one finding type shared by parsers, the IR builder, lint rules and emitters.
#pragma once

#include <hakit/grammar/source.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit {

enum class severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(severity level);
std::optional<severity> parse_severity(std::string_view text);

struct note {
    location where;
    std::string message;
};

struct diagnostic {
    std::string code; // stable, never reused, e.g. "HA104"
    std::string rule; // kebab-case name of the problem, e.g. "deadtime-too-short"
    severity level = severity::error;
    std::string message;
    location where;
    std::vector<note> notes;
};

// Deterministic order: file, line, column, code, message.
bool diagnostic_less(const diagnostic& a, const diagnostic& b);
void sort_diagnostics(std::vector<diagnostic>& diagnostics);

} // namespace hakit
