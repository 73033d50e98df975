// Announcing an address this node just took over, so that clients and switches forget the old
// holder's MAC at once. Debian's IPaddr sends gratuitous ARP only when it adds the address
// itself: an address found still configured (status "running", start skipped) is never
// announced, and clients lose it for ~40 s. harun therefore announces every address it holds.
#pragma once

#include <string>

namespace hakit::runtime::daemon {

// Sends a gratuitous ARP request and reply for `ipv4` from the interface that carries it
// (raw AF_PACKET socket, needs CAP_NET_RAW). Returns an error text, empty on success.
std::string announce_address(const std::string& ipv4);

} // namespace hakit::runtime::daemon
