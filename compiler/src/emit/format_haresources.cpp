// Two ResourceManager quirks decide where a group may not be joined onto one line (reference
// §2.3): '#' text on a continuation line is a word, not a comment, so such words must stay on a
// continuation line; and a '\' (or a lone CR) ending a line's last word would join (or end) the
// line, so a blank is kept after it.
#include "format_codes.hpp"
#include "format_haresources.hpp"
#include "format_layout.hpp"
#include "format_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace hakit::emit::format {
namespace {

using grammar::resource_group_line;
using grammar::token;

std::vector<token> words_of(const resource_group_line& group) {
    std::vector<token> words{group.owner};
    for (const auto& resource : group.resources) {
        words.push_back(resource.text);
    }
    return words;
}

std::string joined(std::vector<token>::const_iterator first,
                   std::vector<token>::const_iterator last) {
    return text::join_words(std::vector<token>(first, last));
}

bool ends_line_badly(const std::string& word) {
    return !word.empty() && (word.back() == '\\' || word.back() == '\r');
}

// A blank after a last word that ends in '\' or CR keeps the line as it was read.
void guard_line_end(std::string& line, const token& last_word, std::vector<diagnostic>& out) {
    if (!ends_line_badly(last_word.text)) {
        return;
    }
    line += ' ';
    out.push_back(format_codes::make(
        format_codes::line_end_blank_kept, last_word.where,
        fmt::format("'{}' ends in {}; the formatted line keeps one blank after it, since at the "
                    "very end of a line it would {}",
                    text::one_line(last_word.text),
                    last_word.text.back() == '\\' ? "a backslash" : "a carriage return",
                    last_word.text.back() == '\\' ? "join the next line to this group"
                                                  : "be read as part of the line ending")));
}

std::vector<std::string> render(const resource_group_line& group, const std::string* comment,
                                std::vector<diagnostic>& out) {
    const std::vector<token> words = words_of(group);
    auto hash = std::find_if(words.begin(), words.end(), [](const token& word) {
        return word.text.find('#') != std::string::npos;
    });
    if (hash == words.end()) {
        std::string line = text::join_words(words);
        if (comment != nullptr) {
            line += ' ';
            line += *comment;
        } else {
            guard_line_end(line, words.back(), out);
        }
        return {line};
    }
    // Words from the first one holding '#' on go on a continuation line, where '#' is text.
    // (A group with such words spans several lines, so it never has a '#' comment.)
    std::string first = joined(words.begin(), hash);
    first += first.empty() ? "\\" : " \\";
    std::string rest = "    " + joined(hash, words.end());
    guard_line_end(rest, words.back(), out);
    return {first, rest};
}

} // namespace

formatted format_haresources(const node_folder& folder) {
    const grammar::haresources_file& file = *folder.haresources;
    formatted result;

    std::map<std::size_t, const resource_group_line*> group_at; // any line of a group
    for (const auto& group : file.groups) {
        for (std::size_t line = group.first_line; line <= group.last_line; ++line) {
            group_at[line] = &group;
        }
    }
    std::map<const resource_group_line*, std::string> trailing;
    std::vector<layout::comment_line> comments;
    for (const auto& comment : file.comments) {
        const std::string text = text::clean_comment(comment.text);
        if (auto found = group_at.find(comment.where.line); found != group_at.end()) {
            trailing[found->second] = text;
        } else {
            comments.push_back({comment.where.line, text});
        }
    }

    std::vector<layout::entry> entries;
    for (const auto& group : file.groups) {
        const auto comment = trailing.find(&group);
        entries.push_back({group.first_line, group.last_line,
                           render(group, comment == trailing.end() ? nullptr : &comment->second,
                                  result.diagnostics),
                           0, 0});
    }
    result.text = layout::join_lines(layout::arrange(entries, comments));
    return result;
}

} // namespace hakit::emit::format
