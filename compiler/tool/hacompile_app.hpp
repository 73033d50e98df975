// The hacompile command line: parse the options, load and validate the node folders, run the
// target's emitter, print the diagnostics and write the files; returns the exit code.
#pragma once

#include <ostream>

namespace hakit::compile {

// Exit codes: 0 written, 1 validation or emitter errors (nothing written), 2 usage or I/O
// error. `err_is_terminal` decides `--color auto` (together with NO_COLOR).
int run_hacompile(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                  bool err_is_terminal);

// The same on std::cout / std::cerr, asking the terminal itself.
int run_hacompile(int argc, const char* const* argv);

} // namespace hakit::compile
