// A rule's documentation page in Markdown, generated from its metadata: docs/rules/<name>.md,
// `hacheck --explain` and the help of SARIF rules all come from here.
#pragma once

#include <hakit/lint/rule.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// "<name>.md", the page's file name in docs/rules/.
std::string rule_page_name(const rule_meta& meta);

// The page: title, summary, a table of the metadata, the rule's own doc, then both examples
// (one code block per file) and what hacheck reports on the bad one (this rule only, in the
// gcc format). Throws std::invalid_argument when an example is malformed.
std::string rule_page(const rule_meta& meta);

// The first paragraph of the doc's "## Why is this bad?" section on one line, else the summary.
std::string rule_description(const rule_meta& meta);

// The committed file: a "generated, do not edit" comment, then rule_page().
std::string rule_page_file(const rule_meta& meta);

// docs/rules/README.md: one table row per rule (code, linked name, severity, whether Heartbeat
// refuses to start, summary), in the order given (all_rules() is sorted by code).
std::string rule_index_file(const std::vector<registered_rule>& rules);

} // namespace hakit::lint
