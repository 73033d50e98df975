// Rule selection by code, name or code prefix.
#include <hakit/compiler/values.hpp>
#include <hakit/lint/selection.hpp>

#include <algorithm>

namespace hakit::lint {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool any_matches(const std::vector<std::string>& selectors, const rule_meta& rule) {
    return std::any_of(selectors.begin(), selectors.end(),
                       [&](const std::string& s) { return selector_matches(s, rule); });
}

} // namespace

std::vector<std::string> split_selectors(const std::vector<std::string>& values) {
    std::vector<std::string> selectors;
    for (const std::string_view value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto comma = std::min(value.find(',', start), value.size());
            const auto selector = trimmed(value.substr(start, comma - start));
            if (!selector.empty()) {
                selectors.emplace_back(selector);
            }
            start = comma + 1;
        }
    }
    return selectors;
}

bool selector_matches(std::string_view selector, const rule_meta& rule) {
    if (values::iequals(selector, rule.name)) {
        return true;
    }
    return selector.size() >= 2 && selector.size() <= rule.code.size() &&
           values::iequals(selector, rule.code.substr(0, selector.size()));
}

std::vector<std::string> unknown_selectors(const std::vector<std::string>& selectors,
                                           const std::vector<registered_rule>& rules) {
    std::vector<std::string> unknown;
    for (const auto& selector : selectors) {
        const bool known = std::any_of(rules.begin(), rules.end(), [&](const auto& rule) {
            return selector_matches(selector, *rule.meta);
        });
        if (!known) {
            unknown.push_back(selector);
        }
    }
    return unknown;
}

bool is_selected(const rule_selection& selection, const rule_meta& rule) {
    return (selection.select.empty() || any_matches(selection.select, rule)) &&
           !any_matches(selection.ignore, rule);
}

std::vector<diagnostic> apply_selection(std::vector<diagnostic> findings,
                                        const rule_selection& selection) {
    std::erase_if(findings, [&](const diagnostic& finding) {
        const registered_rule* rule = find_rule(finding.code);
        return rule == nullptr ? !selection.select.empty() : !is_selected(selection, *rule->meta);
    });
    return findings;
}

} // namespace hakit::lint
