// Syntax tree of /etc/ha.d/ha.cf, read the way Heartbeat 3.0.6's parse_config reads it.
#pragma once

#include <hakit/grammar/source.hpp>
#include <hakit/grammar/token.hpp>

#include <cstddef>
#include <vector>

namespace hakit::grammar {

// How the rest of a directive line is split (reference §1.1).
enum class ha_cf_split {
    option_list, // classes A and C-list: split on blanks *and commas*, each token applied alone
    whole_line,  // classes B and C-line (respawn, apiauth, ucast, mcast, ...): split on blanks
};

// Directive names that Heartbeat hands the whole line to (WLdirectives[] and the
// media plugins with a parse() function).
bool is_whole_line_directive(std::string_view name);

struct ha_cf_directive {
    token name;              // case kept; Heartbeat compares names case-sensitively
    std::vector<token> args; // split as `split` says; never empty tokens
    token rest;              // everything after the name, comment cut, outer blanks trimmed
    ha_cf_split split = ha_cf_split::option_list;
    std::size_t line = 0;
};

struct ha_cf_comment {
    token text;            // from '#' to the end of the line, without the line ending
    bool own_line = false; // nothing but blanks before it
};

struct ha_cf_file {
    shared_source source;
    std::vector<ha_cf_directive> directives; // in file order
    std::vector<ha_cf_comment> comments;     // in file order
    std::vector<syntax_error> errors;        // one or more per bad line; other lines still parsed
};

// Never throws on bad input: every problem lands in `errors`, every line is still visited.
ha_cf_file parse_ha_cf(const shared_source& source);

} // namespace hakit::grammar
