// Two machines talking over a simulated two-medium network with keepalive 50 ms and
// deadtime 200 ms: 10 000 keepalives without a false death or a late-heartbeat warning.
#include "scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

namespace hakit::runtime::membership::testing {
namespace {

using namespace std::chrono_literals;

config node_config(std::string self, std::string other) {
    config cfg;
    cfg.local_node = std::move(self);
    cfg.peers = {std::move(other)};
    cfg.links = {"ucast eth1", "bcast eth2"};
    cfg.keepalive = 50ms;
    cfg.deadtime = 200ms;
    cfg.warntime = 100ms;
    cfg.initdead = 400ms;
    return cfg;
}

// Deterministic jitter so a failure can be replayed.
class jitter {
  public:
    std::chrono::microseconds next(std::uint32_t max_us) {
        state_ = state_ * 1664525u + 1013904223u;
        return std::chrono::microseconds{(state_ >> 8) % (max_us + 1)};
    }

  private:
    std::uint32_t state_ = 12345;
};

struct simulated_node {
    std::string name;
    machine subject;
    std::uint64_t generation = 0;
    std::uint64_t next_seq = 1;
    std::size_t keepalives_sent = 0;
};

struct tally {
    std::size_t deaths = 0;
    std::size_t dead_links = 0;
    std::size_t late = 0;
    std::size_t comm_ups = 0;

    void count(const actions& list) {
        for (const action& one : list) {
            const auto* change = std::get_if<node_state_changed>(&one);
            if (change && change->to == node_state::dead) {
                ++deaths;
            }
            const auto* link = std::get_if<link_state_changed>(&one);
            if (link && link->to == link_state::dead) {
                ++dead_links;
            }
        }
        late += count_of<late_heartbeat>(list);
        comm_ups += count_of<comm_up>(list);
    }
};

} // namespace

TEST_CASE("membership: keepalive 50 ms / deadtime 200 ms over 10 000 keepalives, no false death",
          "[runtime][membership]") {
    simulated_node nodes[2] = {{"node1", machine{node_config("node1", "node2")}, 0x6b08acaf},
                               {"node2", machine{node_config("node2", "node1")}, 0x6b08acbf}};
    std::multimap<time_point, std::pair<int, received_message>> in_flight;
    jitter random;
    tally seen;

    // Each status goes out on both media with up to 20 ms latency each, each medium keeping
    // its own order; the event loop wakes up to 3 ms after a deadline, as a busy machine would.
    std::map<std::pair<int, std::string>, time_point> last_arrival;
    const auto route = [&](int from, const actions& list, time_point now) {
        seen.count(list);
        for (const action& one : list) {
            const auto* status = std::get_if<send_status>(&one);
            if (!status) {
                continue;
            }
            simulated_node& sender = nodes[from];
            ++sender.keepalives_sent;
            for (const char* link : {"ucast eth1", "bcast eth2"}) {
                received_message message;
                message.from = sender.name;
                message.link = link;
                message.type = "status";
                message.seq = sender.next_seq;
                message.generation = sender.generation;
                message.status = std::string{to_string(status->status)};
                message.dt = status->dead_time;
                message.authenticated = true;
                time_point& previous = last_arrival[{from, link}];
                previous = std::max(now + random.next(20000), previous + clock::duration{1});
                in_flight.emplace(previous, std::pair{1 - from, message});
            }
            ++sender.next_seq;
        }
    };

    route(0, nodes[0].subject.start(t0), t0);
    route(1, nodes[1].subject.start(t0 + 7ms), t0 + 7ms);
    for (int guard = 0; guard < 1'000'000 && nodes[0].keepalives_sent < 10000; ++guard) {
        time_point next = time_point::max();
        int ticking = -1;
        for (int index = 0; index < 2; ++index) {
            const std::optional<time_point> deadline = nodes[index].subject.next_deadline();
            if (deadline && *deadline < next) {
                next = *deadline;
                ticking = index;
            }
        }
        if (!in_flight.empty() && in_flight.begin()->first <= next) {
            const auto [when, delivery] = *in_flight.begin();
            in_flight.erase(in_flight.begin());
            const receive_result result =
                nodes[delivery.first].subject.receive(delivery.second, when);
            route(delivery.first, result.actions, when);
            continue;
        }
        REQUIRE(ticking >= 0);
        const time_point woke = next + random.next(3000);
        route(ticking, nodes[ticking].subject.tick(woke), woke);
    }

    CHECK(nodes[0].keepalives_sent >= 10000);
    CHECK(seen.comm_ups == 2);
    CHECK(seen.deaths == 0);
    CHECK(seen.dead_links == 0);
    CHECK(seen.late == 0);
    for (const simulated_node& node : nodes) {
        const membership_view snapshot = node.subject.view();
        CHECK(snapshot.local_state == node_state::active);
        const peer_view& peer = snapshot.peers.at(0);
        CHECK(peer.state == node_state::active);
        CHECK(peer.counters.lost == 0);
        CHECK(peer.counters.replayed == 0);
        CHECK(peer.counters.duplicate > 9000); // every packet's second copy
        CHECK(peer.dead_timeout == 200ms);
    }
}

TEST_CASE("membership: the same simulation notices a silent peer within deadtime",
          "[runtime][membership]") {
    machine subject{node_config("node1", "node2")};
    subject.start(t0);
    std::uint64_t seq = 1;
    time_point now = t0;
    // 1000 keepalives from node2, then silence
    for (int n = 0; n < 1000; ++n) {
        now = t0 + 10ms + n * 50ms;
        advance(subject, now);
        for (const char* link : {"ucast eth1", "bcast eth2"}) {
            received_message message = status_message(seq, "active", 5, link, 200);
            message.from = "node2";
            subject.receive(message, now);
        }
        ++seq;
    }
    CHECK(subject.view().peers.at(0).state == node_state::active);
    advance(subject, now + 200ms);
    CHECK(subject.view().peers.at(0).state == node_state::active);
    advance(subject, now + 200ms + clock::duration{1});
    CHECK(subject.view().peers.at(0).state == node_state::dead);
}

} // namespace hakit::runtime::membership::testing
