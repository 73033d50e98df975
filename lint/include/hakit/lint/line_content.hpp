// What of a configuration line may leave hacheck: excerpts, SARIF fingerprints and baselines
// quote lines, and an authkeys line holds a key that must never be quoted.
#pragma once

#include <string>
#include <string_view>

namespace hakit::lint {

// True when the file's name is an authkeys file (by its last path component).
bool is_authkeys_file(std::string_view path);

// Whitespace runs collapsed to one space, leading and trailing ones dropped. For an authkeys
// line only its first two words ("1 sha1") are kept.
std::string normalized_content(std::string_view line, std::string_view file);

// The line as written, except that on an authkeys line every byte of the key (the third word
// on) becomes '*': same length, so a caret under the line still lines up.
std::string without_key(std::string_view line, std::string_view file);

} // namespace hakit::lint
