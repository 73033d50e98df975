// Small pieces the media rules share (header-only: every .cpp in lint/rules is one rule).
#pragma once

#include "rule_support.hpp"

#include <hakit/compiler/ir.hpp>

#include <string_view>

namespace hakit::lint {

// The network card a media device name stands for: an alias label (`eth0:1`) and a VLAN
// (`eth0.100`) run over the same card, cable and switch port as `eth0`. Serial devices are
// paths (`/dev/ttyS0`) and stay as they are.
inline std::string_view physical_device(const ir::medium& medium) {
    const std::string_view device = medium.device;
    if (medium.kind == ir::medium_kind::serial) {
        return device;
    }
    return device.substr(0, device.find_first_of(":."));
}

// The bcast and ucast plugins read `udpport` once, when Heartbeat parses the first line of
// that plugin, and keep it for every later line (HBcomm/bcast.c and ucast.c cache it in a
// static), so the first medium of a kind tells the port all media of that kind use.
inline bool uses_udpport(ir::medium_kind kind) {
    return kind == ir::medium_kind::bcast || kind == ir::medium_kind::ucast ||
           kind == ir::medium_kind::ucast6;
}

// A medium written with template markup (`bcast {{ iface }}`): the file was never rendered, which
// HA010 reports; media rules leave such lines alone.
inline bool is_unrendered(const ir::medium& medium) {
    return has_template_markup(medium.device) || has_template_markup(medium.peer) ||
           has_template_markup(medium.group);
}

} // namespace hakit::lint
