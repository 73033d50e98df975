// What the ha.cf setters share while the file is applied line by line.
#pragma once

#include <hakit/compiler/ir.hpp>
#include <hakit/grammar/ha_cf.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hakit::resolve {

struct ha_cf_state {
    ir::node_config& config;
    std::string path;

    std::optional<location> watchdog_at;
    std::optional<location> baud_at;
    std::optional<location> pacemaker_at;
    std::optional<location> failback_at; // an explicit auto_failback on/off was applied
    // The bcast and ucast plugins each read udpport once, at their first line, and keep it for
    // their later lines (bcast.c / ucast.c: a static localudpport, read while it is unset).
    std::optional<int> bcast_port;
    std::optional<int> ucast_port;

    void problem(ir::problem_kind kind, const location& where, std::string message,
                 std::vector<note> notes = {}) {
        config.problems.push_back({kind, where, std::move(message), std::move(notes)});
    }
    void invalid(const grammar::token& value, std::string message) {
        problem(ir::problem_kind::invalid_value, value.where, std::move(message));
    }
    template <class T> ir::value<T> explicit_value(T v, const grammar::token& from) const {
        return {std::move(v), from.where, ir::origin::explicit_value};
    }
};

using token_setter = void (*)(ha_cf_state& state, const grammar::ha_cf_directive& directive,
                              const grammar::token& value);
using line_setter = void (*)(ha_cf_state& state, const grammar::ha_cf_directive& directive);

// Each known directive has exactly one of the two.
struct directive_entry {
    std::string_view name;
    token_setter per_token = nullptr; // option-list: applied to each token in turn
    line_setter whole_line = nullptr; // whole-line directives and line media
};

// The Heartbeat 3.0.6 directive table (Directives[], WLdirectives[], shipped HBcomm plugins).
// Its whole-line entries are the names the grammar splits on blanks only
// (grammar::is_whole_line_directive); a test keeps the two lists equal.
std::span<const directive_entry> all_directives();
const directive_entry* find_directive(std::string_view name);
// A known directive close to `name` (other case, or a small typo), for "did you mean".
std::optional<std::string_view> closest_directive(std::string_view name);

// Setters that live in their own files.
void apply_media_line(ha_cf_state& state, const grammar::ha_cf_directive& directive);
void apply_media_token(ha_cf_state& state, const grammar::ha_cf_directive& directive,
                       const grammar::token& value);
void apply_whole_line(ha_cf_state& state, const grammar::ha_cf_directive& directive);

} // namespace hakit::resolve
