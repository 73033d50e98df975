// The rule registry and the sink rules report into.
#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <algorithm>
#include <stdexcept>

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

std::int64_t sink::option(const rule_meta& rule, std::string_view name) const {
    const auto declared = std::find_if(rule.options.begin(), rule.options.end(),
                                       [&](const rule_option& o) { return o.name == name; });
    if (declared == rule.options.end()) {
        throw std::logic_error(std::string(rule.code) + " reads an undeclared option " +
                               std::string(name));
    }
    if (options_ != nullptr) {
        if (const auto rule_values = options_->find(rule.code); rule_values != options_->end()) {
            if (const auto value = rule_values->second.find(name);
                value != rule_values->second.end()) {
                return value->second;
            }
        }
    }
    return declared->default_value;
}

registrar::registrar(const rule_meta& meta, node_check check) {
    add_rule(registered_rule{.meta = &meta, .check_node = check});
}

registrar::registrar(const rule_meta& meta, cluster_check check) {
    add_rule(registered_rule{.meta = &meta, .check_cluster = check});
}

registrar::registrar(const rule_meta& meta, findings_check check) {
    add_rule(registered_rule{.meta = &meta, .check_findings = check});
}

registrar::registrar(const rule_meta& meta, host_check check) {
    add_rule(registered_rule{.meta = &meta, .check_host = check});
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
