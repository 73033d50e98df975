// The canonical haresources: one group per line (`owner resource resource ...`, continuation
// lines joined), groups in file order, comments kept with their group.
#pragma once

#include "format_files.hpp"

namespace hakit::emit::format {

formatted format_haresources(const node_folder& folder);

} // namespace hakit::emit::format
