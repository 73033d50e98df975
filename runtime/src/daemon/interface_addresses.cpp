#include <hakit/runtime/daemon/interface_addresses.hpp>
#include <hakit/runtime/node/file_descriptor.hpp>

#include <fmt/format.h>

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <optional>
#include <span>
#include <sys/socket.h>
#include <vector>

namespace hakit::runtime::daemon {
namespace {

// A dump of a few hundred addresses fits in a handful of datagrams; the bound only guards
// against a kernel that never says NLMSG_DONE.
constexpr int max_datagrams = 10000;

// Netlink pads headers and attributes to 4 bytes. The <linux/netlink.h> macros do the same
// with C casts, which the warnings refuse, hence these few lines.
constexpr std::size_t aligned(std::size_t size) {
    return (size + 3U) & ~std::size_t{3};
}

template <typename T> T read_at(std::span<const char> bytes, std::size_t offset = 0) {
    T value{};
    std::memcpy(&value, bytes.data() + offset, sizeof value);
    return value;
}

// An rtnetlink request: header, ifaddrmsg, then attributes.
class address_request {
  public:
    address_request(std::uint16_t type, std::uint16_t flags, const ifaddrmsg& body) {
        nlmsghdr header{};
        header.nlmsg_type = type;
        header.nlmsg_flags = flags;
        header.nlmsg_seq = 1;
        append(&header, sizeof header);
        append(&body, sizeof body);
    }

    void attribute(std::uint16_t type, const void* data, std::size_t size) {
        rtattr attr{};
        attr.rta_type = type;
        attr.rta_len = static_cast<unsigned short>(aligned(sizeof attr) + size);
        append(&attr, sizeof attr);
        append(data, size);
    }
    void address_attribute(std::uint16_t type, std::uint32_t host_order) {
        const std::uint32_t network = htonl(host_order);
        attribute(type, &network, sizeof network);
    }

    const std::vector<char>& bytes() {
        auto header = read_at<nlmsghdr>(bytes_);
        header.nlmsg_len = static_cast<std::uint32_t>(bytes_.size());
        std::memcpy(bytes_.data(), &header, sizeof header);
        return bytes_;
    }

  private:
    void append(const void* data, std::size_t size) {
        const std::size_t at = bytes_.size();
        bytes_.resize(at + aligned(size), 0);
        std::memcpy(bytes_.data() + at, data, size);
    }

