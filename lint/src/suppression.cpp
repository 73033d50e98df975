// Finding and applying `# hacheck: ignore[...]` comments.
#include <hakit/compiler/values.hpp>
#include <hakit/lint/suppression.hpp>

#include <algorithm>
#include <optional>

namespace hakit::lint {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

std::size_t skip_blanks(std::string_view text, std::size_t at) {
    while (at < text.size() && is_blank(text[at])) {
        ++at;
    }
    return at;
}

bool only_blanks(std::string_view text) {
    return std::all_of(text.begin(), text.end(), is_blank);
}

constexpr std::string_view marker = "hacheck:";
constexpr std::string_view keyword = "ignore[";

// Reads the comment starting with the '#' at `hash`; nothing when it is not a hacheck comment.
std::optional<suppression> read_comment(std::string_view line, std::size_t hash) {
    std::size_t at = skip_blanks(line, hash + 1);
    if (line.substr(at, marker.size()) != marker) {
        return std::nullopt;
    }
    suppression comment;
    comment.comment_column = hash + 1;
    at = skip_blanks(line, at + marker.size());
    const auto close = line.find(']', at);
    if (line.substr(at, keyword.size()) != keyword || close == std::string_view::npos) {
        comment.malformed = true;
        return comment;
    }
    at += keyword.size();
    while (at <= close) {
        const std::size_t start = skip_blanks(line, at);
        std::size_t end = start;
        while (end < close && line[end] != ',' && !is_blank(line[end])) {
            ++end;
        }
        const std::size_t after = skip_blanks(line, end);
        if (end == start || (line[after] != ',' && after != close)) {
            comment.malformed = true; // empty name or blank inside a name
            return comment;
        }
        comment.rules.push_back({std::string(line.substr(start, end - start)), start + 1});
        at = after + 1;
    }
    return comment;
}

bool continues_previous(const source_file& source, std::size_t line) {
    return line > 1 && source.line_text(line - 1).ends_with('\\');
}

// Where the comment of `line` starts, for the forms this kind of file allows, with whether it
// stands alone on its line.
std::optional<std::pair<std::size_t, bool>> comment_start(const source_file& source,
                                                          std::size_t line, file_kind kind) {
    const std::string_view text = source.line_text(line);
    const auto hash = text.find('#');
    if (hash == std::string_view::npos) {
        return std::nullopt;
    }
    const bool alone = only_blanks(text.substr(0, hash));
    switch (kind) {
    case file_kind::ha_cf:
        return std::pair{hash, alone};
    case file_kind::haresources:
        // On a continued line '#' is a resource token (HA201), and a trailing comment after
        // which the line ends with '\' is read differently by heartbeat and ResourceManager.
        if (continues_previous(source, line) || (!alone && text.ends_with('\\'))) {
            return std::nullopt;
        }
        return std::pair{hash, alone};
    case file_kind::authkeys:
        if (!alone) {
            return std::nullopt; // "1 crc # x" makes '#' the key: no inline comments here
        }
        return std::pair{hash, alone};
    }
    return std::nullopt;
}

const source_file* source_of(const node_folder& folder, file_kind kind) {
    switch (kind) {
    case file_kind::ha_cf:
        return folder.ha_cf ? folder.ha_cf->source.get() : nullptr;
    case file_kind::haresources:
        return folder.haresources ? folder.haresources->source.get() : nullptr;
    case file_kind::authkeys:
        return folder.authkeys ? folder.authkeys->source.get() : nullptr;
    }
    return nullptr;
}

} // namespace

std::vector<suppression> find_suppressions(const source_file& source, file_kind kind) {
    std::vector<suppression> found;
    for (std::size_t line = 1; line <= source.line_count(); ++line) {
        const auto start = comment_start(source, line, kind);
        if (!start) {
            continue;
        }
        auto comment = read_comment(source.line_text(line), start->first);
        if (!comment) {
            continue;
        }
        comment->file = source.path();
        comment->comment_line = line;
        comment->target_line = start->second ? line + 1 : line;
        found.push_back(std::move(*comment));
    }
    return found;
}

std::vector<suppression> find_suppressions(const node_folder& folder) {
    std::vector<suppression> found;
    for (const file_kind kind : {file_kind::ha_cf, file_kind::haresources, file_kind::authkeys}) {
        if (const source_file* source = source_of(folder, kind)) {
            auto in_file = find_suppressions(*source, kind);
            std::move(in_file.begin(), in_file.end(), std::back_inserter(found));
        }
    }
    return found;
}

bool names_rule(std::string_view name, const diagnostic& finding) {
    return values::iequals(name, finding.code) || values::iequals(name, finding.rule);
}

bool suppresses(const suppression& comment, const diagnostic& finding) {
    return finding.code != unused_suppression_code && finding.where.file == comment.file &&
           finding.where.line == comment.target_line &&
           std::any_of(comment.rules.begin(), comment.rules.end(),
                       [&](const suppressed_rule& r) { return names_rule(r.name, finding); });
}

std::vector<diagnostic> apply_suppressions(std::vector<diagnostic> findings,
                                           const std::vector<node_folder>& folders) {
    std::vector<suppression> comments;
    for (const auto& folder : folders) {
        auto in_folder = find_suppressions(folder);
        std::move(in_folder.begin(), in_folder.end(), std::back_inserter(comments));
    }
    std::erase_if(findings, [&](const diagnostic& finding) {
        return std::any_of(comments.begin(), comments.end(),
                           [&](const suppression& c) { return suppresses(c, finding); });
    });
    return findings;
}

} // namespace hakit::lint
