// The message of every must<>'d rule of the authkeys grammar, and the control that keeps it for
// the recovery rule. A message never quotes the line: it may hold a key.
#pragma once

#include "authkeys/grammar.hpp"

#include <tao/pegtl.hpp>

namespace hakit::grammar::authkeys {

template <typename Rule> inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message< rules::auth_statement > = "invalid auth line (expected: auth N)";
template <> inline constexpr const char* error_message< rules::key_statement > = "invalid key line (expected: INDEX METHOD [KEY])";
// clang-format on

// must<> raises; the try_catch<> around the committed rule turns the throw into a local failure,
// and the recovery alternative after it records `pending_error` where its own match begins.
template <typename Rule> struct control : tao::pegtl::normal<Rule> {
    template <typename ParseInput, typename State>
    [[noreturn]] static void raise(const ParseInput& in, State& state) {
        static_assert(error_message<Rule> != nullptr, "every must<>'d rule needs a message");
        state.pending_error = error_message<Rule>;
        throw tao::pegtl::parse_error(error_message<Rule>, in);
    }
};

} // namespace hakit::grammar::authkeys
