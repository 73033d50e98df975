// Output formats for diagnostics.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/source.hpp>
#include <hakit/lint/rule.hpp>

#include <map>
#include <ostream>
#include <string>
#include <string_view>
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

// "file:line:col: severity: message [CODE rule]" and "file:line:col: note: message", one line
// each, no excerpt and no summary: the shape editors and problem matchers parse. A whole-file
// finding (line 0) prints as "file: severity: ...", a line without column as "file:line: ...".
void render_gcc(std::ostream& out, const std::vector<diagnostic>& diagnostics);

struct sarif_options {
    // tool.driver.rules, in this order; all_rules() when null.
    const std::vector<registered_rule>* rules = nullptr;
    // tool.driver.version and semanticVersion; left out when empty.
    std::string tool_version;
    // tool.driver.informationUri, an absolute URI; left out when empty.
    std::string information_uri;
    // Each rule's helpUri is rules_url + "<name>.md"; absolute; left out when empty.
    std::string rules_url;
};

// SARIF 2.1.0, one run, one result per finding (see docs/output-formats.md). `sources` turns
// byte columns into code points and feeds the partial fingerprints.
void render_sarif(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                  const source_index& sources, const sarif_options& options);

// GitHub Actions workflow commands: "::error file=F,line=L,col=C,title=CODE rule::message",
// warning and notice for the other severities; notes are extra lines of the message.
void render_github(std::ostream& out, const std::vector<diagnostic>& diagnostics);

// JUnit XML: a testsuite per file (every file of `sources` and every file a finding names), a
// failing testcase per finding, a passing "no problems" testcase for a file without findings.
void render_junit(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                  const source_index& sources);

// A finding's identity across runs, independent of its line number: a hash of the rule code,
// the file (without leading "./") and the finding's source line with blanks normalised (only
// the first two words of an authkeys line, so no key enters it). 16 hex digits.
std::string finding_fingerprint(const diagnostic& finding, const source_index& sources);

// `text` with control characters shown as escapes ("\r", "\n", "\x1b"), as text output does:
// bytes from a config file never reach a terminal or a log raw.
std::string printable(std::string_view text);

// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD, for formats that must
// be UTF-8 (Latin-1 comments exist in the wild).
std::string valid_utf8(std::string_view text);

} // namespace hakit::lint
