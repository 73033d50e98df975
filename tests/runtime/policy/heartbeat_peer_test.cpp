// One harun policy machine facing a heartbeat 3.0.6 peer: the peer's messages carry only
// Heartbeat's fields (no harun_groups), as in the captured exchange of reference §5.3 and §5.5.
#include <hakit/runtime/policy/machine.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace pol = hakit::runtime::policy;
using namespace std::chrono_literals;

namespace {

pol::policy_machine alpha_machine() {
    pol::config settings;
    settings.local_node = "alpha";
    settings.nodes = {"alpha", "beta"};
    settings.groups = {{"a1", "alpha"}, {"b1", "beta"}, {"a2", "alpha"}};
    settings.failback = pol::auto_failback::on;
    settings.keepalive = 1000ms;
    settings.deadtime = 6000ms;
    auto created = pol::policy_machine::create(settings);
    REQUIRE(std::holds_alternative<pol::policy_machine>(created));
    return std::get<pol::policy_machine>(std::move(created));
}

pol::event::message_received from_peer(pol::message_type type, pol::field_list fields) {
    return {pol::peer_message{type, std::move(fields)}};
}

std::vector<std::string> started(const std::vector<pol::policy_action>& actions) {
    std::vector<std::string> groups;
    for (const auto& act : actions) {
        if (const auto* start = std::get_if<pol::action::start_group>(&act)) {
            groups.push_back(start->group);
        }
    }
    return groups;
}

std::vector<pol::peer_message> sent(const std::vector<pol::policy_action>& actions) {
    std::vector<pol::peer_message> messages;
    for (const auto& act : actions) {
        if (const auto* send = std::get_if<pol::action::send_message>(&act)) {
            messages.push_back(send->message);
        }
    }
    return messages;
}

bool logged(const std::vector<pol::policy_action>& actions, const std::string& fragment) {
    return std::any_of(actions.begin(), actions.end(), [&](const auto& act) {
        const auto* line = std::get_if<pol::action::log>(&act);
        return line != nullptr && line->text.find(fragment) != std::string::npos;
    });
}

} // namespace

TEST_CASE("a heartbeat peer holding everything keeps it until its failback exchange hands the "
          "groups over",
          "[runtime][policy]") {
    auto machine = alpha_machine();
    pol::time_point now{};
    machine.handle(pol::event::peer_alive{true}, now);
    const auto up = machine.handle(pol::event::comm_up{}, now);
    REQUIRE(!sent(up).empty());
    CHECK(sent(up).front().type == pol::message_type::starting);

    auto actions =
        machine.handle(from_peer(pol::message_type::resource, {{"rsc_hold", "all"},
                                                               {"rtype", "full"},
                                                               {"isstable", "1"},
                                                               {"info", "req_our_resources()"}}),
                       now);
    CHECK(started(actions).empty()); // the peer holds our groups: nothing starts here
    CHECK(machine.status()[0].held_by == pol::holder::peer);

    // Heartbeat's PerformAutoFailback: "standby foreign" seen from the peer = our local groups.
    actions = machine.handle(
        from_peer(pol::message_type::ask_resources, {{"rsc_hold", "foreign"}, {"info", "me"}}),
        now);
    REQUIRE(!sent(actions).empty());
    CHECK(sent(actions).front() == pol::peer_message{pol::message_type::ask_resources,
                                                     {{"rsc_hold", "foreign"}, {"info", "other"}}});

    actions = machine.handle(
        from_peer(
            pol::message_type::resource,
            {{"rsc_hold", "local"}, {"rtype", "full"}, {"isstable", "0"}, {"info", "standby"}}),
        now);
    CHECK(started(actions).empty()); // not before the peer's "done"
    actions = machine.handle(
        from_peer(pol::message_type::ask_resources, {{"rsc_hold", "foreign"}, {"info", "done"}}),
        now);
    CHECK(started(actions) == std::vector<std::string>{"a1"});
    now += 100ms;
    actions = machine.handle(pol::event::group_started{"a1", true}, now);
    CHECK(started(actions) == std::vector<std::string>{"a2"});
    now += 100ms;
    actions = machine.handle(pol::event::group_started{"a2", true}, now);
    const auto replies = sent(actions);
    REQUIRE(replies.size() == 2);
    CHECK(replies[0].type == pol::message_type::resource);
    CHECK(replies[0].field("rsc_hold") == std::optional<std::string_view>{"local"});
    CHECK(replies[0].field("isstable") == std::optional<std::string_view>{"1"});
    CHECK(replies[1] == pol::peer_message{pol::message_type::ask_resources,
                                          {{"rsc_hold", "foreign"}, {"info", "done"}}});
    CHECK(machine.status()[1].held_by == pol::holder::peer);
}

TEST_CASE("heartbeat's mach_down report without rtype is added to what the peer holds",
          "[runtime][policy]") {
    auto machine = alpha_machine();
    pol::time_point now{};
    machine.handle(pol::event::peer_alive{true}, now);
    machine.handle(pol::event::comm_up{}, now);
    machine.handle(from_peer(pol::message_type::resource,
                             {{"rsc_hold", "local"}, {"rtype", "full"}, {"isstable", "1"}}),
                   now);
    CHECK(machine.status()[0].held_by == pol::holder::local); // a1 starting here
    CHECK(machine.status()[1].held_by == pol::holder::peer);
    machine.handle(
        from_peer(pol::message_type::resource, {{"rsc_hold", "foreign"}, {"info", "mach_down"}}),
        now);
    // Both nodes now claim a1 and a2: the owner (auto_failback on) keeps them, no stop here.
    const auto actions = machine.handle(pol::event::group_started{"a1", true}, now + 50ms);
    CHECK(std::none_of(actions.begin(), actions.end(), [](const auto& act) {
        return std::holds_alternative<pol::action::stop_group>(act);
    }));
}

