// A PEGTL control for grammars that recover from a failed must<>: it keeps the rule's message in
// the parse state (`pending_error`) for the recovery rule to record.
#pragma once

#include <tao/pegtl.hpp>

namespace hakit::grammar::common {

// Errors::message<Rule> is the message of every must<>'d Rule (nullptr for the others).
// must<> raises; the try_catch<> around the committed rule turns the throw into a local failure,
// and the recovery alternative after it reads `state.pending_error`.
template <typename Errors> struct recovering {
    template <typename Rule> struct control : tao::pegtl::normal<Rule> {
        template <typename ParseInput, typename State>
        [[noreturn]] static void raise(const ParseInput& in, State& state) {
            constexpr const char* message = Errors::template message<Rule>;
            static_assert(message != nullptr, "every must<>'d rule needs a message");
            state.pending_error = message;
            throw tao::pegtl::parse_error(message, in);
        }
    };
};

} // namespace hakit::grammar::common
