// Two policy machines back to back (see two_nodes.hpp): the failover behaviour issue 6 asks for.
#include "runtime/policy/two_nodes.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

using namespace hakit::test::policy;
namespace ev = hakit::runtime::policy::event;
using hakit::runtime::policy::auto_failback;
using hakit::runtime::policy::message_type;
using hakit::runtime::policy::resource_set;

constexpr std::size_t alpha = 0;
constexpr std::size_t beta = 1;
const std::vector<std::string> all_groups{"a1", "b1", "a2", "b2"};

void start_and_settle(two_nodes& net) {
    net.both_start_together();
    net.advance(400ms);
}

bool owners_hold_their_groups(const two_nodes& net) {
    return net.held_only_by("a1", alpha) && net.held_only_by("a2", alpha) &&
           net.held_only_by("b1", beta) && net.held_only_by("b2", beta);
}

bool all_held_by(const two_nodes& net, std::size_t index) {
    return std::all_of(all_groups.begin(), all_groups.end(),
                       [&](const auto& group) { return net.held_only_by(group, index); });
}

std::vector<std::string> since(const std::vector<std::string>& list, std::size_t from) {
    return {list.begin() + static_cast<std::ptrdiff_t>(from), list.end()};
}

} // namespace

TEST_CASE("a node alone takes every group in haresources order once the peer is declared dead",
          "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    net.crash(beta);
    net.advance(1000ms); // initdead: nothing may start before comm-up
    CHECK(net.node(alpha).starts.empty());
    net.inject(alpha, ev::peer_dead{});
    net.inject(alpha, ev::comm_up{});
    net.advance(400ms);
    CHECK(all_held_by(net, alpha));
    CHECK(net.node(alpha).starts == all_groups);
    CHECK(net.violations().empty());
}

TEST_CASE("nodes starting together settle within two keepalives with one holder per group",
          "[runtime][policy]") {
    SECTION("same instant") {
        two_nodes net(auto_failback::on);
        net.both_start_together();
        net.advance(400ms); // 2 x keepalive 200 ms
        CHECK(owners_hold_their_groups(net));
        CHECK(net.violations().empty());
    }
    SECTION("the peer comes up most of a keepalive later and hears 'starting' first") {
        two_nodes net(auto_failback::off);
        net.inject(alpha, ev::peer_alive{true});
        net.inject(alpha, ev::comm_up{});
        net.advance(150ms);
        net.inject(beta, ev::peer_alive{true});
        net.inject(beta, ev::comm_up{});
        net.advance(250ms);
        CHECK(owners_hold_their_groups(net));
        CHECK(net.node(alpha).starts == std::vector<std::string>{"a1", "a2"});
        CHECK(net.node(beta).starts == std::vector<std::string>{"b1", "b2"});
        CHECK(net.violations().empty());
    }
}

TEST_CASE("a dead peer's groups are taken over only after it is declared dead",
          "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    start_and_settle(net);
    net.crash(beta);
    net.advance(999ms);
    CHECK(net.node(alpha).starts == std::vector<std::string>{"a1", "a2"});
    net.inject(alpha, ev::peer_dead{});
    net.advance(200ms);
    CHECK(all_held_by(net, alpha));
    CHECK(net.violations().empty());
}

TEST_CASE("a returning owner gets its groups back with auto_failback on and not with off",
          "[runtime][policy]") {
    const auto failback = GENERATE(auto_failback::on, auto_failback::off, auto_failback::legacy);
    two_nodes net(failback);
    start_and_settle(net);
    net.crash(beta);
    net.advance(1000ms);
    net.inject(alpha, ev::peer_dead{});
    net.advance(300ms);
    REQUIRE(all_held_by(net, alpha));

    net.restart(beta);
    net.inject(alpha, ev::peer_restarted{});
    net.inject(alpha, ev::peer_alive{true});
    net.inject(beta, ev::peer_alive{true});
    net.inject(beta, ev::comm_up{});
    net.advance(1000ms);
    if (failback == auto_failback::off) {
        CHECK(all_held_by(net, alpha));
        CHECK(net.node(alpha).stops.empty());
        CHECK(net.node(beta).starts.empty());
    } else {
        CHECK(owners_hold_their_groups(net));
        CHECK(net.node(alpha).stops == std::vector<std::string>{"b2", "b1"}); // reverse order
        CHECK(net.node(beta).starts == std::vector<std::string>{"b1", "b2"});
    }
    CHECK(net.violations().empty());
}

