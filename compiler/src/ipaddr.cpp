// Splits "ip[/bits[/nic][/bcast]]" the way the IPaddr / IPaddr2 wrappers do, and checks each
// part, so that lint can point at a wrong mask or broadcast before the resource ever starts.
#include "ipaddr.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

namespace hakit::ipaddr {
namespace {

using ipv4 = std::array<std::uint8_t, 4>;

std::uint32_t to_u32(const ipv4& address) {
    return (std::uint32_t{address[0]} << 24) | (std::uint32_t{address[1]} << 16) |
           (std::uint32_t{address[2]} << 8) | std::uint32_t{address[3]};
}

std::string dotted(std::uint32_t address) {
    return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 0xffU,
                       (address >> 8) & 0xffU, address & 0xffU);
}

std::uint32_t mask_of(int bits) {
    return bits == 0 ? 0U : ~std::uint32_t{0} << (32 - bits);
}

// Fields after the ip. The wrapper cuts each field off with sed 's%^FIELD/*%%', which eats
// every '/' after it: a run of slashes is one separator, so "ip/24//eth0" names the nic eth0.
std::vector<std::string_view> fields_after_ip(std::string_view rest) {
    std::vector<std::string_view> fields;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        if (slash != 0) {
            fields.push_back(rest.substr(0, slash));
        }
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    return fields;
}

// "24" or a contiguous dotted mask such as "255.255.255.0"; sets `problem` otherwise.
std::optional<int> netmask_bits(std::string_view netmask, std::string& problem) {
    if (values::is_integer(netmask)) {
        const long bits = values::c_atoi(netmask);
        if (bits < 0 || bits > 32) {
            problem = fmt::format("netmask /{} is not in 0..32", netmask);
            return std::nullopt;
        }
        return static_cast<int>(bits);
    }
    if (const auto mask = values::parse_ipv4(netmask)) {
        const std::uint32_t value = to_u32(*mask);
        const int ones = std::countl_one(value);
        if (mask_of(ones) != value) {
            problem = fmt::format("netmask {} is not contiguous", netmask);
            return std::nullopt;
        }
        return ones;
    }
    problem = fmt::format("netmask '{}' is neither a bit count nor a dotted mask", netmask);
    return std::nullopt;
}

bool starts_with_digit(std::string_view text) {
    return !text.empty() && text.front() >= '0' && text.front() <= '9';
}

} // namespace

bool takes_ip_argument(std::string_view script) {
    return script == "IPaddr" || script == "IPaddr2";
}

split_result split_argument(std::string_view argument) {
    split_result result;
    auto& args = result.args;

    const auto slash = argument.find('/');
    args.ip = std::string(argument.substr(0, slash));
    const auto fields = fields_after_ip(
        slash == std::string_view::npos ? std::string_view{} : argument.substr(slash + 1));

    // Field 1 is the netmask; field 2 is the nic, or the broadcast when it starts with a
    // digit; field 3 is the broadcast.
    std::optional<std::string_view> broadcast;
    std::optional<std::string_view> unexpected;
    if (!fields.empty()) {
        args.netmask = std::string(fields[0]);
    }
    if (fields.size() > 1) {
        if (starts_with_digit(fields[1])) {
            broadcast = fields[1];
        } else {
            args.nic = std::string(fields[1]);
        }
    }
    if (fields.size() > 2) {
        if (broadcast) {
            unexpected = fields[2];
        } else {
            broadcast = fields[2];
        }
    }
    if (fields.size() > 3 && !unexpected) {
        unexpected = fields[3];
    }
    if (broadcast) {
        args.broadcast = std::string(*broadcast);
    }

    // Report the first problem only: later checks depend on the earlier parts.
    const auto ip = values::parse_ipv4(args.ip);
    if (!ip) {
        result.problem = args.ip.empty() ? std::string("the IP address is missing")
                                         : fmt::format("'{}' is not an IPv4 address", args.ip);
    }
    if (args.netmask) {
        std::string mask_problem;
        args.cidr_bits = netmask_bits(*args.netmask, mask_problem);
        if (result.problem.empty()) {
            result.problem = mask_problem;
        }
    }
    if (!result.problem.empty()) {
        return result;
    }
    if (broadcast) {
        const auto address = values::parse_ipv4(*broadcast);
        if (!address) {
            result.problem = fmt::format("broadcast '{}' is not an IPv4 address", *broadcast);
            return result;
        }
        if (args.cidr_bits) {
            const std::uint32_t mask = mask_of(*args.cidr_bits);
            const std::uint32_t network = to_u32(*ip) & mask;
            if ((to_u32(*address) & mask) != network) {
                result.problem = fmt::format("broadcast {} is not in {}/{}", *broadcast,
                                             dotted(network), *args.cidr_bits);
                return result;
            }
        }
    }
    if (unexpected) {
        result.problem =
            fmt::format("unexpected field '{}' after the broadcast address", *unexpected);
    }
    return result;
}

} // namespace hakit::ipaddr
