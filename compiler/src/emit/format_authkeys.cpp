#include "format_authkeys.hpp"
#include "format_codes.hpp"
#include "format_layout.hpp"
#include "format_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace hakit::emit::format {
namespace {

using grammar::auth_directive;
using grammar::key_entry;
using grammar::token;

constexpr long max_auth = 16; // MAXAUTH: indexes 0..15

std::string_view line_text(const grammar::authkeys_file& file, std::size_t line) {
    return file.source ? file.source->line_text(line) : std::string_view{};
}

std::size_t end_column(const token& word) {
    return word.where.column + word.text.size(); // 1-based column just after the word
}

// What sscanf never reads after `auth N` (often a comment), kept up to a NUL byte.
std::string auth_tail(std::string_view line, const token& index) {
    const std::size_t start = end_column(index) - 1;
    std::string_view tail = start < line.size() ? line.substr(start) : std::string_view{};
    tail = tail.substr(0, tail.find('\0'));
    return std::string(text::trim(tail));
}

std::string render(const auth_directive& auth, std::string_view line) {
    std::string text = auth.keyword.text + " " + auth.index.text;
    if (const std::string tail = auth_tail(line, auth.index); !tail.empty()) {
        text += " " + tail;
    }
    return text;
}

std::string render(const key_entry& key) {
    std::string text = key.index.text + " " + key.method.text;
    if (key.key) {
        text += " " + key.key->text; // the secret: only written with --include-secrets
    }
    for (const auto& word : key.ignored) {
        text += " " + word.text;
    }
    return text;
}

// Canonical order puts every `auth` line before every key: the last `auth N` then selects
// key N if one was accepted. Same sending key as the file order, or keep the file order.
bool canonical_order_keeps_sending_key(const grammar::authkeys_file& file,
                                       const ir::auth_config& auth) {
    std::optional<long> last_auth;
    for (const auto& entry : file.entries) {
        if (const auto* line = std::get_if<auth_directive>(&entry)) {
            last_auth = line->value;
        }
    }
    std::optional<int> canonical;
    if (last_auth && *last_auth >= 0 && *last_auth < max_auth &&
        auth.keys.count(static_cast<int>(*last_auth)) != 0) {
        canonical = static_cast<int>(*last_auth);
    }
    const std::optional<int> current =
        auth.active ? std::optional<int>(auth.active->v) : std::nullopt;
    return canonical == current;
}

const auth_directive* first_auth_after_key(const grammar::authkeys_file& file) {
    bool key_seen = false;
    for (const auto& entry : file.entries) {
        if (std::holds_alternative<key_entry>(entry)) {
            key_seen = true;
        } else if (key_seen) {
            return &std::get<auth_directive>(entry);
        }
    }
    return nullptr;
}

// Heartbeat reads a line as a C string: text after a NUL byte is never seen.
void report_text_after_nul(const grammar::authkeys_file& file,
                           const std::set<std::size_t>& comment_lines,
                           std::vector<diagnostic>& out) {
    if (!file.source) {
        return;
    }
    for (std::size_t line = 1; line <= file.source->line_count(); ++line) {
        const std::string_view text = file.source->line_text(line);
        const auto nul = text.find('\0');
        if (nul == std::string_view::npos || comment_lines.count(line) != 0) {
            continue;
        }
        const std::string_view tail = text.substr(nul);
        if (std::any_of(tail.begin(), tail.end(),
                        [](char c) { return c != '\0' && !text::is_blank(c); })) {
            out.push_back(format_codes::make(
                format_codes::text_after_cut, location{file.source->path(), line, nul + 1},
                "Heartbeat ignores the text after the NUL byte in this line; the formatted "
                "file leaves it out"));
        }
    }
}

} // namespace

formatted format_authkeys(const node_folder& folder) {
    const grammar::authkeys_file& file = *folder.authkeys;
    formatted result;

    std::vector<layout::comment_line> comments;
    std::set<std::size_t> comment_lines;
    for (const auto& comment : file.comments) {
        comments.push_back({comment.where.line, text::clean_comment(comment.text)});
        comment_lines.insert(comment.where.line);
    }

    std::vector<layout::entry> entries;
    for (const auto& entry : file.entries) {
        if (const auto* auth = std::get_if<auth_directive>(&entry)) {
            entries.push_back(
                {auth->line, auth->line, {render(*auth, line_text(file, auth->line))}, 0, 0});
        } else {
            const auto& key = std::get<key_entry>(entry);
            // Keys by index (out-of-range ones at either end); same index keeps file order.
            const int rank = 2 + static_cast<int>(std::clamp(key.value, -1L, max_auth));
            entries.push_back({key.line, key.line, {render(key)}, 0, rank});
        }
    }
    // A line that does not parse is kept as written: dropping it would make the file valid.
    std::set<std::size_t> error_lines;
    for (const auto& error : file.errors) {
        error_lines.insert(error.where.line);
    }
    for (const std::size_t line : error_lines) {
        entries.push_back({line, line, {std::string(text::trim(line_text(file, line)))}, 0, 0});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first_line < b.first_line; });

    bool keep_file_order = !error_lines.empty();
    if (!canonical_order_keeps_sending_key(file, folder.ir.auth)) {
        keep_file_order = true;
        if (const auto* auth = first_auth_after_key(file)) {
            result.diagnostics.push_back(format_codes::make(
                format_codes::auth_order_kept, auth->keyword.where,
                fmt::format("'auth {}' comes after key lines; moving it before them would "
                            "change which key Heartbeat sends with, so the file order is kept",
                            auth->index.text)));
        }
    }
    if (keep_file_order) {
        for (auto& entry : entries) {
            entry.rank = 0;
        }
    }
    result.text = layout::join_lines(layout::arrange(entries, comments));
    report_text_after_nul(file, comment_lines, result.diagnostics);
    return result;
}

} // namespace hakit::emit::format
