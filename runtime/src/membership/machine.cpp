#include <hakit/runtime/membership/machine.hpp>

#include <algorithm>
#include <utility>

namespace hakit::runtime::membership {
namespace {

// A peer is dead only once `now - last_heard > timeout`; the first instant that holds is one
// clock tick after last_heard + timeout, so the event loop never wakes up a tick too early.
constexpr clock::duration one_tick{1};

bool expired(time_point reference, milliseconds timeout, time_point now) {
    return now - reference > timeout;
}

void keep_earliest(std::optional<time_point>& earliest, time_point candidate) {
    if (!earliest || candidate < *earliest) {
        earliest = candidate;
    }
}

} // namespace

machine::machine(config cfg) : config_(std::move(cfg)) {
    for (const std::string& name : config_.peers) {
        const bool seen = std::any_of(peers_.begin(), peers_.end(),
                                      [&](const peer_record& peer) { return peer.name == name; });
        if (name == config_.local_node || seen) {
            continue;
        }
        peer_record peer;
        peer.name = name;
        for (const std::string& link : config_.links) {
            peer.links.push_back(link_record{link, link_state::unknown, std::nullopt});
        }
        peers_.push_back(std::move(peer));
    }
}

milliseconds machine::advertised_dead_time(time_point now) const {
    if (now - started_at_ < startup_window) {
        return config_.deadtime + startup_dead_time_bonus;
    }
    return config_.deadtime;
}

machine::peer_record* machine::find_peer(const std::string& name) {
    const auto found = std::find_if(peers_.begin(), peers_.end(),
                                    [&](const peer_record& peer) { return peer.name == name; });
    return found == peers_.end() ? nullptr : &*found;
}

machine::link_record* machine::find_link(peer_record& peer, const std::string& id) {
    const auto found = std::find_if(peer.links.begin(), peer.links.end(),
                                    [&](const link_record& link) { return link.id == id; });
    return found == peer.links.end() ? nullptr : &*found;
}

// Before comm up every node gets initdead; afterwards the dead time the peer advertises.
milliseconds machine::dead_timeout(const peer_record& peer) const {
    if (!comm_up_) {
        return config_.initdead;
    }
    return peer.advertised_dead_time.value_or(config_.deadtime);
}

// A node or link never heard from is timed from our start.
time_point machine::heard_or_start(const std::optional<time_point>& heard) const {
    return heard.value_or(started_at_);
}

void machine::send_status_now(time_point now, actions& out) {
    last_sent_dead_time_ = advertised_dead_time(now);
    out.emplace_back(send_status{local_state_, last_sent_dead_time_});
    next_send_ = now + config_.keepalive;
}

void machine::set_local_state(node_state to, actions& out) {
    if (to == local_state_) {
        return;
    }
    out.emplace_back(node_state_changed{config_.local_node, local_state_, to, true});
    local_state_ = to;
}

actions machine::start(time_point now) {
    actions out;
    if (running_) {
        return out;
    }
    running_ = true;
    started_at_ = now;
    // Heartbeat's first status says init, the next ones up (captures/capture_decoded.txt).
    send_status_now(now, out);
    set_local_state(node_state::up, out);
    send_status_now(now, out);
    check_comm_up(now, out);
    return out;
}

// Comm up: every peer has sent something or been declared dead (§5.1).
void machine::check_comm_up(time_point now, actions& out) {
    if (comm_up_ || !running_) {
        return;
    }
    const bool everyone_known = std::all_of(peers_.begin(), peers_.end(), [](const auto& peer) {
        return peer.last_heard.has_value() || peer.state == node_state::dead;
    });
    if (!everyone_known) {
        return;
    }
    comm_up_ = true;
    out.emplace_back(comm_up{});
    set_local_state(node_state::active, out);
    send_status_now(now, out); // peers learn at once that we are active
}

void machine::expire_peer(peer_record& peer, time_point now, actions& out) {
    const milliseconds timeout = dead_timeout(peer);
    for (link_record& link : peer.links) {
        if (link.state != link_state::dead &&
            expired(heard_or_start(link.last_heard), timeout, now)) {
            out.emplace_back(link_state_changed{peer.name, link.id, link.state, link_state::dead});
            link.state = link_state::dead;
        }
    }
    if (peer.state != node_state::dead && expired(heard_or_start(peer.last_heard), timeout, now)) {
        out.emplace_back(node_state_changed{peer.name, peer.state, node_state::dead, false});
        peer.state = node_state::dead;
    }
    if (peer.heard_unauthenticated && peer.last_unauthenticated &&
        expired(*peer.last_unauthenticated, timeout, now)) {
        peer.heard_unauthenticated = false;
        out.emplace_back(unauthenticated_peer{peer.name, false});
    }
}

actions machine::tick(time_point now) {
    actions out;
    if (!running_) {
        return out;
    }
    for (peer_record& peer : peers_) {
        expire_peer(peer, now, out);
    }
    check_comm_up(now, out);
    // Also send when the startup window ends, so peers stop using the longer dead time.
    if (now >= next_send_ || advertised_dead_time(now) != last_sent_dead_time_) {
        send_status_now(now, out);
    }
    return out;
}

std::optional<time_point> machine::next_deadline() const {
    if (!running_) {
        return std::nullopt;
    }
    std::optional<time_point> earliest = next_send_;
    if (last_sent_dead_time_ != config_.deadtime) {
        keep_earliest(earliest, started_at_ + startup_window);
    }
    for (const peer_record& peer : peers_) {
        const milliseconds timeout = dead_timeout(peer);
        if (peer.state != node_state::dead) {
            keep_earliest(earliest, heard_or_start(peer.last_heard) + timeout + one_tick);
        }
        for (const link_record& link : peer.links) {
            if (link.state != link_state::dead) {
                keep_earliest(earliest, heard_or_start(link.last_heard) + timeout + one_tick);
            }
        }
        if (peer.heard_unauthenticated && peer.last_unauthenticated) {
            keep_earliest(earliest, *peer.last_unauthenticated + timeout + one_tick);
        }
    }
    return earliest;
}

// `now` is unused: nothing is timed after the goodbye; kept so every event has the same shape.
actions machine::shutdown(time_point /*now*/) {
    actions out;
    if (!running_) {
        return out;
    }
    out.emplace_back(send_shutdone{});
    set_local_state(node_state::dead, out);
    running_ = false;
    return out;
}

membership_view machine::view() const {
    membership_view snapshot;
    snapshot.local_node = config_.local_node;
    snapshot.local_state = local_state_;
    snapshot.comm_up = comm_up_;
    snapshot.dropped_from_unknown_nodes = dropped_from_unknown_nodes_;
    for (const peer_record& peer : peers_) {
        peer_view row;
        row.node = peer.name;
        row.state = peer.state;
        row.last_heard = peer.last_heard;
        row.generation = peer.generation;
        row.last_seq = peer.sequence.last();
        row.advertised_dead_time = peer.advertised_dead_time;
        row.dead_timeout = dead_timeout(peer);
        row.heard_unauthenticated = peer.heard_unauthenticated;
        row.counters = peer.counters;
        for (const link_record& link : peer.links) {
            row.links.push_back(link_view{link.id, link.state, link.last_heard});
        }
        snapshot.peers.push_back(std::move(row));
    }
    return snapshot;
}

} // namespace hakit::runtime::membership
