// The message of every must<>'d rule of the haresources grammars, and the control that keeps it
// for the recovery rule.
#pragma once

#include "common/recovering_control.hpp"
#include "haresources/grammar.hpp"

namespace hakit::grammar::haresources {

template <typename Rule> inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message< rules::script_name > = "resource has no script name before '::'";
// clang-format on

struct errors {
    template <typename Rule> static constexpr const char* message = error_message<Rule>;
};

template <typename Rule> using control = common::recovering<errors>::control<Rule>;

} // namespace hakit::grammar::haresources
