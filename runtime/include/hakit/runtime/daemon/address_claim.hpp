// Early address claim: when harun starts a group whose first resources are IPaddr / IPaddr2
// addresses, it puts those addresses on their interface itself (netlink, then a gratuitous ARP)
// before the scripts run, so that the address answers within a millisecond of the decision
// instead of after the script's 100-250 ms. The script still runs: its `status` sees the
// address and reports it running, its `stop` removes it later. This file is the pure part:
// where the address goes, computed the way the wrappers' findif would place it.
#pragma once

#include <hakit/runtime/node/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::daemon {

// One IPv4 address configured on the node (IPv4 values in host byte order).
struct interface_address {
    std::string device; // the interface, e.g. "eth0"
    std::string label;  // the address's label, e.g. "eth0" or "eth0:0"
    std::uint32_t address = 0;
    int prefix = 0;
};

struct address_claim {
    std::string ip; // dotted, as the plan gives it
    std::uint32_t address = 0;
    int prefix = 0;
    std::optional<std::uint32_t> broadcast;
    std::string device;
    std::string label; // "<device>:<n>": the OCF IPaddr agent finds aliases by label
};

// Where `ip` would go, or why harun leaves it to the script (the text says why). Rules, as the
// IPaddr wrappers and findif place an address: the nic given, else the one interface with an
// address on a subnet that contains the ip; the netmask given, else that subnet's; the
// broadcast given, else the subnet's broadcast (none for /31 and /32); the first free label.
std::variant<address_claim, std::string>
plan_address_claim(const node::ip_arguments& ip, const std::vector<interface_address>& present);

// "a.b.c.d" <-> host-order value.
std::optional<std::uint32_t> parse_dotted(const std::string& text);
std::string dotted(std::uint32_t address);

} // namespace hakit::runtime::daemon
