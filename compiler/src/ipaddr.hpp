// Splitting the argument of the IPaddr / IPaddr2 resource wrappers (reference §2.7 and the
// corpus notes §2): "ip[/bits[/nic][/bcast]]" and "ip/bits/bcast" (a 3rd field starting with a
// digit is the broadcast). The IPaddr wrapper strips the ip with sed 's%^IP/*%%', so "ip//8/eth0"
// and a trailing '/' are tolerated.
#pragma once

#include <hakit/compiler/ir.hpp>

#include <string>
#include <string_view>

namespace hakit::ipaddr {

struct split_result {
    ir::ip_arguments args;
    std::string problem; // empty when the argument is well formed; otherwise why not
};

split_result split_argument(std::string_view argument);

// Scripts whose first argument is an "ip/bits/nic/bcast" word.
bool takes_ip_argument(std::string_view script); // "IPaddr", "IPaddr2"

} // namespace hakit::ipaddr
