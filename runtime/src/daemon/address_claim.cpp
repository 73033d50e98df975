#include <hakit/runtime/daemon/address_claim.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <arpa/inet.h>
#include <set>

namespace hakit::runtime::daemon {
namespace {

constexpr std::size_t max_label_length = 15; // IFNAMSIZ - 1

std::uint32_t mask_of(int prefix) {
    return prefix <= 0 ? 0U : ~std::uint32_t{0} << (32 - prefix);
}

bool same_subnet(std::uint32_t a, std::uint32_t b, int prefix) {
    return (a & mask_of(prefix)) == (b & mask_of(prefix));
}

// Addresses of `present` whose own subnet contains `address`, on `device` when one is given.
// Loopback and host routes (/32) never carry a service address.
std::vector<const interface_address*>
subnets_containing(std::uint32_t address, const std::vector<interface_address>& present,
                   const std::optional<std::string>& device) {
    std::vector<const interface_address*> found;
    for (const interface_address& entry : present) {
        if (entry.device == "lo" || entry.prefix <= 0 || entry.prefix >= 32) {
            continue;
        }
        if (device && entry.device != *device) {
            continue;
        }
        if (same_subnet(entry.address, address, entry.prefix)) {
            found.push_back(&entry);
        }
    }
    return found;
}

std::optional<std::string> first_free_label(const std::string& device,
                                            const std::vector<interface_address>& present) {
    std::set<std::string> used;
    for (const interface_address& entry : present) {
        used.insert(entry.label);
    }
    for (int number = 0; number < 1000; ++number) {
        std::string label = fmt::format("{}:{}", device, number);
        if (label.size() > max_label_length) {
            return std::nullopt;
        }
        if (used.count(label) == 0) {
            return label;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::uint32_t> parse_dotted(const std::string& text) {
    in_addr parsed{};
    if (::inet_pton(AF_INET, text.c_str(), &parsed) != 1) {
        return std::nullopt;
    }
    return ntohl(parsed.s_addr);
}

std::string dotted(std::uint32_t address) {
    return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 0xffU,
                       (address >> 8) & 0xffU, address & 0xffU);
}

std::variant<address_claim, std::string>
plan_address_claim(const node::ip_arguments& ip, const std::vector<interface_address>& present) {
    const auto address = parse_dotted(ip.ip);
    if (!address) {
        return fmt::format("'{}' is not an IPv4 address", ip.ip);
    }
    if (std::any_of(present.begin(), present.end(),
                    [&](const interface_address& entry) { return entry.address == *address; })) {
        return fmt::format("{} is configured already", ip.ip);
    }
    if (ip.netmask && !ip.cidr_netmask) {
        return fmt::format("netmask '{}' is not understood", *ip.netmask);
    }

    const auto subnets = subnets_containing(*address, present, ip.nic);
    std::string device;
    if (ip.nic) {
        device = *ip.nic;
    } else {
        std::set<std::string> devices;
        for (const interface_address* entry : subnets) {
            devices.insert(entry->device);
        }
        if (devices.empty()) {
            return fmt::format("no interface is on a subnet that contains {}", ip.ip);
        }
        if (devices.size() > 1) {
            return fmt::format("several interfaces are on a subnet that contains {}", ip.ip);
        }
        device = *devices.begin();
    }

    int prefix = 0;
    if (ip.cidr_netmask) {
        prefix = *ip.cidr_netmask;
    } else if (!subnets.empty()) {
        prefix = subnets.front()->prefix;
    } else {
        return fmt::format("no netmask given and {} has no subnet that contains {}", device, ip.ip);
    }
    if (prefix <= 0 || prefix > 32) {
        return fmt::format("netmask /{} cannot carry a service address", prefix);
    }

    address_claim claim;
    claim.ip = ip.ip;
    claim.address = *address;
    claim.prefix = prefix;
    claim.device = device;
    if (ip.broadcast) {
        claim.broadcast = parse_dotted(*ip.broadcast);
        if (!claim.broadcast) {
            return fmt::format("broadcast '{}' is not an IPv4 address", *ip.broadcast);
        }
    } else if (prefix <= 30) {
        claim.broadcast = *address | ~mask_of(prefix);
    }
    auto label = first_free_label(device, present);
    if (!label) {
        return fmt::format("no free label on {} (labels are at most {} characters)", device,
                           max_label_length);
    }
    claim.label = std::move(*label);
    return claim;
}

} // namespace hakit::runtime::daemon
