// The rule registry and the sink rules report into.
#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <algorithm>

namespace hakit::lint {
namespace {

// Function-local so registrars in other translation units never see it unconstructed.
std::vector<registered_rule>& registry() {
    static std::vector<registered_rule> rules;
    return rules;
}

// Kept sorted by code on insertion, so all_rules() needs no lazy step.
void add_rule(const registered_rule& rule) {
    auto& rules = registry();
    const auto position =
        std::upper_bound(rules.begin(), rules.end(), rule,
                         [](const auto& a, const auto& b) { return a.meta->code < b.meta->code; });
    rules.insert(position, rule);
}

} // namespace

void sink::report(const rule_meta& rule, const location& where, std::string message,
                  std::vector<note> notes) {
    report_as(rule, rule.level, where, std::move(message), std::move(notes));
}

void sink::report_as(const rule_meta& rule, severity level, const location& where,
                     std::string message, std::vector<note> notes) {
    diagnostics_.push_back(diagnostic{
        .code = std::string(rule.code),
        .rule = std::string(rule.name),
        .level = level,
        .message = std::move(message),
        .where = where,
        .notes = std::move(notes),
    });
}

registrar::registrar(const rule_meta& meta, node_check check) {
    add_rule(registered_rule{.meta = &meta, .check_node = check, .check_cluster = nullptr});
}

registrar::registrar(const rule_meta& meta, cluster_check check) {
    add_rule(registered_rule{.meta = &meta, .check_node = nullptr, .check_cluster = check});
}

const std::vector<registered_rule>& all_rules() {
    return registry();
}

const registered_rule* find_rule(std::string_view code_or_name) {
    for (const auto& rule : registry()) {
        if (values::iequals(rule.meta->code, code_or_name) ||
            values::iequals(rule.meta->name, code_or_name)) {
            return &rule;
        }
    }
    return nullptr;
}

} // namespace hakit::lint
