// Heartbeat's keepalive/deadtime/warntime as corosync totem timeouts (the rule is written out
// in docs/migration.md, corosync section).
//
// Heartbeat declares a peer dead after `deadtime` ms without a heartbeat. Corosync declares
// the token lost after `token` ms, then waits `consensus` ms before it forms the new
// membership; only then do the survivors act. So deadtime maps to token + consensus, with
// consensus at corosync's own 1.2 x token: token = deadtime / 2.2. keepalive, the interval
// at which a node re-asserts that it lives, maps to token_retransmit: the number of token
// retransmissions before loss is chosen so that retransmissions come about every keepalive.
#pragma once

#include <optional>

namespace hakit::emit {

struct totem_timing {
    long token_ms = 0;
    long consensus_ms = 0;
    long retransmits_before_loss = 0;          // token_retransmits_before_loss_const
    std::optional<long> token_warning_percent; // from an explicit warntime
    bool token_raised = false;                 // deadtime too short: token_ms is the minimum
};

// corosync 2's default token; knet's link pings run at token/4, retransmissions at tens of
// ms: below this, scheduling jitter alone loses tokens.
inline constexpr long minimum_token_ms = 1000;
// corosync refuses a token_retransmit (token / (retransmits + 0.2)) under 30 ms; 4 is its
// default number of retransmissions.
inline constexpr long minimum_retransmit_ms = 30;
inline constexpr long default_retransmits = 4;

totem_timing derive_totem_timing(long deadtime_ms, long keepalive_ms,
                                 std::optional<long> explicit_warntime_ms);

} // namespace hakit::emit
