// harun's state directory (default /var/lib/harun): the generation file and the control socket.
#pragma once

#include <hakit/runtime/node/outcome.hpp>

#include <filesystem>

namespace hakit::runtime::node {

inline constexpr const char* default_state_dir = "/var/lib/harun";

// Creates the directory (and its parents) when missing, mode 0700 for the last one since the
// control socket in it accepts commands; fails when the path exists and is not a directory.
outcome<std::filesystem::path> prepare_state_dir(const std::filesystem::path& dir);

} // namespace hakit::runtime::node
