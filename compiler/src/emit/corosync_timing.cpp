#include "corosync_timing.hpp"

#include <algorithm>

namespace hakit::emit {

totem_timing derive_totem_timing(long deadtime_ms, long keepalive_ms,
                                 std::optional<long> explicit_warntime_ms) {
    totem_timing timing;
    // token + consensus = deadtime with consensus >= 1.2 x token: token = floor(deadtime/2.2).
    timing.token_ms = deadtime_ms * 5 / 11;
    timing.consensus_ms = deadtime_ms - timing.token_ms;
    if (timing.token_ms < minimum_token_ms) {
        timing.token_raised = true;
        timing.token_ms = minimum_token_ms;
        timing.consensus_ms = minimum_token_ms * 6 / 5;
    }
    // token / (n + 0.2) ~ keepalive, rounded so retransmissions are never more frequent than
    // keepalive: n = floor(token/keepalive - 0.2), in integers floor((5 token - k) / 5k).
    const long keepalive = std::max(1L, keepalive_ms);
    const long by_keepalive = (5 * timing.token_ms - keepalive) / (5 * keepalive);
    // token / (n + 0.2) >= 30 ms: n <= floor(token/30 - 0.2) = floor((token - 6) / 30).
    const long most = (timing.token_ms - 6) / minimum_retransmit_ms;
    timing.retransmits_before_loss = std::clamp(by_keepalive, default_retransmits, most);
    if (explicit_warntime_ms && deadtime_ms > 0) {
        // Warn after the same share of the way to a failure as Heartbeat's warntime.
        const long percent = (*explicit_warntime_ms * 100 + deadtime_ms / 2) / deadtime_ms;
        if (percent >= 1 && percent <= 99) {
            timing.token_warning_percent = percent;
        }
    }
    return timing;
}

} // namespace hakit::emit
