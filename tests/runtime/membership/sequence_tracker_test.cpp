// Sequence numbers within one generation (reference §4.8).
#include <hakit/runtime/membership/sequence_tracker.hpp>

#include <catch2/catch.hpp>

namespace hakit::runtime::membership {

TEST_CASE("sequence tracker: next accepted, same is a duplicate, older is a replay",
          "[runtime][membership]") {
    sequence_tracker tracker;
    CHECK(tracker.observe(7).verdict == sequence_verdict::accepted); // any first number
    CHECK(tracker.observe(8).verdict == sequence_verdict::accepted);
    CHECK(tracker.observe(8).verdict == sequence_verdict::duplicate);
    CHECK(tracker.observe(7).verdict == sequence_verdict::duplicate); // a slower medium's copy
    CHECK(tracker.observe(1).verdict == sequence_verdict::replayed);  // never seen
    CHECK(tracker.last() == 8u);
}

TEST_CASE("sequence tracker: only the last few accepted numbers count as copies",
          "[runtime][membership]") {
    sequence_tracker tracker;
    for (std::uint64_t seq = 1; seq <= 40; ++seq) {
        REQUIRE(tracker.observe(seq).verdict == sequence_verdict::accepted);
    }
    const std::uint64_t oldest_copy = 40 - sequence_tracker::duplicate_window + 1;
    CHECK(tracker.observe(oldest_copy).verdict == sequence_verdict::duplicate);
    CHECK(tracker.observe(oldest_copy - 1).verdict == sequence_verdict::replayed);
    CHECK(tracker.observe(2).verdict == sequence_verdict::replayed);
}

TEST_CASE("sequence tracker: a gap is reported and its packets are accepted once, late",
          "[runtime][membership]") {
    sequence_tracker tracker;
    tracker.observe(10);
    const sequence_result gap = tracker.observe(14);
    CHECK(gap.verdict == sequence_verdict::accepted);
    CHECK(gap.first_missing == 11u);
    CHECK(gap.gap_size == 3u);
    CHECK(tracker.missing_count() == 3u);

    const sequence_result late = tracker.observe(12);
    CHECK(late.verdict == sequence_verdict::accepted);
    CHECK(late.recovered);
    // its copy from the other medium is a duplicate
    CHECK(tracker.observe(12).verdict == sequence_verdict::duplicate);
    CHECK(tracker.missing_count() == 2u);
    CHECK(tracker.last() == 14u); // a late packet does not move the high-water mark
}

TEST_CASE("sequence tracker: a gap too large to fill is not remembered", "[runtime][membership]") {
    sequence_tracker tracker;
    tracker.observe(1);
    const sequence_result gap = tracker.observe(1000);
    CHECK(gap.gap_size == 998u);
    CHECK(tracker.missing_count() == 0u);
    CHECK(tracker.observe(500).verdict == sequence_verdict::replayed);

    // many small gaps never keep more than max_missing holes
    for (std::uint64_t seq = 1002; seq < 2000; seq += 2) {
        tracker.observe(seq);
    }
    CHECK(tracker.missing_count() == sequence_tracker::max_missing);
}

TEST_CASE("sequence tracker: reset starts a new generation", "[runtime][membership]") {
    sequence_tracker tracker;
    tracker.observe(50);
    tracker.reset();
    CHECK_FALSE(tracker.last());
    CHECK(tracker.observe(1).verdict == sequence_verdict::accepted);
}

} // namespace hakit::runtime::membership
