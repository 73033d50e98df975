// What the three canonical-formatter targets share: one output file per node folder that has
// the file ("ha.cf", or "<node>/ha.cf" when several folders are given), the --force comment
// block on top, and an error when no input has the file at all.
#pragma once

#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>

#include <string>
#include <vector>

namespace hakit::emit::format {

struct formatted {
    std::string text; // the canonical file, every line ending in '\n'
    std::vector<diagnostic> diagnostics;
};

// Formats one folder's file of the target's kind; called only when the folder has that file.
using formatter = formatted (*)(const node_folder& folder);

// The folder names under which per-node files go: the local node name, else the base name of
// the folder's path; characters outside [A-Za-z0-9._-] become '_', duplicates get "-2", "-3"...
// in folder order.
std::vector<std::string> node_directory_names(const std::vector<node_folder>& folders);

emit_result emit_canonical(const emit_input& input, file_kind kind, formatter format,
                           unsigned mode);

} // namespace hakit::emit::format
