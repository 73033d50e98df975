// How Heartbeat decides from a `status` call whether a resource is running.
#pragma once

#include <string_view>

namespace hakit::runtime::resources {

// ResourceManager's we_own_resource(): only stdout counts, the exit code is ignored. Output
// matching the shell glob *[Nn][Oo][Tt]\ *[Rr]unning* means not running; otherwise output
// matching *[Rr]unning* or *OK* means running; anything else means not running.
bool status_says_running(std::string_view status_stdout);

} // namespace hakit::runtime::resources
