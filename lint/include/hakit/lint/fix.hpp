// hacheck --fix and --diff: turning the fixes attached to findings into new file contents, a
// unified diff, and atomic writes (docs/autofix.md).
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/render.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// A fix that cannot be applied: an edit outside its file, a file that changed since it was
// read, a write that failed. Nothing is written for a file that raises it.
class fix_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What the fixes do to one file.
struct file_change {
    std::string path;      // as the findings name it
    std::string old_bytes; // as the file was read
    std::string new_bytes; // with the accepted edits applied (== old_bytes for a mode change)
    unsigned old_mode = 0; // permission bits when read
    std::optional<unsigned> new_mode; // set when a fix changes them
    std::size_t fixes = 0;            // findings repaired by this change
};

struct fix_plan {
    std::vector<file_change> changes; // by path; only files that change
    std::size_t fixed = 0;            // findings whose fix was accepted
    std::size_t skipped = 0;          // fixes left out because they overlap an accepted one
};

// `bytes` with the edits of `fixes` applied. Fixes are taken in the order given; a fix with an
// edit overlapping an edit of an earlier accepted fix is skipped whole (insertions at the same
// point do not overlap: they go in the order of their fixes). `accepted[i]` tells whether
// fixes[i] was applied. Throws fix_error for an edit outside `bytes`.
std::string apply_edits(std::string_view bytes, const std::vector<const fix*>& fixes,
                        std::vector<bool>& accepted);

// The changes the fixes of `findings` make. A file's bytes come from `sources` (what was
// checked) when it is there, else from disk; its mode always from disk.
fix_plan plan_fixes(const std::vector<diagnostic>& findings, const source_index& sources);

// Unified diff of one file (3 lines of context, "--- a/PATH", "+++ b/PATH", "@@" hunks), headed
// by git's "diff --git" line and "old mode 100644" / "new mode 100600" lines for a mode change.
// Empty when nothing changes.
std::string unified_diff(const file_change& change);
std::string unified_diff(const fix_plan& plan);

// Writes each change: new bytes into a temporary file in the same folder, with the old file's
// owner and mode (or the new mode), then renamed over it; a mode-only change is a chmod.
// Symbolic links are followed, so the link stays. Throws fix_error naming the file when the
// file changed since it was read or a step fails; that file is left as it was.
void write_changes(const fix_plan& plan);

} // namespace hakit::lint
