// The layout shared by the three canonical formatters: which own-line comments go with which
// entry (a directive, a resource group, an authkeys line), the order of the entries, and where
// blank lines go. The rules are chosen so that formatting the output again attaches every
// comment to the same entry, which makes the formatter idempotent:
//
// - Comment lines form paragraphs (runs of consecutive comment lines).
// - Before the first entry, the paragraph touching it precedes it; the others are the header.
// - Between two entries, a paragraph touching the earlier entry and not the later one, or
//   followed by more paragraphs, follows the earlier entry; every other paragraph precedes the
//   later entry.
// - After the last entry, a paragraph touching it follows it; the others are the footer.
// - Output: header, entries sorted by (section, rank) keeping file order for ties, footer. A
//   blank line separates header, sections, footer and paragraphs, comes before an entry with
//   preceding comments and after an entry with following comments; nowhere else.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hakit::emit::layout {

struct entry {
    std::size_t first_line = 0; // source lines it covers (1-based, inclusive)
    std::size_t last_line = 0;
    std::vector<std::string> lines; // its canonical text, one string per output line
    int section = 0;                // a blank line separates different sections
    int rank = 0;                   // order inside the output, after section
};

struct comment_line {
    std::size_t line = 0; // never inside an entry's lines
    std::string text;
};

// `entries` and `comments` in file order. Returns the lines of the output file.
std::vector<std::string> arrange(const std::vector<entry>& entries,
                                 const std::vector<comment_line>& comments);

// The lines joined with '\n', each ending with one (empty for no lines).
std::string join_lines(const std::vector<std::string>& lines);

} // namespace hakit::emit::layout
