// The one finding type shared by parsers, the IR builder, lint rules and emitters.
#pragma once

#include <hakit/grammar/source.hpp>

#include <cstddef>
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

// One replacement of bytes in a file: `length` bytes starting at `where` (1-based line and
// byte column; the bytes may run over line ends) become `replacement`. length 0 inserts.
struct text_edit {
    location where;
    std::size_t length = 0;
    std::string replacement;
};

// How to repair a finding without changing what the cluster does (docs/autofix.md): text edits
// in `file` and/or new permission bits for it. Edits of one fix never overlap.
struct fix {
    std::string description; // imperative, e.g. "rename 'udp' to 'bcast'"
    std::string file;        // the file every edit and the mode apply to
    std::vector<text_edit> edits;
    std::optional<unsigned> mode; // new permission bits (st_mode & 07777)
};

struct diagnostic {
    std::string code; // stable, never reused, e.g. "HA104"
    std::string rule; // kebab-case name of the problem, e.g. "deadtime-too-short"
    severity level = severity::error;
    std::string message;
    location where;
    std::vector<note> notes;
    // Set only when the repair keeps the cluster's behaviour (hacheck --fix, docs/autofix.md).
    std::optional<hakit::fix> fix = std::nullopt;
};

// Deterministic order: file, line, column, code, message.
bool diagnostic_less(const diagnostic& a, const diagnostic& b);
void sort_diagnostics(std::vector<diagnostic>& diagnostics);

} // namespace hakit
