// Runs every rule over the loaded node folders.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/rule.hpp>

#include <vector>

namespace hakit::lint {

// Node rules on each folder; cluster rules once over all of them when there are two or
// more folders (node folders given together are one cluster). Sorted deterministically,
// exact duplicates dropped.
std::vector<diagnostic> check(const std::vector<node_folder>& folders);

// The same with an explicit rule set (all_rules() above); lets tests run rules of their own
// without registering them.
std::vector<diagnostic> check(const std::vector<node_folder>& folders,
                              const std::vector<registered_rule>& rules);

} // namespace hakit::lint
