// The numbers of a keepalived VRRP configuration derived from Heartbeat's: the advertisement
// interval from keepalive within VRRP's limits, virtual router ids, takeover time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {

struct advert_interval {
    std::string text;      // advert_int as written: "2", "0.5"
    int vrrp_version = 2;  // 3 when the interval is not whole seconds
    long milliseconds = 0; // what keepalived will use
    bool adjusted = false; // keepalive could not be kept exactly
};

// VRRPv2 (keepalived's default) advertises in whole seconds, 1..255; VRRPv3 in centiseconds,
// 0.01..40.95 s. Whole seconds stay VRRPv2; other intervals up to 40.95 s use VRRPv3,
// rounded up to 10 ms; longer ones are rounded to whole seconds, at most 255.
advert_interval advert_interval_for(long keepalive_ms);

// Time a backup of `priority` waits without adverts before it takes over (RFC 3768/5798
// Master_Down_Interval: 3 x advert + skew, skew = (256 - priority) / 256 x advert).
long master_down_ms(long advert_ms, int priority);

// virtual_router_id per group, 1..255: FNV-1a of "<cluster>\n<group key>" so an id does not
// change when other groups are added, distinct within the cluster (a taken id moves on to
// the next free one, groups in file order). Throws std::length_error for more than 255.
std::vector<int> assign_router_ids(std::string_view cluster, const std::vector<std::string>& keys);

} // namespace hakit::emit
