// Actions that turn one matched ha.cf line into a directive and/or a comment. They fill a
// per-line state; parse.cpp commits it to the file once the whole line is read, because PEGTL
// never undoes an action.
#pragma once

#include "ha_cf/grammar.hpp"

#include <hakit/grammar/ha_cf.hpp>

#include <tao/pegtl.hpp>

#include <optional>
#include <string>

namespace hakit::grammar::ha_cf {

struct line_state {
    std::optional<ha_cf_directive> directive;
    std::optional<ha_cf_comment> comment;
};

template <typename ActionInput> token token_of(const ActionInput& in) {
    const auto where = in.position();
    return token{in.string(), location{where.source, where.line, where.column}};
}

template <typename Rule> struct action : tao::pegtl::nothing<Rule> {};

template <> struct action<rules::directive_name> {
    template <typename ActionInput> static void apply(const ActionInput& in, line_state& state) {
        ha_cf_directive& directive = state.directive.emplace();
        directive.name = token_of(in);
        directive.line = directive.name.where.line;
        // An empty rest sits just after the name, where its first byte would be.
        directive.rest.where = directive.name.where;
        directive.rest.where.column += directive.name.text.size();
    }
};

// Whole-line field (split on whitespace only).
template <> struct action<rules::field> {
    template <typename ActionInput> static void apply(const ActionInput& in, line_state& state) {
        state.directive->args.push_back(token_of(in));
    }
};

// Option-list value (split on whitespace and commas).
template <> struct action<rules::option> {
    template <typename ActionInput> static void apply(const ActionInput& in, line_state& state) {
        state.directive->args.push_back(token_of(in));
    }
};

template <> struct action<rules::whole_line_rest> {
    template <typename ActionInput> static void apply(const ActionInput& in, line_state& state) {
        state.directive->rest = token_of(in);
    }
};

template <> struct action<rules::option_list_rest> {
    template <typename ActionInput> static void apply(const ActionInput& in, line_state& state) {
        state.directive->rest = token_of(in);
    }
};

template <> struct action<rules::whole_line_directive> {
    static void apply0(line_state& state) { state.directive->split = ha_cf_split::whole_line; }
};

template <> struct action<rules::comment> {
    template <typename ActionInput> static void apply(const ActionInput& in, line_state& state) {
        // Only blanks can precede a comment that is not after a directive.
        state.comment = ha_cf_comment{token_of(in), !state.directive.has_value()};
    }
};

} // namespace hakit::grammar::ha_cf
