// The hacheck command line: parse the options, load the node folders, run the rules, render
// the findings and return the process exit code.
#pragma once

#include <ostream>

namespace hakit::lint {

// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error.
// `out_is_terminal` decides `--color auto` (together with NO_COLOR).
int run_hacheck(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                bool out_is_terminal);

// The same on std::cout / std::cerr, asking the terminal itself.
int run_hacheck(int argc, const char* const* argv);

} // namespace hakit::lint