TEST_CASE("after a partition with auto_failback on each owner keeps its groups without a stop",
          "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    start_and_settle(net);
    net.cut_link();
    net.allow_double_holds(true);
    net.advance(1000ms);
    net.inject(alpha, ev::peer_dead{});
    net.inject(beta, ev::peer_dead{});
    net.advance(300ms);
    for (const auto& group : all_groups) {
        CHECK(net.holders(group).size() == 2);
    }
    const auto alpha_stops = net.node(alpha).stops.size();
    const auto beta_stops = net.node(beta).stops.size();
    net.restore_link();
    net.inject(alpha, ev::peer_returned{});
    net.inject(beta, ev::peer_returned{});
    net.advance(500ms);
    net.allow_double_holds(false);
    CHECK(owners_hold_their_groups(net));
    // The keeper never stops its copy: no outage.
    CHECK(since(net.node(alpha).stops, alpha_stops) == std::vector<std::string>{"b2", "b1"});
    CHECK(since(net.node(beta).stops, beta_stops) == std::vector<std::string>{"a2", "a1"});
    net.advance(2000ms);
    CHECK(owners_hold_their_groups(net));
    CHECK(net.violations().empty());
}

TEST_CASE("after a partition with auto_failback off the node that held the groups first keeps "
          "them",
          "[runtime][policy]") {
    two_nodes net(auto_failback::off);
    net.crash(beta);
    net.advance(1000ms);
    net.inject(alpha, ev::peer_dead{});
    net.inject(alpha, ev::comm_up{});
    net.advance(400ms);
    net.restart(beta);
    net.inject(alpha, ev::peer_restarted{});
    net.inject(alpha, ev::peer_alive{true});
    net.inject(beta, ev::peer_alive{true});
    net.inject(beta, ev::comm_up{});
    net.advance(500ms);
    REQUIRE(all_held_by(net, alpha)); // off: nothing moves back

    net.cut_link();
    net.allow_double_holds(true);
    net.advance(1000ms);
    net.inject(alpha, ev::peer_dead{});
    net.inject(beta, ev::peer_dead{});
    net.advance(300ms);
    CHECK(net.holders("b1").size() == 2);
    net.restore_link();
    net.inject(beta, ev::peer_returned{});
    net.advance(150ms); // alpha hears beta a little later
    net.inject(alpha, ev::peer_returned{});
    net.advance(500ms);
    net.allow_double_holds(false);
    CHECK(all_held_by(net, alpha));
    CHECK(net.node(alpha).stops.empty());
    CHECK(net.node(beta).stops == std::vector<std::string>{"b2", "a2", "b1", "a1"});
    net.advance(2000ms);
    CHECK(net.violations().empty());
}

TEST_CASE("a graceful shutdown releases in reverse order and the peer takes over on shutdone",
          "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    start_and_settle(net);
    net.inject(alpha, ev::shutdown_request{});
    net.advance(300ms); // far less than deadtime 1000 ms
    CHECK(net.node(alpha).shutdown_complete);
    CHECK(net.node(alpha).stops == std::vector<std::string>{"a2", "a1"});
    const auto& sent = net.node(alpha).sent;
    REQUIRE(sent.size() >= 2);
    CHECK(sent.back().type == message_type::shutdone);
    CHECK(sent.back().field("st") == std::optional<std::string_view>{"dead"});
    const auto announce = sent[sent.size() - 2];
    CHECK(announce.type == message_type::resource);
    CHECK(announce.field("rsc_hold") == std::optional<std::string_view>{"none"});
    CHECK(announce.field("info") == std::optional<std::string_view>{"shutdown"});
    for (const auto& group : all_groups) {
        CHECK(net.holders(group) == std::vector<std::size_t>{beta});
    }
    CHECK(net.violations().empty());
}

TEST_CASE("a peer that is heard but not authenticated is never taken over from",
          "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    net.crash(beta); // its packets arrive, but with another key
    net.inject(alpha, ev::peer_unauthenticated{true});
    net.advance(1000ms);
    net.inject(alpha, ev::peer_dead{});
    net.inject(alpha, ev::comm_up{});
    net.advance(500ms);
    CHECK(net.node(alpha).starts == std::vector<std::string>{"a1", "a2"});
    CHECK(net.holders("b1").empty());
    CHECK(net.holders("b2").empty());
    const std::string refusal = "cannot be authenticated";
    CHECK(net.count_logs(alpha, refusal) == 1);
    net.advance(1000ms); // said again once per deadtime, not per packet
    CHECK(net.count_logs(alpha, refusal) == 2);

    net.inject(alpha, ev::peer_unauthenticated{false});
    net.advance(300ms);
    CHECK(all_held_by(net, alpha));
}

