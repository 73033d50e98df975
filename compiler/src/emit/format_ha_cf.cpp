#include "format_codes.hpp"
#include "format_ha_cf.hpp"
#include "format_layout.hpp"
#include "format_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace hakit::emit::format {
namespace {

using grammar::ha_cf_directive;
using section = ha_cf_section;

struct placement_row {
    std::string_view name;
    section where;
    int rank;
};

// Equal ranks mark directives whose relative order changes their meaning.
// clang-format off
constexpr std::array placements{
    placement_row{"cluster", section::identity, 0},
    placement_row{"quorum_server", section::identity, 0},
    placement_row{"logfile", section::logging, 0},
    placement_row{"debugfile", section::logging, 1},
    placement_row{"logfacility", section::logging, 2},
    placement_row{"use_logd", section::logging, 3},
    placement_row{"conn_logd_time", section::logging, 4},
    placement_row{"syslogmsgfmt", section::logging, 5},
    placement_row{"log_badpack", section::logging, 6},
    placement_row{"debug", section::logging, 7},
    placement_row{"keepalive", section::timing, 0},
    placement_row{"deadtime", section::timing, 1},
    placement_row{"warntime", section::timing, 2},
    placement_row{"initdead", section::timing, 3},
    placement_row{"deadping", section::timing, 4},
    placement_row{"udpport", section::media, 0},
    placement_row{"baud", section::media, 1},
    placement_row{"bcast", section::media, 2},
    placement_row{"udp", section::media, 2},
    placement_row{"mcast", section::media, 2},
    placement_row{"mcast6", section::media, 2},
    placement_row{"ucast", section::media, 2},
    placement_row{"ucast6", section::media, 2},
    placement_row{"serial", section::media, 2},
    placement_row{"node", section::nodes, 0},
    placement_row{"autojoin", section::nodes, 1},
    placement_row{"ping", section::ping, 0},
    placement_row{"ping6", section::ping, 0},
    placement_row{"ping_group", section::ping, 0},
    placement_row{"auto_failback", section::failback, 0},
    placement_row{"nice_failback", section::failback, 0},
    placement_row{"crmd_spawns_pengine", section::processes, 0},
    placement_row{"pacemaker", section::processes, 0},
    placement_row{"crm", section::processes, 0},
    placement_row{"crm_daemon_dir", section::processes, 0},
    placement_row{"respawn", section::processes, 0},
    placement_row{"failfast", section::processes, 0},
    placement_row{"apiauth", section::processes, 0},
    placement_row{"stonith", section::fencing, 0},
    placement_row{"stonith_host", section::fencing, 0},
    placement_row{"watchdog", section::fencing, 1},
    placement_row{"hopfudge", section::other, 0},
    placement_row{"realtime", section::other, 1},
    placement_row{"rtprio", section::other, 2},
    placement_row{"hbgenmethod", section::other, 3},
    placement_row{"uuidfrom", section::other, 4},
    placement_row{"msgfmt", section::other, 5},
    placement_row{"compression", section::other, 6},
    placement_row{"compression_threshold", section::other, 7},
    placement_row{"traditional_compression", section::other, 8},
    placement_row{"max_rexmit_delay", section::other, 9},
    placement_row{"memreserve", section::other, 10},
    placement_row{"coredumps", section::other, 11},
    placement_row{"coreroot", section::other, 12},
    placement_row{"use_apphbd", section::other, 13},
    placement_row{"env", section::other, 14},
    placement_row{"record_config_changes", section::other, 15},
    placement_row{"record_pengine_inputs", section::other, 16},
    placement_row{"enable_config_writes", section::other, 17},
};
// clang-format on

constexpr int media_rank = 2;

bool uses_udpport(std::string_view name) {
    return name == "bcast" || name == "udp" || name == "ucast" || name == "ucast6";
}

// Moving every udpport (baud) line before the media changes nothing when each medium already
// read the final value; otherwise those lines stay in file order among the media.
struct hoisting {
    bool udpport = true;
    bool baud = true;
};

hoisting check_hoisting(const ir::node_config& config) {
    hoisting result;
    for (const auto& medium : config.media) {
        switch (medium.kind) {
        case ir::medium_kind::bcast:
        case ir::medium_kind::ucast:
        case ir::medium_kind::ucast6:
            result.udpport = result.udpport && medium.port == config.udpport.v;
            break;
        case ir::medium_kind::serial:
            result.baud = result.baud && medium.baud == config.baud.v;
            break;
        default:
            break;
        }
    }
    return result;
}

void report_settings_after_media(const std::vector<ha_cf_directive>& directives,
                                 const hoisting& hoist, std::vector<diagnostic>& out) {
    const ha_cf_directive* port_medium = nullptr;
    const ha_cf_directive* serial_medium = nullptr;
    for (const auto& d : directives) {
        const std::string_view name = d.name.text;
        if (uses_udpport(name) && port_medium == nullptr) {
            port_medium = &d;
        } else if (name == "serial" && serial_medium == nullptr) {
            serial_medium = &d;
        }
        const ha_cf_directive* before = name == "udpport" && !hoist.udpport ? port_medium
                                        : name == "baud" && !hoist.baud     ? serial_medium
                                                                            : nullptr;
        if (before == nullptr) {
            continue;
        }
        auto message =
            fmt::format("{} comes after the {} line at line {}, which Heartbeat read with the "
                        "earlier value; it stays after it so no medium changes its {}",
                        name, before->name.text, before->line, name == "baud" ? "rate" : "port");
        out.push_back(format_codes::make(format_codes::setting_after_media, d.name.where,
                                         std::move(message)));
    }
}

std::string render(const ha_cf_directive& d) {
    std::string line = d.name.text;
    if (!d.args.empty()) {
        line += ' ';
        line += text::join_words(d.args);
    }
    return line;
}

// Heartbeat cuts a line at its first CR or NUL: report text after it that would be lost.
void report_cut_text(const source_file& source, std::vector<diagnostic>& out) {
    for (std::size_t line = 1; line <= source.line_count(); ++line) {
        const std::string_view text = source.line_text(line);
        std::size_t start = 0;
        // The grammar's leading gap: blanks and CR, not '\v' (a name character to Heartbeat).
        while (start < text.size() && (text[start] == ' ' || text[start] == '\t' ||
                                       text[start] == '\f' || text[start] == '\r')) {
            ++start;
        }
        const auto cut = text.find_first_of(std::string_view("\r\0", 2), start);
        if (cut == std::string_view::npos) {
            continue;
        }
        const std::string_view tail = text.substr(cut + 1);
        const bool only_blanks = std::all_of(tail.begin(), tail.end(),
                                             [](char c) { return text::is_blank(c) || c == '\0'; });
        if (!only_blanks) {
            out.push_back(format_codes::make(
                format_codes::text_after_cut, location{source.path(), line, cut + 1},
                fmt::format("Heartbeat ignores the text after the {} in this line; the "
                            "formatted file leaves it out",
                            text[cut] == '\r' ? "carriage return" : "NUL byte")));
        }
    }
}

// "#bcast eth1": a directive switched off by a '#' right before its name. Such a line goes to
// its directive's section, as an entry of its own, instead of to whatever follows it.
std::optional<ha_cf_placement> commented_out_directive(std::string_view comment) {
    if (comment.size() < 2 || comment.front() != '#') {
        return std::nullopt;
    }
    const std::string_view rest = comment.substr(1);
    const auto end = rest.find_first_of(" \t\f");
    const ha_cf_placement place = ha_cf_placement_of(rest.substr(0, end));
    if (place.section == section::unknown) {
        return std::nullopt;
    }
    return place;
}

// Paragraphs made only of commented-out directives become entries placed by their directives;
// they are taken out of `comments`. Paragraphs above the first directive and apart from it are
// the file's header, and a paragraph mixing prose and directives stays with its neighbours.
std::vector<layout::entry> commented_out_entries(const grammar::ha_cf_file& file,
                                                 std::vector<layout::comment_line>& comments) {
    std::vector<layout::entry> entries;
    if (file.directives.empty()) {
        return entries;
    }
    const std::size_t first_directive = file.directives.front().line;
    std::vector<layout::comment_line> kept;
    for (std::size_t begin = 0; begin < comments.size();) {
        std::size_t end = begin + 1;
        while (end < comments.size() && comments[end].line == comments[end - 1].line + 1) {
            ++end;
        }
        std::vector<ha_cf_placement> places;
        for (std::size_t i = begin; i < end; ++i) {
            if (const auto place = commented_out_directive(comments[i].text)) {
                places.push_back(*place);
            }
        }
        const bool movable =
            places.size() == end - begin && (comments[begin].line > first_directive ||
                                             comments[end - 1].line + 1 == first_directive);
        for (std::size_t i = begin; i < end; ++i) {
            auto& comment = comments[i];
            if (movable) {
                const auto& place = places[i - begin];
                entries.push_back({comment.line,
                                   comment.line,
                                   {std::move(comment.text)},
                                   static_cast<int>(place.section),
                                   place.rank});
            } else {
                kept.push_back(std::move(comment));
            }
        }
        begin = end;
    }
    comments = std::move(kept);
    return entries;
}

} // namespace

