// Small pieces several rules share. Header-only on purpose: CMakeLists.txt lists one .cpp per
// rule, and a test compares that count with the registered rules.
#pragma once

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <variant>

namespace hakit::lint {

// A finding about a whole file, not one of its lines.
inline location whole_file(const std::string& path) {
    return location{path, 0, 0};
}

// Defaults are located at line 0; point at the top of the file instead.
inline location or_file_start(const location& where, const std::string& file) {
    return where.line == 0 ? location{file, 1, 1} : where;
}

// The note on a time (in ms) that a finding is compared with: where the file sets it, or the
// default Heartbeat uses.
inline note time_note(std::string_view name, const ir::value<long>& time) {
    if (time.is_explicit()) {
        return {time.where, fmt::format("{} set here", name)};
    }
    return {time.where, fmt::format("{} defaults to {} ms", name, time.v)};
}

// Reports, as the IR builder wrote them, its problems of one kind.
inline void report_problems(const node_folder& folder, ir::problem_kind kind, const rule_meta& meta,
                            sink& out) {
    for (const auto& found : folder.ir.problems) {
        if (found.kind == kind) {
            out.report(meta, found.where, found.message, found.notes);
        }
    }
}

// Calls visit(key_line) for each key line of an authkeys file, in file order.
template <typename Visit> void for_each_key_line(const grammar::authkeys_file& file, Visit visit) {
    for (const auto& entry : file.entries) {
        if (const auto* key_line = std::get_if<grammar::key_entry>(&entry)) {
            visit(*key_line);
        }
    }
}

// True when the IR builder found a problem (a value Heartbeat rejects, a forbidden repeat) at
// exactly this token: Heartbeat never applied it.
inline bool rejected_at(const node_folder& folder, const location& where) {
    for (const auto& found : folder.ir.problems) {
        if (found.where == where) {
            return true;
        }
    }
    return false;
}

// True when Heartbeat rejects a value on the line that set `time` (e.g. the lone "ms" of
// "keepalive 1000 ms", reported by HA102): the value kept from that line is not what the author
// meant, so timing rules do not judge it a second time.
inline bool set_on_rejected_line(const node_folder& folder, const ir::value<long>& time) {
    if (!time.is_explicit()) {
        return false;
    }
    for (const auto& found : folder.ir.problems) {
        if (found.kind == ir::problem_kind::invalid_value && found.where.file == time.where.file &&
            found.where.line == time.where.line) {
            return true;
        }
    }
    return false;
}

// True for a word holding template markup (`{{`, `{%`, `<%`, `${` and their closers): the file
// was never rendered. HA010 reports the markup; other rules skip such words instead of judging
// them as values.
inline bool has_template_markup(std::string_view word) {
    for (const std::string_view mark : {"{{", "}}", "{%", "%}", "<%", "%>", "${"}) {
        if (word.find(mark) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

} // namespace hakit::lint
