// Actions that build the authkeys tree. An entry is filled while its statement is read and only
// committed when the statement matched as a whole: PEGTL never undoes an action, so the pieces of
// a line that then fails are dropped by the recovery rule.
#pragma once

#include "authkeys/errors.hpp"
#include "authkeys/grammar.hpp"
#include "common/located.hpp"

#include <hakit/grammar/authkeys.hpp>

#include <tao/pegtl.hpp>

#include <cassert>
#include <charconv>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace hakit::grammar::authkeys {

using common::location_of;
using common::token_of;

// The value of a matched `number` ([+-]digits). sscanf's %d has no defined result past the
// range; clamping keeps any absurd index absurd.
inline long index_value(std::string_view text) {
    const bool negative = text.front() == '-';
    if (text.front() == '+') {
        text.remove_prefix(1);
    }
    long value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
        return negative ? std::numeric_limits<long>::min() : std::numeric_limits<long>::max();
    }
    return value;
}

struct file_state {
    authkeys_file& file;
    const std::string& path;
    auth_directive pending_auth;
    key_entry pending_key;
    const char* pending_error = nullptr; // set by control<>::raise

    file_state(authkeys_file& out, const std::string& file_path) : file(out), path(file_path) {}
};

template <typename Rule> struct action : tao::pegtl::nothing<Rule> {};

template <> struct action<rules::comment> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.file.comments.push_back(token_of(in, state.path));
    }
};

template <> struct action<rules::auth_keyword> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.pending_auth.keyword = token_of(in, state.path);
        state.pending_auth.line = state.pending_auth.keyword.where.line;
    }
};

template <> struct action<rules::auth_index> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.pending_auth.index = token_of(in, state.path);
        state.pending_auth.value = index_value(in.string_view());
    }
};

template <> struct action<rules::auth_statement> {
    template <typename ActionInput> static void apply(const ActionInput&, file_state& state) {
        state.file.entries.emplace_back(std::exchange(state.pending_auth, {}));
    }
};

template <> struct action<rules::key_index> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.pending_key.index = token_of(in, state.path);
        state.pending_key.value = index_value(in.string_view());
        state.pending_key.line = state.pending_key.index.where.line;
    }
};

template <> struct action<rules::method> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.pending_key.method = token_of(in, state.path);
    }
};

template <> struct action<rules::key> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.pending_key.key = token_of(in, state.path);
    }
};

template <> struct action<rules::ignored_word> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.pending_key.ignored.push_back(token_of(in, state.path));
    }
};

template <> struct action<rules::key_statement> {
    template <typename ActionInput> static void apply(const ActionInput&, file_state& state) {
        state.file.entries.emplace_back(std::exchange(state.pending_key, {}));
    }
};

// The error sits at the line's first non-blank byte, where the recovered statement begins.
template <> struct action<rules::invalid_entry> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        assert(state.pending_error != nullptr && "only reached after a must<> raised");
        state.file.errors.push_back(syntax_error{location_of(in, state.path), state.pending_error});
        state.pending_auth = {};
        state.pending_key = {};
    }
};

} // namespace hakit::grammar::authkeys
