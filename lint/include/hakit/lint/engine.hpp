// Runs every rule over the loaded node folders.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>

#include <vector>

namespace hakit::lint {

// Node rules on each folder; cluster rules once over all of them when there are two or
// more folders (node folders given together are one cluster). Sorted deterministically.
std::vector<diagnostic> check(const std::vector<node_folder>& folders);

} // namespace hakit::lint
