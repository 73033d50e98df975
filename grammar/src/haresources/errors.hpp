// The message of every must<>'d rule of the haresources grammars, and the control that keeps it
// for the recovery rule.
#pragma once

#include "haresources/grammar.hpp"

#include <tao/pegtl.hpp>

namespace hakit::grammar::haresources {

template <typename Rule> inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message< rules::script_name > = "resource has no script name before '::'";
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

} // namespace hakit::grammar::haresources
