// The daemon's adapters between the areas, without sockets.
#include <hakit/runtime/daemon/status_report.hpp>
#include <hakit/runtime/daemon/translate.hpp>
#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/outbound.hpp>

#include <catch2/catch.hpp>

#include <variant>

using namespace hakit::runtime;

namespace {

wire::key_set sha1_keys() {
    wire::key_set keys;
    REQUIRE_FALSE(keys.add(2, wire::auth_method::sha1, "s3cret!").has_value());
    REQUIRE_FALSE(keys.activate(2).has_value());
    return keys;
}

wire::message parsed(const std::string& bytes) {
    auto result = wire::parse(bytes);
    REQUIRE(std::holds_alternative<wire::packet>(result));
    return std::get<wire::packet>(result).fields;
}

} // namespace

TEST_CASE("daemon: a status message goes out with Heartbeat's fields and comes back as the "
          "membership machine's input",
          "[runtime][daemon]") {
    wire::sender_fields sender;
    sender.src = "node1";
    sender.seq = 0x1f;
    sender.generation = 0x6b08acaf;
    sender.timestamp = 0x6b08acae;
    sender.ttl = 3;
    const auto own = daemon::status_message("active", std::chrono::milliseconds(8000));
    CHECK(own.string_value("dt") == "1f40");
    CHECK(own.string_value("protocol") == "1");
    auto bytes = wire::serialize_netstring(wire::with_sender_fields(own, sender), sha1_keys());
    REQUIRE(std::holds_alternative<std::string>(bytes));

    const auto input =
        daemon::membership_input(parsed(std::get<std::string>(bytes)), "ucast eth1 x", true);
    REQUIRE(input.has_value());
    CHECK(input->from == "node1");
    CHECK(input->type == "status");
    CHECK(input->seq == 0x1fu);
    CHECK(input->generation == 0x6b08acafu);
    CHECK(input->status == "active");
    CHECK(input->dt == std::chrono::milliseconds(8000));
    CHECK(input->link == "ucast eth1 x");
    CHECK(input->authenticated);
}

TEST_CASE("daemon: a message without src, t or hg is garbage, a message for another node is "
          "not ours",
          "[runtime][daemon]") {
    wire::message no_generation;
    no_generation.add_string("t", "status").add_string("src", "node1");
    CHECK_FALSE(daemon::membership_input(no_generation, "l", true).has_value());
    wire::message no_source;
    no_source.add_string("t", "status").add_hex("hg", 5);
    CHECK_FALSE(daemon::membership_input(no_source, "l", true).has_value());

    wire::message addressed;
    addressed.add_string("t", "repnodes").add_string("dest", "Node2");
    CHECK(daemon::addressed_elsewhere(addressed, "node1"));
    CHECK_FALSE(daemon::addressed_elsewhere(addressed, "node2"));
    CHECK_FALSE(daemon::addressed_elsewhere(no_source, "node1"));
}

TEST_CASE("daemon: policy messages keep their own fields in order on the wire",
          "[runtime][daemon]") {
    policy::peer_message report{policy::message_type::resource,
                                {{"rsc_hold", "all"}, {"rtype", "full"}, {"isstable", "1"}}};
    const auto own = daemon::policy_wire_message(report);
    REQUIRE(own.fields().size() == 4);
    CHECK(own.fields()[0].name == "t");
    CHECK(own.fields()[0].value == "resource");
    CHECK(own.fields()[3].name == "isstable");

    auto decoded = policy::decode(daemon::policy_fields(own));
    REQUIRE(std::holds_alternative<policy::peer_message>(decoded));
    CHECK(std::get<policy::peer_message>(decoded).field("rsc_hold") == "all");
}

TEST_CASE("daemon: status text names nodes, links, holders and dropped packets",
          "[runtime][daemon]") {
    daemon::status_input input;
    input.local_node = "node1";
    input.generation = 7;
    input.now = std::chrono::steady_clock::now();
    input.membership.local_node = "node1";
    input.membership.local_state = membership::node_state::active;
    input.membership.comm_up = true;
    membership::peer_view peer;
    peer.node = "node2";
    peer.state = membership::node_state::dead;
    peer.links.push_back({"ucast eth1 192.0.2.2", membership::link_state::dead, std::nullopt});
    peer.counters.replayed = 3;
    input.membership.peers.push_back(peer);
    input.groups.push_back({"web", "node2", policy::holder::local, policy::group_phase::running});
    input.packets.garbage = 2;

    const auto document = daemon::status_json(input);
    CHECK(document["groups"][0]["holder"] == "node1");
    CHECK(document["dropped"]["replayed"] == 3);
    CHECK(document["dropped"]["garbage"] == 2);
    CHECK(document["nodes"][1]["state"] == "dead");

    const std::string text = daemon::status_text(document);
    CHECK(text.find("node2") != std::string::npos);
    CHECK(text.find("link ucast eth1 192.0.2.2") != std::string::npos);
    CHECK(text.find("held by node1") != std::string::npos);
    CHECK(text.find("replayed 3") != std::string::npos);
    CHECK(text.find("garbage 2") != std::string::npos);
}
