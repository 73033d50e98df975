#include <hakit/runtime/daemon/gratuitous_arp.hpp>
#include <hakit/runtime/node/file_descriptor.hpp>

#include <fmt/format.h>

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/if_ether.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace hakit::runtime::daemon {
namespace {

// The interface whose IPv4 addresses include `address`; empty when none does.
std::string interface_with(in_addr address) {
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) {
        return {};
    }
    std::string name;
    for (ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) {
            continue;
        }
        sockaddr_in inet{};
        std::memcpy(&inet, entry->ifa_addr, sizeof inet);
        if (inet.sin_addr.s_addr == address.s_addr) {
            name = entry->ifa_name;
            break;
        }
    }
    ::freeifaddrs(list);
    return name;
}

// ARP payload (RFC 826) for a gratuitous announcement: sender and target IP are both the
// address; `opcode` request or reply.
std::array<std::uint8_t, 28> arp_payload(std::uint16_t opcode, const std::uint8_t* mac,
                                         in_addr address) {
    std::array<std::uint8_t, 28> packet{};
    auto put16 = [&](std::size_t at, std::uint16_t value) {
        packet[at] = static_cast<std::uint8_t>(value >> 8);
        packet[at + 1] = static_cast<std::uint8_t>(value & 0xff);
    };
    put16(0, ARPHRD_ETHER);
    put16(2, ETHERTYPE_IP);
    packet[4] = ETH_ALEN;
    packet[5] = 4;
    put16(6, opcode);
    std::memcpy(&packet[8], mac, ETH_ALEN);
    std::memcpy(&packet[14], &address.s_addr, 4);
    if (opcode == ARPOP_REPLY) {
        std::memset(&packet[18], 0xff, ETH_ALEN);
    }
    std::memcpy(&packet[24], &address.s_addr, 4);
    return packet;
}

} // namespace

std::variant<arp_announcer, std::string> arp_announcer::open() {
    node::file_descriptor sock(::socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!sock) {
        return fmt::format("raw ARP socket: {}", std::strerror(errno));
    }
    return arp_announcer(std::move(sock));
}

std::string arp_announcer::announce(const std::string& ipv4) const {
    in_addr address{};
    if (::inet_pton(AF_INET, ipv4.c_str(), &address) != 1) {
        return fmt::format("'{}' is not an IPv4 address", ipv4);
    }
    const std::string device = interface_with(address);
    if (device.empty()) {
        return fmt::format("no interface carries {}", ipv4);
    }
    ifreq request{};
    std::snprintf(request.ifr_name, sizeof request.ifr_name, "%s", device.c_str());
    if (::ioctl(sock_.get(), SIOCGIFHWADDR, &request) != 0) {
        return fmt::format("MAC address of {}: {}", device, std::strerror(errno));
    }
    std::uint8_t mac[ETH_ALEN];
    std::memcpy(mac, request.ifr_hwaddr.sa_data, ETH_ALEN);

    sockaddr_ll destination{};
    destination.sll_family = AF_PACKET;
    destination.sll_protocol = htons(ETH_P_ARP);
    destination.sll_ifindex = static_cast<int>(::if_nametoindex(device.c_str()));
    destination.sll_halen = ETH_ALEN;
    std::memset(destination.sll_addr, 0xff, ETH_ALEN);
    for (const std::uint16_t opcode : {std::uint16_t{ARPOP_REQUEST}, std::uint16_t{ARPOP_REPLY}}) {
        const auto packet = arp_payload(opcode, mac, address);
        if (::sendto(sock_.get(), packet.data(), packet.size(), 0,
                     reinterpret_cast<const sockaddr*>(&destination), sizeof destination) < 0) {
            return fmt::format("sending ARP for {} on {}: {}", ipv4, device, std::strerror(errno));
        }
    }
    return {};
}

} // namespace hakit::runtime::daemon
