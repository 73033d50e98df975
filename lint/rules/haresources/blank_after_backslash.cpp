// A '\' that is not the very last byte of a haresources line continues nothing.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
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

void check(const node_folder& folder, sink& out) {
    if (!folder.haresources) {
        return;
    }
    const auto& file = *folder.haresources;
    for (const location& backslash : file.blank_after_backslash) {
        std::vector<note> notes;
        for (const auto& group : file.groups) {
            if (group.first_line == backslash.line + 1) {
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
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
