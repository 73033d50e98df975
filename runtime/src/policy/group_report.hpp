// The per-group detail harun adds to its `resource` messages in the extra field `harun_groups`.
// Heartbeat's rsc_hold only says "local"/"foreign" as whole sets; between harun peers the list
// also tells which single groups are held or failed, and the hold age used to pick the keeper
// when a partition heals. A heartbeat peer ignores the field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::runtime::policy::detail {

inline constexpr std::string_view group_report_field = "harun_groups";

enum class reported_state : char {
    starting = 's',
    running = 'r',
    stopping = 'x',
    failed = 'f',      // start failed here, released
    stop_failed = 'F', // stop failed here: may still run
};

struct reported_group {
    std::string id;
    reported_state state = reported_state::running;
    std::int64_t seniority_ms = 0;

    bool held() const { return state != reported_state::failed; }
};

// "id:state:ms id:state:ms ..." (ids never hold ' ' or ':', see config.cpp).
std::string encode_group_report(const std::vector<reported_group>& groups);
// Nothing when an entry is malformed: the caller then falls back to rsc_hold.
std::optional<std::vector<reported_group>> decode_group_report(std::string_view text);

} // namespace hakit::runtime::policy::detail
