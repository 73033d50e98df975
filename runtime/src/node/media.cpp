#include <hakit/runtime/node/file_descriptor.hpp>
#include <hakit/runtime/node/media.hpp>

#include <fmt/format.h>

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <optional>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hakit::runtime::node {

namespace {

// UDP cannot carry more than 65507 bytes over IPv4; Heartbeat's v1 messages are ~300 bytes.
constexpr std::size_t receive_buffer_size = 65536;

std::string errno_text() {
    return std::strerror(errno);
}

std::string dotted(std::uint32_t network_order) {
    in_addr address{};
    address.s_addr = network_order;
    std::array<char, INET_ADDRSTRLEN> text{};
    ::inet_ntop(AF_INET, &address, text.data(), text.size());
    return text.data();
}

bool is_multicast(std::uint32_t network_order) {
    return (ntohl(network_order) & 0xf0000000U) == 0xe0000000U;
}

sockaddr_in make_address(std::uint32_t network_order, std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = network_order;
    address.sin_port = htons(port);
    return address;
}

// sockaddr_in to the generic type the socket calls take; the one cast the API requires.
const sockaddr* as_generic(const sockaddr_in& address) {
    return reinterpret_cast<const sockaddr*>(&address);
}

template <class T> bool set_option(int fd, int level, int name, const T& value) {
    return ::setsockopt(fd, level, name, &value, sizeof(value)) == 0;
}

std::optional<std::uint32_t> resolve_ipv4(const std::string& host) {
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
        return std::nullopt;
    }
    sockaddr_in address{};
    std::memcpy(&address, found->ai_addr, sizeof(address));
    ::freeaddrinfo(found);
    return address.sin_addr.s_addr;
}

// The broadcast address the kernel has for `device`, if it has one.
std::optional<std::uint32_t> device_broadcast(int fd, const std::string& device) {
    ifreq request{};
    std::strncpy(request.ifr_name, device.c_str(), IFNAMSIZ - 1);
    if (::ioctl(fd, SIOCGIFBRDADDR, &request) != 0) {
        return std::nullopt;
    }
    sockaddr_in address{};
    std::memcpy(&address, &request.ifr_broadaddr, sizeof(address));
    if (address.sin_addr.s_addr == 0) {
        return std::nullopt;
    }
    return address.sin_addr.s_addr;
}

} // namespace

std::string link_id(const medium& medium) {
    switch (medium.kind) {
    case medium_kind::ucast:
    case medium_kind::ucast6:
        return fmt::format("{} {} {}", to_string(medium.kind), medium.device, medium.peer);
    case medium_kind::mcast:
    case medium_kind::mcast6:
        return fmt::format("{} {} {}", to_string(medium.kind), medium.device, medium.group);
    case medium_kind::bcast:
    case medium_kind::serial:
        break;
    }
    return fmt::format("{} {}", to_string(medium.kind), medium.device);
}

struct media_set::channel {
    medium config;
    std::string link;
    file_descriptor socket;
    int interface_index = 0;
    sockaddr_in destination{};
    std::uint32_t peer = 0;                 // ucast
    std::optional<std::uint32_t> broadcast; // the device's, when it has one
};

namespace {

std::string where_text(const medium& medium) {
    return fmt::format("{} {} ({}:{})", to_string(medium.kind), medium.device, medium.where.file,
                       medium.where.line);
}

} // namespace

outcome<media_set> media_set::open(const std::vector<medium>& media) {
    media_set set;
    for (const auto& config : media) {
        const auto fail = [&](std::string_view reason) {
            return failure{fmt::format("cannot open medium {}: {}", where_text(config), reason)};
        };
        if (config.kind != medium_kind::ucast && config.kind != medium_kind::bcast &&
            config.kind != medium_kind::mcast) {
            return fail("harun supports the ucast, bcast and mcast media only");
        }
        auto opened = std::make_unique<channel>();
        opened->config = config;
        opened->link = link_id(config);
        opened->interface_index = static_cast<int>(::if_nametoindex(config.device.c_str()));
        if (opened->interface_index == 0) {
            return fail("no such network device");
        }
        opened->socket.reset(::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        if (!opened->socket) {
            return fail(fmt::format("socket: {}", errno_text()));
        }
        const int fd = opened->socket.get();
        const int on = 1;
        const int low_delay = IPTOS_LOWDELAY;
        if (!set_option(fd, SOL_SOCKET, SO_REUSEADDR, on) ||
            !set_option(fd, IPPROTO_IP, IP_PKTINFO, on) ||
            !set_option(fd, IPPROTO_IP, IP_TOS, low_delay) ||
            ::setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, config.device.c_str(),
                         static_cast<socklen_t>(config.device.size())) != 0) {
            return fail(fmt::format("setting socket options: {}", errno_text()));
        }
        opened->broadcast = device_broadcast(fd, config.device);

        std::uint32_t bind_address = htonl(INADDR_ANY);
        if (config.kind == medium_kind::ucast) {
            const auto peer = resolve_ipv4(config.peer);
            if (!peer) {
                return fail(fmt::format("cannot resolve peer {}", config.peer));
            }
            opened->peer = *peer;
            opened->destination = make_address(*peer, config.port);
        } else if (config.kind == medium_kind::bcast) {
            if (!opened->broadcast) {
                return fail("the device has no IPv4 broadcast address");
            }
            if (!set_option(fd, SOL_SOCKET, SO_BROADCAST, on)) {
                return fail(fmt::format("SO_BROADCAST: {}", errno_text()));
            }
            opened->destination = make_address(*opened->broadcast, config.port);
        } else {
            in_addr group{};
            if (::inet_pton(AF_INET, config.group.c_str(), &group) != 1 ||
                !is_multicast(group.s_addr)) {
                return fail(fmt::format("{} is not an IPv4 multicast group", config.group));
            }
            ip_mreqn membership{};
            membership.imr_multiaddr = group;
            membership.imr_ifindex = opened->interface_index;
            const auto ttl = static_cast<unsigned char>(config.ttl);
            const auto loop = static_cast<unsigned char>(config.loop);
            if (!set_option(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, membership) ||
                !set_option(fd, IPPROTO_IP, IP_MULTICAST_IF, membership) ||
                !set_option(fd, IPPROTO_IP, IP_MULTICAST_TTL, ttl) ||
                !set_option(fd, IPPROTO_IP, IP_MULTICAST_LOOP, loop)) {
                return fail(fmt::format("joining {}: {}", config.group, errno_text()));
            }
            bind_address = group.s_addr; // only this group's datagrams
            opened->destination = make_address(group.s_addr, config.port);
        }
        const sockaddr_in local = make_address(bind_address, config.port);
        if (::bind(fd, as_generic(local), sizeof(local)) != 0) {
            return fail(fmt::format("bind to port {}: {}", config.port, errno_text()));
        }
        set.channels_.push_back(std::move(opened));
    }
    return set;
}

