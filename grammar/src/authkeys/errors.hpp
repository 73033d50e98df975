// The message of every must<>'d rule of the authkeys grammar, and the control that keeps it for
// the recovery rule. A message never quotes the line: it may hold a key.
#pragma once

#include "authkeys/grammar.hpp"
#include "common/recovering_control.hpp"

namespace hakit::grammar::authkeys {

template <typename Rule> inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message< rules::auth_statement > = "invalid auth line (expected: auth N)";
template <> inline constexpr const char* error_message< rules::key_statement > = "invalid key line (expected: INDEX METHOD [KEY])";
// clang-format on

struct errors {
    template <typename Rule> static constexpr const char* message = error_message<Rule>;
};

template <typename Rule> using control = common::recovering<errors>::control<Rule>;

} // namespace hakit::grammar::authkeys
