// The membership machine driven through whole scenarios on a fake clock (reference §5.1, §4.8).
#include "scenario.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace hakit::runtime::membership::testing {
namespace {

using lines = std::vector<std::string>;

const std::vector<std::string> both_links{"ucast eth1", "bcast eth2"};
const lines node2_dead{"Link node2:ucast eth1 dead.", "Link node2:bcast eth2 dead.",
                       "node node2: is dead"};
const lines we_are_active{"Comm_now_up(): updating status to active",
                          "Local status now set to: 'active'"};

lines concat(std::initializer_list<lines> parts) {
    lines all;
    for (const lines& part : parts) {
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

// Both nodes come up together: node2's first packets reach us at 500 ms, then it sends every
// second until `last_ms`. Afterwards `seq` is the next number node2 would use.
std::vector<step> both_start(std::uint64_t& seq, std::int64_t last_ms) {
    seq = 3;
    std::vector<step> steps{
        {0, start_event{}, lines{"Local status now set to: 'up'"}},
        {500, status_message(1, "init", 100, "ucast eth1", 8000),
         concat({{"Link node2:ucast eth1 up."}, we_are_active})},
        {500, status_message(1, "init", 100, "bcast eth2", 8000),
         lines{"Link node2:bcast eth2 up."}},
        {501, status_message(2, "up", 100, "ucast eth1", 8000),
         lines{"Status update for node node2: status up"}},
    };
    std::vector<step> stream = status_stream(1000, last_ms, 1000, seq, both_links);
    steps.insert(steps.end(), stream.begin(), stream.end());
    steps.push_back({last_ms, tick_event{}, lines{"Status update for node node2: status active"}});
    return steps;
}

std::vector<step> then(std::vector<step> steps, std::vector<step> more) {
    steps.insert(steps.end(), more.begin(), more.end());
    // Steps at the same instant keep their order: checks come after the stream they follow.
    std::stable_sort(steps.begin(), steps.end(),
                     [](const step& a, const step& b) { return a.at_ms < b.at_ms; });
    return steps;
}

received_message forged(std::uint64_t seq) {
    received_message message = status_message(seq, "dead", 999);
    message.authenticated = false;
    return message;
}

} // namespace

TEST_CASE("membership: a node started alone declares its peer dead after initdead, not before",
          "[runtime][membership]") {
    const scenario play{"start alone",
                        two_node_config(),
                        {
                            {0, start_event{}, lines{"Local status now set to: 'up'"}},
                            {12000, tick_event{}, lines{}},
                            {12001, tick_event{}, concat({node2_dead, we_are_active})},
                            {60000, tick_event{}, lines{}},
                        }};
    const auto failure = run(play);
    INFO(failure.value_or(""));
    CHECK_FALSE(failure);
}

TEST_CASE("membership: status goes out every keepalive, with deadtime + 2 s for the first 5 s",
          "[runtime][membership]") {
    config cfg = two_node_config();
    cfg.keepalive = milliseconds{2000};
    scenario play{"status cadence",
                  cfg,
                  {
                      {0, start_event{},
                       lines{"sending status st=init dt=8000 ms", "Local status now set to: 'up'",
                             "sending status st=up dt=8000 ms"}},
                      {1999, tick_event{}, lines{}},
                      {2000, tick_event{}, lines{"sending status st=up dt=8000 ms"}},
                      {4999, tick_event{}, lines{"sending status st=up dt=8000 ms"}},
                      // the startup window ends: the shorter dt goes out at once
                      {5000, tick_event{}, lines{"sending status st=up dt=6000 ms"}},
                      {6999, tick_event{}, lines{}},
                      {7000, tick_event{}, lines{"sending status st=up dt=6000 ms"}},
                  }};
    play.keep_sends = true;
    const auto failure = run(play);
    INFO(failure.value_or(""));
    CHECK_FALSE(failure);
}

TEST_CASE("membership: table of scenarios", "[runtime][membership]") {
    std::uint64_t seq = 0;
    std::vector<scenario> table;

    table.push_back({"both start: comm up on the first packet, states follow st", two_node_config(),
                     both_start(seq, 20000)});

    {
        std::vector<step> steps = both_start(seq, 20000);
        steps.push_back({26000, tick_event{}, lines{}});
        steps.push_back({26001, tick_event{}, node2_dead});
        table.push_back(
            {"peer dies: dead only once more than its dt has passed", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 20000);
        const std::uint64_t last_sent = seq - 1;
        steps.push_back({26001, tick_event{}, node2_dead});
        steps.push_back(
            {30000, status_message(seq + 4),
             lines{fmt::format("4 lost packet(s) for [node2] [{}:{}]", last_sent, seq + 4),
                   "Link node2:ucast eth1 up.", "Cluster node node2 returning after partition.",
                   "Status update for node node2: status active"}});
        table.push_back(
            {"same generation after death: returning after partition", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 20000);
        steps.push_back({26001, tick_event{}, node2_dead});
        steps.push_back(
            {30000, status_message(1, "init", 101, "ucast eth1", 8000),
             lines{"Heartbeat restart on node node2 (generation 100 -> 101)",
                   "Link node2:ucast eth1 up.", "Status update for node node2: status init"}});
        // the old generation is over: its packets are replays now
        steps.push_back(
            {30001, status_message(seq, "active", 100),
             lines{"dropped packet from node2 on ucast eth1: replay (older generation)"}});
        table.push_back({"new generation after death: restart", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 20000);
        steps.push_back({20500, status_message(1, "init", 101, "ucast eth1", 8000),
                         lines{"Heartbeat restart on node node2 (generation 100 -> 101)",
                               "Status update for node node2: status init"}});
        table.push_back({"new generation while alive: restart noticed within one keepalive",
                         two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 20000);
        const std::uint64_t last_sent = seq - 1;
        // older than the last few packets, whose copies may still come over another medium
        steps.push_back({20100, status_message(last_sent - 20),
                         lines{"dropped packet from node2 on ucast eth1: replay (sequence number "
                               "already seen)"}});
        steps.push_back(
            {20200, status_message(last_sent, "active", 99),
             lines{"dropped packet from node2 on ucast eth1: replay (older generation)"}});
        // a gap is counted, a missing packet arriving late is accepted once, then it is a replay
        steps.push_back(
            {21000, status_message(seq + 2),
             lines{fmt::format("2 lost packet(s) for [node2] [{}:{}]", last_sent, seq + 2)}});
        steps.push_back({21001, status_message(seq), lines{}});
        steps.push_back({21002, status_message(seq - 20),
                         lines{"dropped packet from node2 on ucast eth1: replay (sequence number "
                               "already seen)"}});
        table.push_back(
            {"replayed packets are dropped, late ones accepted once", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 20000);
        const std::uint64_t last_sent = seq - 1;
        steps.push_back({26001, tick_event{}, node2_dead});
        // neither an old packet nor a copy of the last one brings a dead node or link back
        steps.push_back({27000, status_message(last_sent - 20),
                         lines{"dropped packet from node2 on ucast eth1: replay (sequence number "
                               "already seen)"}});
        steps.push_back({27001, status_message(last_sent, "active", 100, "bcast eth2"), lines{}});
        steps.push_back({60000, tick_event{}, lines{}});
        table.push_back({"replays never revive a dead node", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 10000);
        steps = then(steps, status_stream(11000, 30000, 1000, seq, {"ucast eth1"}));
        steps = then(steps, {{16000, tick_event{}, lines{}},
                             {16001, tick_event{}, lines{"Link node2:bcast eth2 dead."}},
                             {30000, tick_event{}, lines{}},
                             {30000, status_message(seq - 1, "active", 100, "bcast eth2"),
                              lines{"Link node2:bcast eth2 up."}}});
        table.push_back({"one medium dies, the node stays up", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 3000);
        // each status on both media; the copy on eth2 is a duplicate and says nothing
        const auto on_both = [&](std::int64_t when, lines expected) {
            steps.push_back({when, status_message(seq), std::move(expected)});
            steps.push_back({when, status_message(seq, "active", 100, "bcast eth2"), lines{}});
            ++seq;
        };
        on_both(6500, {"Late heartbeat: Node node2: interval 3500 ms"});
        on_both(7500, {});
        on_both(10500, {}); // exactly warntime: still on time
        on_both(14000, {"Late heartbeat: Node node2: interval 3500 ms"});
        table.push_back({"warntime: one warning per late interval", two_node_config(), steps});
    }
    {
        std::vector<step> steps{{0, start_event{}, lines{"Local status now set to: 'up'"}}};
        // node2 is still in its startup window and says dt=8000; our own deadtime is 6000
        steps = then(steps, status_stream(500, 10000, 500, seq = 1, both_links, "up", 100, 8000));
        steps =
            then(steps,
                 {{10000, tick_event{},
                   concat({{"Link node2:ucast eth1 up.", "Status update for node node2: status up"},
                           we_are_active,
                           {"Link node2:bcast eth2 up."}})},
                  {16001, tick_event{}, lines{}},
                  {18000, tick_event{}, lines{}},
                  {18001, tick_event{}, node2_dead}});
        table.push_back({"the peer's dt is honoured", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 10000);
        steps = then(steps, status_stream(11000, 20000, 1000, seq, both_links));
        std::vector<step> flood;
        for (std::int64_t when = 10100; when < 16000; when += 100) {
            flood.push_back({when, forged(static_cast<std::uint64_t>(when)), std::nullopt});
        }
        flood.front().expect =
            lines{"dropped packet from node2 on ucast eth1: not authenticated",
                  "node node2 is heard but its packets do not authenticate; no takeover from it"};
        steps = then(steps, flood);
        steps =
            then(steps,
                 {{20000, tick_event{},
                   lines(58, "dropped packet from node2 on ucast eth1: not authenticated")},
                  {21900, tick_event{}, lines{}},
                  {21901, tick_event{}, lines{"node node2: no unauthenticated packets any more"}}});
        table.push_back({"unauthenticated packets change nothing and raise a flag for a while",
                         two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 10000);
        received_message goodbye = status_message(seq, "dead");
        goodbye.type = "shutdone";
        goodbye.dt.reset();
        steps.push_back({10500, goodbye, lines{"node node2: is dead"}});
        // the goodbye came over eth1 only, so that medium was heard last
        steps.push_back({16001, tick_event{}, lines{"Link node2:bcast eth2 dead."}});
        steps.push_back({16501, tick_event{}, lines{"Link node2:ucast eth1 dead."}});
        table.push_back({"the peer's shutdone marks it dead at once", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 10000);
        steps.push_back({10500, shutdown_event{},
                         lines{"sending shutdone st=dead", "Local status now set to: 'dead'"}});
        steps.push_back({10600, status_message(seq),
                         lines{"dropped packet from node2 on ucast eth1: not running"}});
        steps.push_back({60000, tick_event{}, lines{}});
        table.push_back({"local shutdown: quiet afterwards", two_node_config(), steps});
    }
    {
        std::vector<step> steps = both_start(seq, 10000);
        received_message stranger = status_message(seq);
        stranger.from = "node3";
        received_message elsewhere = status_message(seq);
        elsewhere.link = "mcast eth9";
        received_message unnumbered = status_message(seq);
        unnumbered.type = "resource";
        unnumbered.seq.reset();
        received_message ack = status_message(seq);
        ack.type = "NS_ackmsg";
        ack.seq.reset();
        received_message ahead = status_message(1, "active", 101);
        ahead.type = "resource";
        received_message mine = status_message(seq);
        mine.from = "node1";
        steps.push_back(
            {10100, stranger, lines{"dropped packet from node3 on ucast eth1: unknown node"}});
        steps.push_back(
            {10200, elsewhere, lines{"dropped packet from node2 on mcast eth9: unknown medium"}});
        steps.push_back(
            {10300, unnumbered, lines{"dropped packet from node2 on ucast eth1: missing seqno"}});
        steps.push_back({10400, ack, lines{}});
        steps.push_back({10500, ahead,
                         lines{"dropped packet from node2 on ucast eth1: newer generation before "
                               "its status message"}});
        steps.push_back({10600, mine, lines{}});
        table.push_back(
            {"packets that do not fit are dropped with a reason", two_node_config(), steps});
    }

    for (const scenario& play : table) {
        const auto failure = run(play);
        INFO(failure.value_or(""));
        CHECK_FALSE(failure);
    }
}

} // namespace hakit::runtime::membership::testing
