// The policy messages (Heartbeat's v1 types, reference §4.9), the resource sets and the config
// checks.
#include <hakit/runtime/policy/config.hpp>
#include <hakit/runtime/policy/machine.hpp>
#include <hakit/runtime/policy/message.hpp>
#include <hakit/runtime/policy/resource_set.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <variant>

namespace pol = hakit::runtime::policy;

namespace {

std::string decode_error_of(const pol::field_list& fields) {
    const auto decoded = pol::decode(fields);
    REQUIRE(std::holds_alternative<pol::decode_error>(decoded));
    return std::get<pol::decode_error>(decoded).message;
}

} // namespace

TEST_CASE("resource sets mirror local and foreign and keep none and all", "[runtime][policy]") {
    CHECK(pol::mirror(pol::resource_set::local) == pol::resource_set::foreign);
    CHECK(pol::mirror(pol::resource_set::foreign) == pol::resource_set::local);
    CHECK(pol::mirror(pol::resource_set::all) == pol::resource_set::all);
    CHECK(pol::mirror(pol::resource_set::none) == pol::resource_set::none);
    CHECK(pol::parse_resource_set("failback") == pol::resource_set::foreign);
    CHECK_FALSE(pol::parse_resource_set("both"));
    CHECK(pol::covers(pol::resource_set::local, true));
    CHECK_FALSE(pol::covers(pol::resource_set::local, false));
    CHECK(pol::to_string(pol::resource_set::all) == "all");
}

TEST_CASE("policy messages encode as heartbeat's fields with t first", "[runtime][policy]") {
    const pol::peer_message report{pol::message_type::resource,
                                   {{"rsc_hold", "all"}, {"rtype", "full"}, {"isstable", "1"}}};
    const pol::field_list expected{
        {"t", "resource"}, {"rsc_hold", "all"}, {"rtype", "full"}, {"isstable", "1"}};
    CHECK(pol::encode(report) == expected);
    CHECK(pol::encode(pol::peer_message{pol::message_type::starting, {}}) ==
          pol::field_list{{"t", "starting"}});
}

TEST_CASE("decoding keeps the policy fields and drops the standard trailer", "[runtime][policy]") {
    // As captured from heartbeat 3.0.6 (reference §5.3), trailer included.
    const pol::field_list received{{"t", "resource"},     {"rsc_hold", "foreign"},
                                   {"info", "mach_down"}, {"src", "node1"},
                                   {"seq", "1a"},         {"hg", "4d2"},
                                   {"ts", "5f0a1b2c"},    {"ld", "0.10 0.05 0.01 1/99 42"},
                                   {"ttl", "3"},          {"auth", "1 0123abcd"}};
    const auto decoded = pol::decode(received);
    REQUIRE(std::holds_alternative<pol::peer_message>(decoded));
    const auto& message = std::get<pol::peer_message>(decoded);
    CHECK(message.type == pol::message_type::resource);
    CHECK(message.fields == pol::field_list{{"rsc_hold", "foreign"}, {"info", "mach_down"}});
    CHECK_FALSE(message.field("rtype"));
}

TEST_CASE("decoding names what is wrong with a policy message", "[runtime][policy]") {
    CHECK(decode_error_of({{"rsc_hold", "all"}}) == "message without a 't' field");
    CHECK(decode_error_of({{"t", "status"}}) == "'status' is not a resource policy message type");
    CHECK(decode_error_of({{"t", "resource"}}) == "'resource' message without rsc_hold");
    CHECK(decode_error_of({{"t", "hb_takeover"}, {"rsc_hold", "both"}}) ==
          "'hb_takeover' message with rsc_hold='both' (expected none, local, foreign or all)");
    CHECK(decode_error_of({{"t", "resource"}, {"rsc_hold", "all"}, {"isstable", "yes"}}) ==
          "'resource' message with isstable='yes' (expected 0 or 1)");
    CHECK(decode_error_of({{"t", "ask_resources"}, {"rsc_hold", "all"}, {"info", "now"}}) ==
          "'ask_resources' message with info='now' (expected me, other or done)");
    CHECK(decode_error_of({{"t", "num_ping_nodes"}, {"num_ping", "-1"}}) ==
          "'num_ping_nodes' message with num_ping='-1' (expected a count)");
    const auto done = pol::decode({{"t", "ask_resources"}, {"info", "done"}});
    CHECK(std::holds_alternative<pol::peer_message>(done));
}

TEST_CASE("the policy refuses anything but two nodes at construction", "[runtime][policy]") {
    pol::config settings;
    settings.local_node = "alpha";
    settings.groups = {{"g1", "alpha"}};
    settings.keepalive = std::chrono::milliseconds{200};
    settings.deadtime = std::chrono::milliseconds{1000};

    auto error_for = [&](const pol::config& candidate) {
        const auto created = pol::policy_machine::create(candidate);
        REQUIRE(std::holds_alternative<pol::config_error>(created));
        return std::get<pol::config_error>(created).message;
    };
    settings.nodes = {"alpha", "beta", "gamma"};
    CHECK(error_for(settings).find("has 3 node(s); configure exactly two nodes") !=
          std::string::npos);
    settings.nodes = {"alpha"};
    CHECK(error_for(settings).find("has 1 node(s)") != std::string::npos);
    settings.nodes = {"beta", "gamma"};
    CHECK(error_for(settings) == "the local node 'alpha' is not one of the cluster nodes 'beta' "
                                 "and 'gamma'");
    settings.nodes = {"alpha", "beta"};
    settings.groups = {{"g1", "delta"}};
    CHECK(error_for(settings) == "group 'g1' belongs to 'delta', which is not a cluster node");
    settings.groups = {{"IPaddr::192.0.2.10", "alpha"}};
    CHECK(error_for(settings).find("contains a space or ':'") != std::string::npos);
    settings.groups = {{"g1", "alpha"}};
    CHECK(std::holds_alternative<pol::policy_machine>(pol::policy_machine::create(settings)));
}

TEST_CASE("a node answers 'starting' with a full resource report", "[runtime][policy]") {
    pol::config settings;
    settings.local_node = "alpha";
    settings.nodes = {"alpha", "beta"};
    settings.groups = {{"g1", "alpha"}};
    auto created = pol::policy_machine::create(settings);
    REQUIRE(std::holds_alternative<pol::policy_machine>(created));
    auto& machine = std::get<pol::policy_machine>(created);
    const pol::time_point now{};
    machine.handle(pol::event::peer_alive{true}, now);
    const auto actions = machine.handle(
        pol::event::message_received{pol::peer_message{pol::message_type::starting, {}}}, now);
    REQUIRE(actions.size() == 1);
    const auto* send = std::get_if<pol::action::send_message>(&actions.front());
    REQUIRE(send != nullptr);
    CHECK(send->message ==
          pol::peer_message{pol::message_type::resource,
                            {{"rsc_hold", "none"}, {"rtype", "full"}, {"isstable", "0"}}});
}
