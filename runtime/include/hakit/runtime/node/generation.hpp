// Heartbeat's generation counter (reference §4.8): a file of 16 bytes, the decimal number
// right-aligned in 15 characters and a newline, incremented at every start so that peers can
// tell a restart from a replay.
#pragma once

#include <hakit/runtime/node/outcome.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hakit::runtime::node {

inline constexpr std::string_view generation_file_name = "hb_generation";

std::string format_generation(std::uint64_t generation);              // exactly 16 bytes
outcome<std::uint64_t> parse_generation(std::string_view file_bytes); // strict

struct generation_start {
    std::uint64_t generation = 0;
    bool fresh = false; // there was no file: started from the clock
};

// Reads the generation file in `state_dir` (see prepare_state_dir), increments it
// (or starts at `now_seconds` when there is none) and writes it back atomically (temporary file,
// fsync, rename, fsync of the directory). A corrupt file is refused, never overwritten.
outcome<generation_start> advance_generation(const std::filesystem::path& state_dir,
                                             std::uint64_t now_seconds);

} // namespace hakit::runtime::node