TEST_CASE("a standby request without an answer is cancelled after heartbeat's 10 s",
          "[runtime][policy]") {
    auto machine = alpha_machine();
    pol::time_point now{};
    machine.handle(pol::event::peer_alive{true}, now);
    machine.handle(pol::event::comm_up{}, now);
    machine.handle(from_peer(pol::message_type::resource,
                             {{"rsc_hold", "local"}, {"rtype", "full"}, {"isstable", "1"}}),
                   now);
    machine.handle(pol::event::group_started{"a1", true}, now += 50ms);
    machine.handle(pol::event::group_started{"a2", true}, now += 50ms);
    REQUIRE(machine.stable());
    CHECK_FALSE(machine.next_deadline());

    const auto asked = machine.handle(pol::event::standby_command{pol::resource_set::all}, now);
    REQUIRE(!sent(asked).empty());
    CHECK(sent(asked).front() == pol::peer_message{pol::message_type::ask_resources,
                                                   {{"rsc_hold", "all"}, {"info", "me"}}});
    REQUIRE(machine.next_deadline() == now + 10s);
    CHECK(machine.handle(pol::event::timer_expired{}, now + 9s).empty());
    const auto expired = machine.handle(pol::event::timer_expired{}, now + 10s);
    CHECK(logged(expired, "no reply to standby request"));
    CHECK_FALSE(machine.next_deadline());
    CHECK(machine.stable());
    CHECK(machine.status()[0].held_by == pol::holder::local);
}

TEST_CASE("after shutdown the machine ignores everything", "[runtime][policy]") {
    auto machine = alpha_machine();
    pol::time_point now{};
    machine.handle(pol::event::peer_dead{}, now);
    machine.handle(pol::event::comm_up{}, now);
    machine.handle(pol::event::group_started{"a1", true}, now += 10ms);
    machine.handle(pol::event::group_started{"b1", true}, now += 10ms);
    machine.handle(pol::event::group_started{"a2", true}, now += 10ms);
    auto actions = machine.handle(pol::event::shutdown_request{}, now);
    std::vector<std::string> stops;
    for (int step = 0; step < 10 && !machine.shut_down(); ++step) {
        for (const auto& act : actions) {
            if (const auto* stop = std::get_if<pol::action::stop_group>(&act)) {
                stops.push_back(stop->group);
            }
        }
        if (stops.empty()) {
            break;
        }
        actions = machine.handle(pol::event::group_stopped{stops.back(), true}, now += 10ms);
    }
    CHECK(stops == std::vector<std::string>{"a2", "b1", "a1"});
    REQUIRE(machine.shut_down());
    CHECK(std::any_of(actions.begin(), actions.end(), [](const auto& act) {
        return std::holds_alternative<pol::action::shutdown_complete>(act);
    }));
    CHECK(machine.handle(pol::event::peer_alive{true}, now).empty());
    CHECK_FALSE(machine.next_deadline());
}

TEST_CASE("'starting' is sent again every deadtime until the peer reports its groups",
          "[runtime][policy]") {
    auto machine = alpha_machine();
    pol::time_point now{};
    machine.handle(pol::event::peer_alive{true}, now);
    machine.handle(pol::event::comm_up{}, now);
    REQUIRE(machine.next_deadline() == now + 6s);
    const auto again = machine.handle(pol::event::timer_expired{}, now + 6s);
    REQUIRE(!sent(again).empty());
    CHECK(sent(again).front().type == pol::message_type::starting);
    CHECK(machine.next_deadline() == now + 12s);
    CHECK(started(again).empty());

    const auto answered =
        machine.handle(from_peer(pol::message_type::resource,
                                 {{"rsc_hold", "none"}, {"rtype", "full"}, {"isstable", "1"}}),
                       now + 7s);
    CHECK(started(answered) == std::vector<std::string>{"a1"});
    CHECK_FALSE(machine.next_deadline());
}

TEST_CASE("standby and takeover that cannot be carried out are answered with the reason",
          "[runtime][policy]") {
    auto refusals = [](const std::vector<pol::policy_action>& actions) {
        std::vector<std::string> reasons;
        for (const auto& act : actions) {
            if (const auto* refused = std::get_if<pol::action::request_refused>(&act)) {
                reasons.push_back(refused->reason);
            }
        }
        return reasons;
    };
    auto machine = alpha_machine();
    pol::time_point now{};
    CHECK(refusals(machine.handle(pol::event::takeover_command{pol::resource_set::all}, now)) ==
          std::vector<std::string>{
              "takeover all refused: this node is still starting up or is shutting down"});

    machine.handle(pol::event::peer_dead{}, now);
    const auto up = machine.handle(pol::event::comm_up{}, now);
    CHECK(refusals(up).empty());
    const auto alone = machine.handle(pol::event::standby_command{pol::resource_set::all}, now);
    CHECK(refusals(alone) ==
          std::vector<std::string>{"standby all refused: node beta is not up to take the groups"});
    CHECK(logged(alone, "standby all refused"));

    machine.handle(pol::event::peer_alive{true}, now);
    const auto flux = machine.handle(pol::event::standby_command{pol::resource_set::local}, now);
    CHECK(refusals(flux) ==
          std::vector<std::string>{"standby local refused: resources are in flux"});
}
