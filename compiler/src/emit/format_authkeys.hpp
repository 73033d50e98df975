// The canonical authkeys: `auth N` lines first, then the key lines by index (`N method key`),
// comments kept with their line. When moving `auth` first would change the sending key (it
// followed its key line) or a line does not parse, the file order is kept.
#pragma once

#include "format_files.hpp"

namespace hakit::emit::format {

formatted format_authkeys(const node_folder& folder);

} // namespace hakit::emit::format
