#include <hakit/runtime/daemon/ping_monitor.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hakit::runtime::daemon {
namespace {

constexpr std::uint8_t icmp_echo_request = 8;
constexpr std::uint8_t icmp_echo_reply = 0;

std::uint16_t internet_checksum(const std::uint8_t* data, std::size_t size) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        sum += static_cast<std::uint32_t>(data[i] << 8 | data[i + 1]);
    }
    if (size % 2 == 1) {
        sum += static_cast<std::uint32_t>(data[size - 1] << 8);
    }
    while (sum >> 16) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

std::optional<std::uint32_t> ipv4_of(const std::string& host) {
    in_addr address{};
    if (::inet_pton(AF_INET, host.c_str(), &address) == 1) {
        return address.s_addr;
    }
    addrinfo hints{};
    hints.ai_family = AF_INET;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
        return std::nullopt;
    }
    sockaddr_in inet{};
    std::memcpy(&inet, found->ai_addr, sizeof inet);
    ::freeaddrinfo(found);
    return inet.sin_addr.s_addr;
}

} // namespace

std::variant<ping_monitor, std::string>
ping_monitor::open(const std::vector<node::ping_node>& nodes, std::chrono::milliseconds interval,
                   std::chrono::milliseconds deadping, time_point now) {
    ping_monitor monitor;
    for (const node::ping_node& entry : nodes) {
        if (entry.kind == "ping6") {
            return fmt::format("ping6 node {} is not supported", entry.name);
        }
        tracked_node tracked;
        tracked.name = entry.name;
        for (const std::string& host : entry.hosts) {
            const auto address = ipv4_of(host);
            if (!address) {
                return fmt::format("ping node {}: cannot resolve {}", entry.name, host);
            }
            tracked.addresses.push_back(*address);
        }
        monitor.nodes_.push_back(std::move(tracked));
    }
    monitor.socket_.reset(::socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP));
    if (!monitor.socket_) {
        return fmt::format("ICMP socket for the ping nodes: {}", std::strerror(errno));
    }
    monitor.interval_ = interval;
    monitor.deadping_ = deadping;
    monitor.started_ = now;
    monitor.next_send_ = now;
    monitor.identifier_ = static_cast<std::uint16_t>(::getpid() & 0xffff);
    return monitor;
}

void ping_monitor::send_round() {
    ++sequence_;
    std::array<std::uint8_t, 16> packet{};
    packet[0] = icmp_echo_request;
    packet[4] = static_cast<std::uint8_t>(identifier_ >> 8);
    packet[5] = static_cast<std::uint8_t>(identifier_ & 0xff);
    packet[6] = static_cast<std::uint8_t>(sequence_ >> 8);
    packet[7] = static_cast<std::uint8_t>(sequence_ & 0xff);
    std::memcpy(&packet[8], "harun-hb", 8);
    const std::uint16_t sum = internet_checksum(packet.data(), packet.size());
    packet[2] = static_cast<std::uint8_t>(sum >> 8);
    packet[3] = static_cast<std::uint8_t>(sum & 0xff);
    for (const tracked_node& node : nodes_) {
        for (std::uint32_t address : node.addresses) {
            sockaddr_in destination{};
            destination.sin_family = AF_INET;
            destination.sin_addr.s_addr = address;
            // An unreachable host is what this measures: errors are not news.
            (void)::sendto(socket_.get(), packet.data(), packet.size(), 0,
                           reinterpret_cast<const sockaddr*>(&destination), sizeof destination);
        }
    }
}

void ping_monitor::on_readable(time_point now) {
    std::array<std::uint8_t, 1500> buffer{};
    for (int reads = 0; reads < 64; ++reads) {
        sockaddr_in from{};
        socklen_t from_size = sizeof from;
        const ssize_t got = ::recvfrom(socket_.get(), buffer.data(), buffer.size(), 0,
                                       reinterpret_cast<sockaddr*>(&from), &from_size);
        if (got <= 0) {
            return;
        }
        const auto size = static_cast<std::size_t>(got);
        const std::size_t header = static_cast<std::size_t>(buffer[0] & 0x0f) * 4;
        if (size < header + 8 || buffer[header] != icmp_echo_reply) {
            continue;
        }
        const auto id = static_cast<std::uint16_t>(buffer[header + 4] << 8 | buffer[header + 5]);
        if (id != identifier_) {
            continue;
        }
        for (tracked_node& node : nodes_) {
            if (std::find(node.addresses.begin(), node.addresses.end(), from.sin_addr.s_addr) !=
                node.addresses.end()) {
                node.last_reply = now;
            }
        }
    }
}

bool ping_monitor::alive(const tracked_node& node, time_point now) const {
    return node.last_reply && now - *node.last_reply <= deadping_;
}

std::size_t ping_monitor::visible() const {
    const auto now = std::chrono::steady_clock::now();
    return static_cast<std::size_t>(std::count_if(
        nodes_.begin(), nodes_.end(), [&](const tracked_node& node) { return alive(node, now); }));
}

std::optional<std::size_t> ping_monitor::update(time_point now) {
    last_update_ = now;
    if (now >= next_send_) {
        send_round();
        next_send_ = now + interval_;
    }
    const auto count = static_cast<std::size_t>(std::count_if(
        nodes_.begin(), nodes_.end(), [&](const tracked_node& node) { return alive(node, now); }));
    const bool first_verdict_due = count == nodes_.size() || now - started_ >= deadping_;
    if (!reported_ && !first_verdict_due) {
        return std::nullopt;
    }
    if (reported_ == count) {
        return std::nullopt;
    }
    reported_ = count;
    return count;
}

std::optional<ping_monitor::time_point> ping_monitor::next_deadline() const {
    time_point next = next_send_;
    if (!reported_) {
        next = std::min(next, started_ + deadping_);
    }
    for (const tracked_node& node : nodes_) {
        if (node.last_reply) {
            const time_point expiry = *node.last_reply + deadping_ + std::chrono::milliseconds(1);
            if (expiry > last_update_) { // an expired node is counted already
                next = std::min(next, expiry);
            }
        }
    }
    return next;
}

} // namespace hakit::runtime::daemon