media_set::media_set(media_set&&) noexcept = default;
media_set& media_set::operator=(media_set&&) noexcept = default;
media_set::~media_set() = default;

std::vector<std::string> media_set::link_ids() const {
    std::vector<std::string> ids;
    for (const auto& open_channel : channels_) {
        ids.push_back(open_channel->link);
    }
    return ids;
}

std::vector<int> media_set::fds() const {
    std::vector<int> fds;
    for (const auto& open_channel : channels_) {
        fds.push_back(open_channel->socket.get());
    }
    return fds;
}

std::vector<send_failure> media_set::send(std::string_view bytes) {
    std::vector<send_failure> failures;
    for (const auto& open_channel : channels_) {
        const ssize_t sent =
            ::sendto(open_channel->socket.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL,
                     as_generic(open_channel->destination), sizeof(open_channel->destination));
        if (sent < 0) {
            failures.push_back({open_channel->link, errno_text()});
        } else if (static_cast<std::size_t>(sent) != bytes.size()) {
            failures.push_back({open_channel->link, "datagram sent in part"});
        }
    }
    return failures;
}

const media_set::channel* media_set::attribute(const channel& receiver, std::uint32_t destination,
                                               int interface_index, std::uint32_t sender) const {
    const bool broadcast = destination == htonl(INADDR_BROADCAST) ||
                           (receiver.broadcast && destination == *receiver.broadcast);
    if (is_multicast(destination)) {
        const bool mine = receiver.config.kind == medium_kind::mcast &&
                          receiver.destination.sin_addr.s_addr == destination;
        return mine ? &receiver : nullptr;
    }
    if (broadcast) {
        return receiver.config.kind == medium_kind::bcast ? &receiver : nullptr;
    }
    // Unicast reaches one of the sockets bound to the port: find the medium it belongs to.
    const channel* same_device = nullptr;
    for (const auto& candidate : channels_) {
        if (candidate->interface_index != interface_index ||
            candidate->config.kind != medium_kind::ucast) {
            continue;
        }
        if (candidate->peer == sender) {
            return candidate.get();
        }
        same_device = same_device != nullptr ? same_device : candidate.get();
    }
    return same_device != nullptr ? same_device : &receiver;
}

std::vector<received_datagram> media_set::receive(int fd, std::size_t limit) {
    std::vector<received_datagram> received;
    const channel* receiver = nullptr;
    for (const auto& open_channel : channels_) {
        if (open_channel->socket.get() == fd) {
            receiver = open_channel.get();
        }
    }
    if (receiver == nullptr) {
        return received;
    }
    std::string buffer(receive_buffer_size, '\0');
    for (std::size_t count = 0; count < limit; ++count) {
        sockaddr_in sender{};
        iovec data{buffer.data(), buffer.size()};
        alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(in_pktinfo))> control{};
        msghdr message{};
        message.msg_name = &sender;
        message.msg_namelen = sizeof(sender);
        message.msg_iov = &data;
        message.msg_iovlen = 1;
        message.msg_control = control.data();
        message.msg_controllen = control.size();
        const ssize_t length = ::recvmsg(fd, &message, MSG_DONTWAIT);
        if (length < 0) {
            if (errno == EINTR) {
                continue;
            }
            break; // EAGAIN: drained; other errors: nothing more to read now
        }
        std::uint32_t destination = 0;
        int interface_index = receiver->interface_index;
        for (cmsghdr* header = CMSG_FIRSTHDR(&message); header != nullptr;
             header = CMSG_NXTHDR(&message, header)) {
            if (header->cmsg_level == IPPROTO_IP && header->cmsg_type == IP_PKTINFO) {
                in_pktinfo info{};
                std::memcpy(&info, CMSG_DATA(header), sizeof(info));
                destination = info.ipi_addr.s_addr;
                interface_index = info.ipi_ifindex;
            }
        }
        const channel* medium =
            attribute(*receiver, destination, interface_index, sender.sin_addr.s_addr);
        if (medium == nullptr) {
            continue; // another socket on this port and device reports it
        }
        received_datagram datagram;
        datagram.bytes.assign(buffer.data(), static_cast<std::size_t>(length));
        datagram.link = medium->link;
        datagram.sender = dotted(sender.sin_addr.s_addr);
        datagram.sender_port = ntohs(sender.sin_port);
        datagram.truncated = (message.msg_flags & MSG_TRUNC) != 0;
        received.push_back(std::move(datagram));
    }
    return received;
}

} // namespace hakit::runtime::node
