// Direct checks of the machine: exact dead-time boundaries, deadlines, the status view.
#include "scenario.hpp"

#include <catch2/catch.hpp>

namespace hakit::runtime::membership::testing {
namespace {

using namespace std::chrono_literals;

config fast_config() {
    config cfg = two_node_config();
    cfg.keepalive = 50ms;
    cfg.deadtime = 200ms;
    cfg.warntime = 100ms;
    cfg.initdead = 400ms;
    return cfg;
}

bool has_dead_peer(const actions& list) {
    for (const action& one : list) {
        const auto* change = std::get_if<node_state_changed>(&one);
        if (change && !change->is_local && change->to == node_state::dead) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("membership: a peer is dead only when more than the dead time has passed",
          "[runtime][membership]") {
    machine subject{fast_config()};
    subject.start(t0);
    const time_point heard = t0 + 10ms;
    REQUIRE(subject.receive(status_message(1, "active", 7, "ucast eth1", 200), heard).accepted());
    subject.receive(status_message(1, "active", 7, "bcast eth2", 200), heard);
    REQUIRE(subject.is_comm_up());

    CHECK_FALSE(has_dead_peer(subject.tick(heard + 200ms)));
    CHECK(subject.view().peers.at(0).state == node_state::active);
    // the machine asks to be woken exactly at the first instant the peer counts as dead
    REQUIRE(subject.next_deadline() == heard + 200ms + clock::duration{1});
    CHECK(has_dead_peer(subject.tick(heard + 200ms + clock::duration{1})));
    CHECK(subject.view().peers.at(0).state == node_state::dead);
}

TEST_CASE("membership: before comm up the dead time is initdead, to the nanosecond",
          "[runtime][membership]") {
    machine subject{fast_config()};
    subject.start(t0);
    CHECK_FALSE(has_dead_peer(advance(subject, t0 + 400ms)));
    CHECK_FALSE(subject.is_comm_up());
    const actions out = advance(subject, t0 + 400ms + clock::duration{1});
    CHECK(has_dead_peer(out));
    CHECK(count_of<comm_up>(out) == 1);
    CHECK(subject.local_state() == node_state::active);
}

TEST_CASE("membership: next_deadline exists only while running", "[runtime][membership]") {
    machine subject{fast_config()};
    CHECK_FALSE(subject.next_deadline());
    CHECK(subject.tick(t0).empty());
    CHECK(subject.receive(status_message(1), t0).dropped == drop_reason::not_running);

    const actions started = subject.start(t0);
    CHECK(count_of<send_status>(started) == 2);
    CHECK(subject.next_deadline() == t0 + 50ms); // the next keepalive comes first
    CHECK(subject.advertised_dead_time(t0) == 2200ms);
    CHECK(subject.advertised_dead_time(t0 + 5s) == 200ms);

    const actions stopped = subject.shutdown(t0 + 1s);
    CHECK(count_of<send_shutdone>(stopped) == 1);
    CHECK(subject.local_state() == node_state::dead);
    CHECK_FALSE(subject.next_deadline());
}

TEST_CASE("membership: a node alone in its cluster is active at once", "[runtime][membership]") {
    config cfg = fast_config();
    cfg.peers = {"node1"};
    machine subject{cfg};
    const actions out = subject.start(t0);
    CHECK(count_of<comm_up>(out) == 1);
    CHECK(subject.local_state() == node_state::active);
}

TEST_CASE("membership: the view reports generation, sequence, links and counters",
          "[runtime][membership]") {
    machine subject{two_node_config()};
    subject.start(t0);
    subject.receive(status_message(100, "up", 0x6b08acbf), at_ms(100));
    subject.receive(status_message(100, "up", 0x6b08acbf, "bcast eth2"), at_ms(100)); // copy
    subject.receive(status_message(103, "active", 0x6b08acbf), at_ms(1100));          // 2 lost
    subject.receive(status_message(102, "active", 0x6b08acbf), at_ms(1101));          // late
    subject.receive(status_message(50, "active", 0x6b08acbf), at_ms(1102));           // replay
    subject.receive(status_message(104, "active", 0x6b08acae), at_ms(1103));          // old hg
    received_message forged = status_message(105, "dead", 0x6b08acbf);
    forged.authenticated = false;
    subject.receive(forged, at_ms(1104));
    received_message stranger = status_message(1);
    stranger.from = "node9";
    subject.receive(stranger, at_ms(1105));

    const membership_view snapshot = subject.view();
    CHECK(snapshot.local_node == "node1");
    CHECK(snapshot.local_state == node_state::active);
    CHECK(snapshot.comm_up);
    CHECK(snapshot.dropped_from_unknown_nodes == 1);
    REQUIRE(snapshot.peers.size() == 1);
    const peer_view& peer = snapshot.peers.front();
    CHECK(peer.node == "node2");
    CHECK(peer.state == node_state::active);
    CHECK(peer.generation == 0x6b08acbfu);
    CHECK(peer.last_seq == 103u);
    CHECK(peer.last_heard == at_ms(1101));
    CHECK(peer.advertised_dead_time == 6000ms);
    CHECK(peer.dead_timeout == 6000ms);
    CHECK(peer.heard_unauthenticated);
    CHECK(peer.counters.duplicate == 1);
    CHECK(peer.counters.lost == 1);
    CHECK(peer.counters.replayed == 2);
    CHECK(peer.counters.unauthenticated == 1);
    CHECK(peer.counters.rejected == 0);
    REQUIRE(peer.links.size() == 2);
    CHECK(peer.links[0].link == "ucast eth1");
    CHECK(peer.links[0].state == link_state::up);
    CHECK(peer.links[0].last_heard == at_ms(1101));
    CHECK(peer.links[1].state == link_state::up);
    CHECK(peer.links[1].last_heard == at_ms(100));
}

TEST_CASE("membership: an unauthenticated flood changes nothing but its counter",
          "[runtime][membership]") {
    machine subject{two_node_config()};
    subject.start(t0);
    subject.receive(status_message(1, "active"), at_ms(100));
    const membership_view before = subject.view();
    const std::optional<time_point> deadline_before = subject.next_deadline();

    std::size_t raised = 0;
    for (std::uint64_t n = 0; n < 10000; ++n) {
        // every field a forger could pick: a future generation, any seq, any state
        received_message forged = status_message(n, n % 2 ? "dead" : "init", 100 + n % 3,
                                                 n % 2 ? "ucast eth1" : "bcast eth2", 1);
        forged.type = n % 5 ? "status" : "shutdone";
        forged.authenticated = false;
        const receive_result result = subject.receive(forged, at_ms(100));
        CHECK(result.dropped == drop_reason::unauthenticated);
        raised += count_of<unauthenticated_peer>(result.actions);
    }
    CHECK(raised == 1);
    membership_view after = subject.view();
    CHECK(after.peers.front().counters.unauthenticated == 10000);
    CHECK(after.peers.front().heard_unauthenticated);
    after.peers.front().counters.unauthenticated = 0;
    after.peers.front().heard_unauthenticated = false;
    CHECK(after == before);
    CHECK(subject.next_deadline() == deadline_before);
}

TEST_CASE("membership: a peer heard only with the wrong key is dead but flagged",
          "[runtime][membership]") {
    machine subject{fast_config()};
    subject.start(t0);
    received_message forged = status_message(1, "active", 7, "ucast eth1", 200);
    forged.authenticated = false;
    for (int n = 0; n < 8; ++n) { // within initdead (400 ms)
        advance(subject, t0 + n * 50ms);
        subject.receive(forged, t0 + n * 50ms);
    }
    CHECK_FALSE(subject.is_comm_up()); // a forged packet does not count as "heard"
    advance(subject, t0 + 400ms + clock::duration{1});
    const peer_view peer = subject.view().peers.at(0);
    CHECK(peer.state == node_state::dead);
    CHECK_FALSE(peer.last_heard);
    // the policy reads this flag and refuses to take over from a peer it cannot authenticate
    CHECK(peer.heard_unauthenticated);
    CHECK(peer.counters.unauthenticated == 8);
}

} // namespace hakit::runtime::membership::testing
