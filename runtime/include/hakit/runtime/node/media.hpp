// The UDP sockets of the local node's Heartbeat media (reference §1.6, §4.7): ucast, bcast and
// mcast, each bound to its device, all non-blocking. The same bytes go out on every medium;
// what comes in is tagged with the link id of the medium it arrived on, the same id the
// membership machine uses for per-link status.
#pragma once

#include <hakit/runtime/node/outcome.hpp>
#include <hakit/runtime/node/plan.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::runtime::node {

// "ucast eth1 192.0.2.6", "bcast eth0", "mcast eth0 225.0.0.1".
std::string link_id(const medium& medium);

struct received_datagram {
    std::string bytes;
    std::string link;   // link id of the medium
    std::string sender; // sender's IPv4 address, dotted
    std::uint16_t sender_port = 0;
    bool truncated = false; // larger than the receive buffer: bytes is incomplete
};

struct send_failure {
    std::string link;
    std::string reason;
};

class media_set {
  public:
    // Opens one socket per medium. Fails on the first medium that cannot be opened (unknown
    // device, unresolvable peer, unsupported kind), naming it and its ha.cf line.
    static outcome<media_set> open(const std::vector<medium>& media);

    media_set(media_set&&) noexcept;
    media_set& operator=(media_set&&) noexcept;
    media_set(const media_set&) = delete;
    media_set& operator=(const media_set&) = delete;
    ~media_set();

    std::vector<std::string> link_ids() const; // in ha.cf order
    std::vector<int> fds() const;              // poll these for input

    // Sends `bytes` as one datagram on every medium; returns the media where it failed.
    std::vector<send_failure> send(std::string_view bytes);

    // Drains up to `limit` datagrams waiting on `fd` (one of fds()). A broadcast or multicast
    // datagram reaches every socket bound to its port and device, so each is kept only by the
    // medium it belongs to and reported once; unicast is attributed to the ucast medium whose
    // peer sent it.
    std::vector<received_datagram> receive(int fd, std::size_t limit = 64);

  private:
    struct channel;
    media_set() = default;
    const channel* attribute(const channel& receiver, std::uint32_t destination,
                             int interface_index, std::uint32_t sender) const;

    std::vector<std::unique_ptr<channel>> channels_;
};

} // namespace hakit::runtime::node
