// Golden files: expected outputs kept in the repository, compared byte for byte.
#pragma once

#include <filesystem>
#include <string>

namespace hakit::test {

// True when the environment has HAKIT_UPDATE_GOLDEN=1: golden tests then rewrite their files
// with the current output instead of comparing.
bool updating_goldens();

// A line diff of two texts in the unified style: "-" lines only in `expected`, "+" lines only
// in `actual`, two lines of context, "@@ -line +line @@" before each hunk. A carriage return
// shows as "\r" and a missing final newline is said, so invisible differences show.
std::string line_diff(const std::string& expected, const std::string& actual);

// Compares `actual` with the golden file, or rewrites the file when updating_goldens().
// Returns "" when they match (or after rewriting), otherwise a message with the diff.
std::string check_golden(const std::filesystem::path& golden, const std::string& actual);

} // namespace hakit::test
