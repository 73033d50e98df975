// Runs every rule over the loaded node folders.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/rule.hpp>

#include <vector>

namespace hakit::lint {

// Node rules on each folder; cluster rules once over all of them when there are two or
// more folders (node folders given together are one cluster); then the rules about findings
// (unused suppressions) on each folder. Sorted deterministically, exact duplicates dropped.
// Rules read their options from `options` (nullptr: defaults). Nothing is filtered here:
// suppression, selection and baseline come after (docs/configuration.md).
// Host rules (HA5xx) run on each folder only when `host` is given (--host, --resource-dir;
// docs/on-node.md), before the rules about findings.
std::vector<diagnostic> check(const std::vector<node_folder>& folders,
                              const rule_option_values* options = nullptr,
                              const host_context* host = nullptr);

// The same with an explicit rule set (all_rules() above); lets tests run rules of their own
// without registering them.
std::vector<diagnostic> check(const std::vector<node_folder>& folders,
                              const std::vector<registered_rule>& rules,
                              const rule_option_values* options = nullptr,
                              const host_context* host = nullptr);

} // namespace hakit::lint
