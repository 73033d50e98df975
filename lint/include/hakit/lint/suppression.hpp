// Inline suppression comments: `# hacheck: ignore[rule-name,HA103]` as a trailing comment on the
// offending line, or alone on the line before it (docs/configuration.md says where each file
// allows which form so that Heartbeat still reads the file the same way).
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/source.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// The rule that reports suppressions that suppress nothing. Its own findings are never
// suppressed inline (use --ignore or the config file).
inline constexpr std::string_view unused_suppression_code = "HA004";

struct suppressed_rule {
    std::string name;       // as written: a rule code or name, any case
    std::size_t column = 0; // byte column of the name in the comment
};

struct suppression {
    std::string file;
    std::size_t comment_line = 0;
    std::size_t comment_column = 0; // the '#'
    std::size_t target_line = 0;    // findings on this line are suppressed
    bool malformed = false;         // "# hacheck:" but not "ignore[name,...]"
    std::vector<suppressed_rule> rules;
};

// The suppression comments of one file, in line order. Only the forms Heartbeat reads as a
// comment in that file count: ha.cf: a comment anywhere; haresources: a comment line, or a
// trailing comment on a line that neither continues another nor ends with '\'; authkeys: a
// comment line only.
std::vector<suppression> find_suppressions(const source_file& source, file_kind kind);

// The suppression comments of every configuration file of the folder.
std::vector<suppression> find_suppressions(const node_folder& folder);

// `name` (code or rule name, ASCII case-insensitive) names the finding's rule.
bool names_rule(std::string_view name, const diagnostic& finding);

// The comment suppresses the finding: same file, the finding's primary location on the target
// line, and one of the names names its rule.
bool suppresses(const suppression& comment, const diagnostic& finding);

// The findings that no suppression comment of their folders suppresses.
std::vector<diagnostic> apply_suppressions(std::vector<diagnostic> findings,
                                           const std::vector<node_folder>& folders);

} // namespace hakit::lint
