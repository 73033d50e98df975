// The harun command line: run, status, standby, takeover.
#pragma once

namespace hakit::runtime::daemon {

// Exit codes: 0 ok, 1 runtime failure, 2 usage.
int run_harun(int argc, const char* const* argv);

} // namespace hakit::runtime::daemon
