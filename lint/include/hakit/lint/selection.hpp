// --select / --ignore: which rules' findings are reported. A selector is a rule code (HA103),
// a rule name (deadtime-too-short) or a code prefix (HA1, HA10), ASCII case-insensitive.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/rule.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// Splits repeatable, comma-separated option values ("HA1,HA2" "HA301") into selectors; blanks
// around them are dropped, empty ones too.
std::vector<std::string> split_selectors(const std::vector<std::string>& values);

// The selector names the rule: its code or name, or a prefix of its code (at least "HA").
bool selector_matches(std::string_view selector, const rule_meta& rule);

// Selectors that match none of `rules`, in the order given.
std::vector<std::string> unknown_selectors(const std::vector<std::string>& selectors,
                                           const std::vector<registered_rule>& rules);

struct rule_selection {
    std::vector<std::string> select = {}; // empty: every rule
    std::vector<std::string> ignore = {}; // wins over select
};

// A rule is selected when `select` is empty or one of its selectors matches it, and no
// selector of `ignore` matches it.
bool is_selected(const rule_selection& selection, const rule_meta& rule);

// Keeps the findings of selected rules. A finding whose code no registered rule has (none
// today) is kept when `select` is empty.
std::vector<diagnostic> apply_selection(std::vector<diagnostic> findings,
                                        const rule_selection& selection);

} // namespace hakit::lint
