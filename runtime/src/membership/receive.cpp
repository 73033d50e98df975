// The receive side of the membership machine: which packets count, and what they change
// (reference §4.8 for generations and sequence numbers, §5.1 for states).
#include <hakit/runtime/membership/machine.hpp>

#include <utility>

namespace hakit::runtime::membership {

receive_result machine::drop(peer_record* peer, const received_message& message,
                             drop_reason reason) {
    if (peer) {
        switch (reason) {
        case drop_reason::unauthenticated:
            ++peer->counters.unauthenticated;
            break;
        case drop_reason::old_generation:
        case drop_reason::old_sequence:
            ++peer->counters.replayed;
            break;
        case drop_reason::duplicate:
            ++peer->counters.duplicate;
            break;
        default:
            ++peer->counters.rejected;
            break;
        }
    }
    receive_result result;
    result.dropped = reason;
    if (reason != drop_reason::own_message) {
        result.actions.emplace_back(message_dropped{message.from, message.link, reason});
    }
    return result;
}

void machine::refresh_link(peer_record& peer, link_record& link, time_point now, actions& out) {
    link.last_heard = now;
    if (link.state != link_state::up) {
        out.emplace_back(link_state_changed{peer.name, link.id, link.state, link_state::up});
        link.state = link_state::up;
    }
}

void machine::apply_peer_status(peer_record& peer, const received_message& message, bool restarted,
                                bool generation_was_known, time_point now, actions& out) {
    const bool is_status = message.type == "status";
    if (is_status) {
        if (message.dt && message.dt->count() > 0) {
            peer.advertised_dead_time = *message.dt;
        }
        if (!restarted && peer.state != node_state::dead && peer.last_status &&
            now - *peer.last_status > config_.warntime) {
            out.emplace_back(late_heartbeat{
                peer.name, std::chrono::duration_cast<milliseconds>(now - *peer.last_status)});
        }
        peer.last_status = now;
    } else if (message.type != "shutdone") {
        return; // only status and shutdone carry the sender's state
    }
    const std::optional<node_state> said = parse_node_state(message.status);
    if (!said || *said == peer.state) {
        return;
    }
    if (peer.state == node_state::dead && !restarted && generation_was_known) {
        out.emplace_back(peer_returned_after_partition{peer.name});
    }
    out.emplace_back(node_state_changed{peer.name, peer.state, *said, false});
    peer.state = *said;
}

receive_result machine::receive(const received_message& message, time_point now) {
    if (!running_) {
        return drop(nullptr, message, drop_reason::not_running);
    }
    if (message.from == config_.local_node) {
        return drop(nullptr, message, drop_reason::own_message);
    }
    peer_record* peer = find_peer(message.from);
    if (!peer) {
        ++dropped_from_unknown_nodes_;
        return drop(nullptr, message, drop_reason::unknown_node);
    }
    if (!message.authenticated) {
        // Counted and remembered, never trusted: it changes no state (§4.6, issue 6 item 7).
        receive_result result = drop(peer, message, drop_reason::unauthenticated);
        peer->last_unauthenticated = now;
        if (!peer->heard_unauthenticated) {
            peer->heard_unauthenticated = true;
            result.actions.emplace_back(unauthenticated_peer{peer->name, true});
        }
        return result;
    }
    link_record* link = find_link(*peer, message.link);
    if (!link) {
        return drop(peer, message, drop_reason::unknown_link);
    }

    // Generation first (§4.8): older is a replay, newer is a restart but only on t=status.
    const bool generation_was_known = peer->generation.has_value();
    const bool is_status = message.type == "status";
    bool restarted = false;
    if (generation_was_known && message.generation < *peer->generation) {
        return drop(peer, message, drop_reason::old_generation);
    }
    if (generation_was_known && message.generation > *peer->generation) {
        if (!is_status) {
            return drop(peer, message, drop_reason::generation_before_status);
        }
        restarted = true;
    }

    actions out;
    if (!is_unsequenced_type(message.type)) {
        if (!message.seq) {
            return drop(peer, message, drop_reason::missing_seq);
        }
        if (restarted) {
            peer->sequence.reset();
        }
        const sequence_result seen = peer->sequence.observe(*message.seq);
        if (seen.verdict == sequence_verdict::duplicate) {
            // The same packet over another medium: proof that medium works, nothing more.
            // A dead node's links are not revived by a copy of an old packet.
            receive_result result = drop(peer, message, drop_reason::duplicate);
            if (peer->state != node_state::dead) {
                refresh_link(*peer, *link, now, result.actions);
            }
            return result;
        }
        if (seen.verdict == sequence_verdict::replayed) {
            return drop(peer, message, drop_reason::old_sequence);
        }
        if (seen.gap_size > 0) {
            peer->counters.lost += seen.gap_size;
            out.emplace_back(packets_lost{peer->name, seen.first_missing,
                                          seen.first_missing + seen.gap_size - 1});
        }
        if (seen.recovered && peer->counters.lost > 0) {
            --peer->counters.lost; // late, not lost
        }
    }

    if (restarted) {
        out.emplace_back(peer_restarted{peer->name, *peer->generation, message.generation});
    }
    peer->generation = message.generation;
    peer->last_heard = now;
    refresh_link(*peer, *link, now, out);
    apply_peer_status(*peer, message, restarted, generation_was_known, now, out);
    check_comm_up(now, out);
    return receive_result{std::nullopt, std::move(out)};
}

} // namespace hakit::runtime::membership
