// Small text helpers shared by the canonical formatters (ha.cf, haresources, authkeys) and the
// dot target: blank handling, word joining, and the comment block for --force.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/token.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit::text {

// Blanks as far as trailing-blank removal goes: space, tab, CR, form feed, vertical tab.
bool is_blank(char c);
std::string_view trim_right(std::string_view text);
std::string_view trim(std::string_view text);

// The token texts joined by single spaces.
std::string join_words(const std::vector<grammar::token>& words);

// A comment as the canonical files write it: its text from '#' on, trailing blanks removed.
std::string clean_comment(std::string_view comment);

// Control characters (newlines included) replaced by spaces, so a message fits on one line.
std::string one_line(std::string_view text);

// "file:line:col: message" for each error, each prefixed with `comment_prefix` ("# ", "// ").
std::vector<std::string> forced_error_lines(const std::vector<diagnostic>& errors,
                                            std::string_view comment_prefix);

} // namespace hakit::emit::text
