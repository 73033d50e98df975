// Per-peer sequence numbers within one generation (reference §4.8): accept the next, notice
// gaps, accept a late packet only if it was missing, reject everything else as a replay.
// harun does not ask for retransmission; it counts and moves on.
// Every packet goes out on every medium, and the copy on a slower medium may arrive after the
// next packet on a faster one: a copy of one of the last few accepted packets is therefore a
// duplicate (it proves its medium works), only older ones are replays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>

namespace hakit::runtime::membership {

enum class sequence_verdict { accepted, duplicate, replayed };

struct sequence_result {
    sequence_verdict verdict = sequence_verdict::accepted;
    std::uint64_t first_missing = 0; // a gap, when gap_size > 0
    std::uint64_t gap_size = 0;
    bool recovered = false; // accepted a packet that was recorded as missing
};

class sequence_tracker {
  public:
    // Heartbeat gives up on a gap of more than MAXMSGHIST/2 packets and starts afresh.
    static constexpr std::size_t max_missing = 250;
    // How many recently accepted sequence numbers count as duplicates when seen again.
    static constexpr std::size_t duplicate_window = 16;

    sequence_result observe(std::uint64_t seq);
    void reset();

    std::optional<std::uint64_t> last() const { return last_; }
    std::size_t missing_count() const { return missing_.size(); }

  private:
    std::optional<std::uint64_t> last_;
    std::set<std::uint64_t> missing_;
    std::deque<std::uint64_t> recent_; // the last accepted numbers, at most duplicate_window

    void remember(std::uint64_t seq);
};

} // namespace hakit::runtime::membership