ha_cf_placement ha_cf_placement_of(std::string_view name) {
    for (const auto& row : placements) {
        if (row.name == name) {
            return {row.where, row.rank};
        }
    }
    return {};
}

formatted format_ha_cf(const node_folder& folder) {
    const grammar::ha_cf_file& file = *folder.ha_cf;
    formatted result;
    const hoisting hoist = check_hoisting(folder.ir);

    std::map<std::size_t, std::string> trailing; // line -> comment after its directive
    std::vector<layout::comment_line> comments;
    for (const auto& comment : file.comments) {
        std::string text = text::clean_comment(comment.text.text);
        if (comment.own_line) {
            comments.push_back({comment.text.where.line, std::move(text)});
        } else {
            trailing[comment.text.where.line] = std::move(text);
        }
    }
    std::vector<layout::entry> entries = commented_out_entries(file, comments);

    for (const auto& d : file.directives) {
        ha_cf_placement place = ha_cf_placement_of(d.name.text);
        const std::string_view name = d.name.text;
        if ((name == "udpport" && !hoist.udpport) || (name == "baud" && !hoist.baud)) {
            place.rank = media_rank;
        }
        std::string line = render(d);
        if (auto found = trailing.find(d.line); found != trailing.end()) {
            line += ' ';
            line += found->second;
        }
        entries.push_back(
            {d.line, d.line, {std::move(line)}, static_cast<int>(place.section), place.rank});
    }

    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first_line < b.first_line; });
    result.text = layout::join_lines(layout::arrange(entries, comments));
    report_settings_after_media(file.directives, hoist, result.diagnostics);
    if (file.source) {
        report_cut_text(*file.source, result.diagnostics);
    }
    return result;
}

} // namespace hakit::emit::format
