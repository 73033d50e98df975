// A '\' that is not the very last byte of a haresources line continues nothing.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA202",
    .name = "blank-after-backslash",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a blank or CR after '\\' in haresources ends the group there",
    .doc = R"md(
## Why is this bad?
Heartbeat joins a haresources line with the next one only when `\` is immediately followed by
the newline (`config.c` tests the byte before `\n`; `ResourceManager` does the same). A space, a
tab or the `\r` of a CRLF line ending after the `\` ends the group on that line. The next
physical line is then read as a new group whose first word must be a node, which it rarely is:
Heartbeat 3.0.6 refuses to start with `Bad nodename`.

## How to fix it
Delete the blanks after the `\` (and convert CRLF line endings to LF), or write the whole group
on one line.

`hacheck --fix` deletes the blanks and the `\r` after the `\` when Heartbeat cannot be running
this file today: the next line starts with a word that is not a declared node (Heartbeat refuses
it), or there is no next line. When the next line starts with a node name, the two lines are two
valid groups now and joining them would change the resources, so the fix is left to you.
)md",
    // Ordinary literals: the blank after the backslash must survive editors and formatters.
    .bad = "== haresources ==\n"
           "node1 IPaddr::10.0.0.1 \\ \n"
           "  httpd\n",
    .good = "== haresources ==\n"
            "node1 IPaddr::10.0.0.1 \\\n"
            "  httpd\n",
};

// Names what follows the '\'. Line texts come without "\n" or "\r\n", so nothing after it
// means the line ended in CRLF.
std::string what_follows(const grammar::haresources_file& file, const location& where) {
    std::string_view rest = file.source->line_text(where.line);
    rest.remove_prefix(std::min(rest.size(), where.column == 0 ? 0 : where.column - 1));
    if (!rest.empty() && rest.front() == '\\') {
        rest.remove_prefix(1);
    }
    if (rest.empty()) {
        return "the '\\r' of a CRLF line ending";
    }
    if (rest.find_first_not_of('\r') == std::string_view::npos) {
        return "a '\\r'";
    }
    return "a blank";
}

bool is_declared_node(const node_folder& folder, std::string_view word) {
    std::string lowered(word);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(folder.ir.nodes.begin(), folder.ir.nodes.end(),
                       [&](const ir::node_entry& node) { return node.name == lowered; });
}

// Deleting what follows the '\' (only blanks and '\r' up to the newline) joins the next line
// to this group. Safe only when Heartbeat refuses the file as it is: the next line is a group
// whose first word is not a declared node (nodes known from ha.cf), or there is no next line.
std::optional<fix> join_fix(const node_folder& folder, const location& backslash,
                            const grammar::resource_group_line* next_group) {
    const auto& file = *folder.haresources;
    const bool last_line = backslash.line >= file.source->line_count();
    if (!last_line && (next_group == nullptr || folder.ir.nodes.empty() ||
                       is_declared_node(folder, next_group->owner.text))) {
        return std::nullopt;
    }
    const std::string_view bytes = file.source->bytes();
    std::size_t line_begin = 0;
    for (std::size_t line = 1; line < backslash.line; ++line) {
        line_begin = bytes.find('\n', line_begin) + 1;
    }
    const std::size_t after = line_begin + backslash.column; // the byte after the '\'
    std::size_t end = after;
    while (end < bytes.size() && (bytes[end] == ' ' || bytes[end] == '\t' || bytes[end] == '\r')) {
        ++end;
    }
    if (end == after || (end < bytes.size() && bytes[end] != '\n')) {
        return std::nullopt; // a comment follows: deleting the blanks would not continue the line
    }
    return fix{
        .description = "delete the blanks after '\\'",
        .file = backslash.file,
        .edits = {text_edit{location{backslash.file, backslash.line, backslash.column + 1},
                            end - after, ""}},
        .mode = std::nullopt,
    };
}

void check(const node_folder& folder, sink& out) {
    if (!folder.haresources) {
        return;
    }
    const auto& file = *folder.haresources;
    for (const location& backslash : file.blank_after_backslash) {
        std::vector<note> notes;
        const grammar::resource_group_line* next_group = nullptr;
        for (const auto& group : file.groups) {
            if (group.first_line == backslash.line + 1) {
                next_group = &group;
                notes.push_back(
                    {group.owner.where,
                     fmt::format("so this line is a new group owned by '{}'", group.owner.text)});
                break;
            }
        }
        out.report(meta, backslash,
                   fmt::format("{} after '\\' ends the group here: Heartbeat reads the next "
                               "line as a new group (whose first word must be a node)",
                               what_follows(file, backslash)),
                   std::move(notes));
        if (auto repair = join_fix(folder, backslash, next_group)) {
            out.attach_fix(std::move(*repair));
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