TEST_CASE("a group that fails to start is released, not retried, and the peer takes it",
          "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    net.node(alpha).failing_starts.insert("a1");
    start_and_settle(net);
    net.advance(5000ms);
    CHECK(std::count(net.node(alpha).starts.begin(), net.node(alpha).starts.end(), "a1") == 1);
    CHECK(net.node(alpha).stops == std::vector<std::string>{"a1"});
    CHECK(net.held_only_by("a1", beta));
    CHECK(net.held_only_by("a2", alpha));
    CHECK(net.count_logs(alpha, "starting group a1 failed") == 1);
    const auto view = net.node(alpha).machine.status();
    CHECK(view[0].held_by == hakit::runtime::policy::holder::peer);
    CHECK(net.violations().empty());

    // The only other node dies: one more try here (which fails again), then nothing.
    net.crash(beta);
    net.inject(alpha, ev::peer_dead{});
    net.advance(5000ms);
    CHECK(std::count(net.node(alpha).starts.begin(), net.node(alpha).starts.end(), "a1") == 2);
    CHECK(net.holders("a1").empty());
    CHECK(net.held_only_by("b1", alpha));
}

TEST_CASE("the node that sees fewer ping nodes hands its groups to the peer", "[runtime][policy]") {
    const bool ping_failover = GENERATE(true, false);
    two_nodes net(auto_failback::off, [&](auto& settings) {
        settings.ping_failover = ping_failover;
        settings.ping_node_count = 2;
    });
    start_and_settle(net);
    net.inject(alpha, ev::ping_counts{1, std::nullopt});
    net.inject(beta, ev::ping_counts{2, std::nullopt});
    net.advance(600ms);
    if (ping_failover) {
        CHECK(all_held_by(net, beta));
        CHECK(std::any_of(net.node(alpha).sent.begin(), net.node(alpha).sent.end(),
                          [](const auto& m) { return m.type == message_type::num_ping_nodes; }));
    } else {
        CHECK(owners_hold_their_groups(net));
    }
    CHECK(net.violations().empty());
}

TEST_CASE("standby and takeover commands move the sets between the nodes", "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    start_and_settle(net);

    net.inject(alpha, ev::standby_command{resource_set::all});
    net.advance(600ms);
    CHECK(all_held_by(net, beta));

    net.inject(alpha, ev::takeover_command{resource_set::local});
    net.advance(600ms);
    CHECK(owners_hold_their_groups(net));

    net.inject(beta, ev::standby_command{resource_set::local});
    net.advance(600ms);
    CHECK(all_held_by(net, alpha));

    net.inject(beta, ev::takeover_command{resource_set::all});
    net.advance(600ms);
    CHECK(all_held_by(net, beta));
    CHECK(net.violations().empty());
}

TEST_CASE("standby is refused when the peer is not up", "[runtime][policy]") {
    two_nodes net(auto_failback::on);
    net.crash(beta);
    net.inject(alpha, ev::peer_dead{});
    net.inject(alpha, ev::comm_up{});
    net.advance(400ms);
    net.inject(alpha, ev::standby_command{resource_set::all});
    net.advance(400ms);
    CHECK(all_held_by(net, alpha));
    CHECK(net.count_logs(alpha, "standby all refused") == 1);
}

TEST_CASE("the status view names owner, holder and state per group", "[runtime][policy]") {
    namespace pol = hakit::runtime::policy;
    two_nodes net(auto_failback::on);
    start_and_settle(net);
    const auto view = net.node(alpha).machine.status();
    REQUIRE(view.size() == 4);
    CHECK(view[0].id == "a1");
    CHECK(view[0].owner == "alpha");
    CHECK(view[0].held_by == pol::holder::local);
    CHECK(view[0].state == pol::group_phase::running);
    CHECK(view[1].id == "b1");
    CHECK(view[1].held_by == pol::holder::peer);
    CHECK(pol::to_string(view[1].held_by) == "peer");
    CHECK(pol::to_string(view[0].state) == "running");
}