    std::vector<char> bytes_;
};

std::variant<node::file_descriptor, std::string> open_route_socket() {
    node::file_descriptor sock(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
    if (!sock) {
        return fmt::format("netlink socket: {}", std::strerror(errno));
    }
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::connect(sock.get(), reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) != 0) {
        return fmt::format("netlink connect: {}", std::strerror(errno));
    }
    return sock;
}

// Sends the request and reads the answer, handing every message to `each`; "" when the kernel
// acknowledged (or finished the dump), else its error.
template <typename Each> std::string exchange(address_request& request, Each&& each) {
    auto opened = open_route_socket();
    if (auto* problem = std::get_if<std::string>(&opened)) {
        return *problem;
    }
    const node::file_descriptor sock = std::move(std::get<node::file_descriptor>(opened));
    const auto& bytes = request.bytes();
    if (::send(sock.get(), bytes.data(), bytes.size(), 0) < 0) {
        return fmt::format("netlink send: {}", std::strerror(errno));
    }
    std::array<char, 32768> buffer{};
    for (int datagram = 0; datagram < max_datagrams; ++datagram) {
        const ssize_t got = ::recv(sock.get(), buffer.data(), buffer.size(), 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fmt::format("netlink receive: {}", std::strerror(errno));
        }
        const std::span<const char> received(buffer.data(), static_cast<std::size_t>(got));
        for (std::size_t at = 0; at + sizeof(nlmsghdr) <= received.size();) {
            const auto header = read_at<nlmsghdr>(received, at);
            if (header.nlmsg_len < sizeof header || at + header.nlmsg_len > received.size()) {
                break;
            }
            const auto payload = received.subspan(at + aligned(sizeof header),
                                                  header.nlmsg_len - aligned(sizeof header));
            if (header.nlmsg_type == NLMSG_DONE) {
                return {};
            }
            if (header.nlmsg_type == NLMSG_ERROR) {
                const int error = payload.size() >= sizeof(int) ? read_at<int>(payload) : 0;
                return error == 0 ? std::string{} : std::strerror(-error);
            }
            each(header.nlmsg_type, payload);
            at += aligned(header.nlmsg_len);
        }
    }
    return "netlink: no end of the answer";
}

ifaddrmsg address_header(const address_claim& claim, unsigned index) {
    ifaddrmsg body{};
    body.ifa_family = AF_INET;
    body.ifa_prefixlen = static_cast<unsigned char>(claim.prefix);
    body.ifa_scope = RT_SCOPE_UNIVERSE;
    body.ifa_index = index;
    return body;
}

// One RTM_NEWADDR answer: the ifaddrmsg, then its attributes.
interface_address read_address(std::span<const char> payload) {
    interface_address entry;
    if (payload.size() < sizeof(ifaddrmsg)) {
        return entry;
    }
    const auto body = read_at<ifaddrmsg>(payload);
    entry.prefix = body.ifa_prefixlen;
    std::array<char, IF_NAMESIZE> name{};
    if (::if_indextoname(body.ifa_index, name.data()) != nullptr) {
        entry.device = name.data();
    }
    std::optional<std::uint32_t> local;
    std::optional<std::uint32_t> peer;
    for (std::size_t at = aligned(sizeof body); at + sizeof(rtattr) <= payload.size();) {
        const auto attr = read_at<rtattr>(payload, at);
        if (attr.rta_len < sizeof attr || at + attr.rta_len > payload.size()) {
            break;
        }
        const auto data =
            payload.subspan(at + aligned(sizeof attr), attr.rta_len - aligned(sizeof attr));
        if ((attr.rta_type == IFA_LOCAL || attr.rta_type == IFA_ADDRESS) &&
            data.size() == sizeof(std::uint32_t)) {
            (attr.rta_type == IFA_LOCAL ? local : peer) = ntohl(read_at<std::uint32_t>(data));
        } else if (attr.rta_type == IFA_LABEL) {
            entry.label.assign(data.data(), ::strnlen(data.data(), data.size()));
        }
        at += aligned(attr.rta_len);
    }
    entry.address = local.value_or(peer.value_or(0)); // IFA_LOCAL is ours on p2p links
    if (entry.label.empty()) {
        entry.label = entry.device;
    }
    return entry;
}

} // namespace

std::variant<std::vector<interface_address>, std::string> list_interface_addresses() {
    ifaddrmsg body{};
    body.ifa_family = AF_INET;
    address_request request(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, body);
    std::vector<interface_address> found;
    const std::string problem =
        exchange(request, [&](std::uint16_t type, std::span<const char> payload) {
            if (type == RTM_NEWADDR) {
                found.push_back(read_address(payload));
            }
        });
    if (!problem.empty()) {
        return problem;
    }
    return found;
}

std::string add_interface_address(const address_claim& claim) {
    const unsigned index = ::if_nametoindex(claim.device.c_str());
    if (index == 0) {
        return fmt::format("no interface {}", claim.device);
    }
    address_request request(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL,
                            address_header(claim, index));
    request.address_attribute(IFA_LOCAL, claim.address);
    request.address_attribute(IFA_ADDRESS, claim.address);
    if (claim.broadcast) {
        request.address_attribute(IFA_BROADCAST, *claim.broadcast);
    }
    request.attribute(IFA_LABEL, claim.label.c_str(), claim.label.size() + 1);
    return exchange(request, [](std::uint16_t, std::span<const char>) {});
}

std::string remove_interface_address(const address_claim& claim) {
    const unsigned index = ::if_nametoindex(claim.device.c_str());
    if (index == 0) {
        return {}; // the interface went away, and the address with it
    }
    address_request request(RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, address_header(claim, index));
    request.address_attribute(IFA_LOCAL, claim.address);
    request.address_attribute(IFA_ADDRESS, claim.address);
    const std::string problem = exchange(request, [](std::uint16_t, std::span<const char>) {});
    if (problem == std::strerror(EADDRNOTAVAIL)) {
        return {}; // already removed (by the script's stop)
    }
    return problem;
}

} // namespace hakit::runtime::daemon
