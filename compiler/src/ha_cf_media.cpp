// Heartbeat communication media and ping nodes (reference §1.6): option-list media (bcast,
// serial, ping, ping6) create one medium or ping node per token; line media (ucast, mcast,
// their IPv6 forms, ping_group) read the whole line. Missing fields are syntax errors already
// reported by the grammar; such lines are skipped here.
#include "ha_cf_state.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

namespace hakit::resolve {
namespace {

using grammar::ha_cf_directive;
using grammar::token;

bool has_fields(const ha_cf_directive& directive, std::size_t count) {
    return directive.args.size() >= count;
}

void add_ucast(ha_cf_state& state, const ha_cf_directive& d, bool ipv6) {
    const auto& peer = d.args[1];
    if (ipv6 && !values::is_ipv6(peer.text)) {
        state.invalid(peer, fmt::format("ucast6 peer '{}' is not an IPv6 address", peer.text));
        return;
    }
    ir::medium medium;
    medium.kind = ipv6 ? ir::medium_kind::ucast6 : ir::medium_kind::ucast;
    medium.device = d.args[0].text;
    medium.peer = peer.text;
    medium.peer_where = peer.where;
    if (ipv6) {
        medium.port = state.config.udpport.v;
    } else {
        medium.port = state.ucast_port.value_or(state.config.udpport.v);
        state.ucast_port = medium.port;
    }
    medium.where = d.name.where;
    state.config.media.push_back(std::move(medium));
}

void add_mcast(ha_cf_state& state, const ha_cf_directive& d, bool ipv6) {
    const auto& group = d.args[1];
    const auto& port = d.args[2];
    const auto& ttl = d.args[3];
    const auto& loop = d.args[4];
    const std::string_view name = d.name.text;
    bool ok = true;
    if (ipv6 ? !values::is_ipv6_multicast(group.text) : !values::is_ipv4_multicast(group.text)) {
        state.invalid(group, fmt::format("{} group '{}' is not a multicast address ({})", name,
                                         group.text, ipv6 ? "ff00::/8" : "224.0.0.0/4"));
        ok = false;
    }
    const long port_number = values::c_atoi(port.text);
    if (port_number <= 0 || port_number > 65535) {
        state.invalid(port,
                      fmt::format("{} port '{}' is not a port number (1..65535)", name, port.text));
        ok = false;
    }
    const long ttl_number = values::c_atoi(ttl.text);
    if (ttl_number < 0 || ttl_number > 4) {
        state.invalid(ttl, fmt::format("{} {} '{}' must be 0..4 (Heartbeat 3.0.6 refuses more, "
                                       "whatever its docs say)",
                                       name, ipv6 ? "hops" : "ttl", ttl.text));
        ok = false;
    }
    const long loop_number = values::c_atoi(loop.text);
    if (loop_number != 0 && loop_number != 1) {
        state.invalid(loop, fmt::format("{} loop '{}' must be 0 or 1", name, loop.text));
        ok = false;
    }
    if (!ok) {
        return;
    }
    ir::medium medium;
    medium.kind = ipv6 ? ir::medium_kind::mcast6 : ir::medium_kind::mcast;
    medium.device = d.args[0].text;
    medium.group = group.text;
    medium.port = static_cast<int>(port_number);
    medium.ttl = static_cast<int>(ttl_number);
    medium.loop = static_cast<int>(loop_number);
    medium.where = d.name.where;
    state.config.media.push_back(std::move(medium));
}

void add_ping_group(ha_cf_state& state, const ha_cf_directive& d) {
    ir::ping_node node;
    node.kind = ir::ping_kind::ping_group;
    node.name = d.args[0].text;
    for (std::size_t i = 1; i < d.args.size(); ++i) {
        node.hosts.push_back(d.args[i].text);
    }
    node.where = d.name.where;
    state.config.ping_nodes.push_back(std::move(node));
}

} // namespace

void apply_media_token(ha_cf_state& state, const ha_cf_directive& d, const token& value) {
    const std::string_view name = d.name.text;
    if (name == "ping" || name == "ping6") {
        if (name == "ping6" && !values::is_ipv6(value.text)) {
            state.invalid(value, fmt::format("ping6 host '{}' is not an IPv6 address", value.text));
            return;
        }
        ir::ping_node node;
        node.kind = name == "ping" ? ir::ping_kind::ping : ir::ping_kind::ping6;
        node.name = value.text;
        node.hosts = {value.text};
        node.where = value.where;
        state.config.ping_nodes.push_back(std::move(node));
        return;
    }
    ir::medium medium;
    medium.device = value.text;
    medium.where = value.where;
    if (name == "serial") {
        medium.kind = ir::medium_kind::serial;
        medium.baud = state.config.baud.v;
    } else { // bcast, and its old name udp
        medium.kind = ir::medium_kind::bcast;
        medium.port = state.bcast_port.value_or(state.config.udpport.v);
        state.bcast_port = medium.port;
    }
    state.config.media.push_back(std::move(medium));
}

void apply_media_line(ha_cf_state& state, const ha_cf_directive& d) {
    const std::string_view name = d.name.text;
    if (name == "ucast" || name == "ucast6") {
        if (has_fields(d, 2)) {
            add_ucast(state, d, name == "ucast6");
        }
    } else if (name == "mcast" || name == "mcast6") {
        if (has_fields(d, 5)) {
            add_mcast(state, d, name == "mcast6");
        }
    } else if (name == "ping_group") {
        if (has_fields(d, 2)) {
            add_ping_group(state, d);
        }
    }
}

} // namespace hakit::resolve
