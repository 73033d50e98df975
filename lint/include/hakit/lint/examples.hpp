// Rule examples: small node folders written as one text (format in rule.hpp).
#pragma once

#include <hakit/compiler/load.hpp>

#include <string_view>
#include <vector>

namespace hakit::lint {

// One node_folder per folder the example names ("" for files without a folder prefix,
// which becomes the folder "example"). Folders come in the order they first appear.
// Throws std::invalid_argument on a malformed example.
std::vector<node_folder> load_example(std::string_view text);

} // namespace hakit::lint
