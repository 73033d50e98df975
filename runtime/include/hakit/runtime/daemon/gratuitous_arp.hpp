// Announcing an address this node just took over, so that clients and switches forget the old
// holder's MAC at once. Debian's IPaddr sends gratuitous ARP only when it adds the address
// itself: an address found still configured (status "running", start skipped) is never
// announced, and clients lose it for ~40 s. harun therefore announces every address it holds.
#pragma once

#include <hakit/runtime/node/file_descriptor.hpp>

#include <string>
#include <variant>

namespace hakit::runtime::daemon {

// Sends gratuitous ARP through one raw AF_PACKET socket (needs CAP_NET_RAW) that stays open:
// closing such a socket waits for an RCU grace period (~10 ms), which a takeover should not.
// The socket is opened for no protocol, so it receives nothing.
class arp_announcer {
  public:
    static std::variant<arp_announcer, std::string> open();

    // A gratuitous ARP request and reply for `ipv4` from the interface that carries it.
    // Returns an error text, empty on success.
    std::string announce(const std::string& ipv4) const;

  private:
    explicit arp_announcer(node::file_descriptor sock) : sock_(std::move(sock)) {}

    node::file_descriptor sock_;
};

} // namespace hakit::runtime::daemon
