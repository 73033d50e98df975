// Output formats for diagnostics.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/source.hpp>

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace hakit::lint {

// Sources by path, so renderers can quote the offending line.
using source_index = std::map<std::string, shared_source>;

struct summary {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t files = 0;
};
summary summarize(const std::vector<diagnostic>& diagnostics, std::size_t files);

// gcc/clang shape: "file:line:col: severity: message [CODE rule]", the source line and a caret,
// then the notes; a closing count line. `color` adds ANSI colours.
void render_text(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                 const source_index& sources, const summary& totals, bool color);

// One JSON object: {"diagnostics":[...], "summary":{...}} (see docs/json-output.md).
void render_json(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                 const summary& totals);

} // namespace hakit::lint
