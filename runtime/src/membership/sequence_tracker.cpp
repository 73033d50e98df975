#include <hakit/runtime/membership/sequence_tracker.hpp>

#include <algorithm>

namespace hakit::runtime::membership {

sequence_result sequence_tracker::observe(std::uint64_t seq) {
    sequence_result result;
    if (!last_) {
        // First packet of a generation: any number is a valid start.
        last_ = seq;
        remember(seq);
        return result;
    }
    if (seq == *last_) {
        result.verdict = sequence_verdict::duplicate;
        return result;
    }
    if (seq < *last_) {
        if (missing_.erase(seq) > 0) {
            result.recovered = true;
            remember(seq);
            return result;
        }
        const bool recent = std::find(recent_.begin(), recent_.end(), seq) != recent_.end();
        result.verdict = recent ? sequence_verdict::duplicate : sequence_verdict::replayed;
        return result;
    }
    const std::uint64_t gap = seq - *last_ - 1;
    if (gap > 0) {
        result.first_missing = *last_ + 1;
        result.gap_size = gap;
        if (gap > max_missing) {
            missing_.clear(); // too far behind to fill in: start afresh from this packet
        } else {
            for (std::uint64_t missing = *last_ + 1; missing < seq; ++missing) {
                missing_.insert(missing);
            }
            while (missing_.size() > max_missing) {
                missing_.erase(missing_.begin()); // the oldest holes will never be filled
            }
        }
    }
    last_ = seq;
    remember(seq);
    return result;
}

void sequence_tracker::remember(std::uint64_t seq) {
    recent_.push_back(seq);
    if (recent_.size() > duplicate_window) {
        recent_.pop_front();
    }
}

void sequence_tracker::reset() {
    last_.reset();
    missing_.clear();
    recent_.clear();
}

} // namespace hakit::runtime::membership
