// The standard trailer of §4.5, checked against what heartbeat 3.0.6 itself sent.
#include "capture.hpp"

#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/outbound.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hakit::runtime::wire;
using hakit::test::capture_keys;
using hakit::test::captured_packets;

namespace {

// node1's UUID in the capture (base64 aQ1IMd0YSHKnbKAJ5LXsUw==).
constexpr node_uuid node1_uuid{0x69, 0x0d, 0x48, 0x31, 0xdd, 0x18, 0x48, 0x72,
                               0xa7, 0x6c, 0xa0, 0x09, 0xe4, 0xb5, 0xec, 0x53};

sender_fields node1(std::uint64_t seq, std::uint64_t timestamp) {
    sender_fields sender;
    sender.src = "node1";
    sender.srcuuid = node1_uuid;
    sender.seq = seq;
    sender.generation = 0x6b08acaf;
    sender.timestamp = timestamp;
    sender.load_average = "0.51 0.31 0.15 1/121 6672";
    sender.ttl = 3;
    return sender;
}

std::vector<std::string> names(const message& m) {
    std::vector<std::string> out;
    std::transform(m.fields().begin(), m.fields().end(), std::back_inserter(out),
                   [](const field& f) { return f.name; });
    return out;
}

} // namespace

TEST_CASE("a status message built from its own fields is node1's first captured packet",
          "[runtime][wire]") {
    message own;
    own.add_string("t", "status")
        .add_string("st", "init")
        .add_hex("dt", 8000)
        .add_decimal("protocol", 1);
    const message full = with_sender_fields(own, node1(1, 0x6b08acae));
    CHECK(names(full) == std::vector<std::string>{"t", "st", "dt", "protocol", "src", "srcuuid",
                                                  "seq", "hg", "ts", "ld", "ttl"});
    const auto bytes = serialize_netstring(full, capture_keys());
    REQUIRE(std::holds_alternative<std::string>(bytes));
    CHECK(std::get<std::string>(bytes) == captured_packets().front());
}

TEST_CASE("NS_ types get no seq and no ld, and destuuid follows an addressed message's fields",
          "[runtime][wire]") {
    message own;
    own.add_string("t", "NS_ackmsg").add_string("dest", "node1").add_hex("ackseq", 4);
    sender_fields sender = node1(99, 0x6b08acaf);
    sender.destuuid = node1_uuid;
    const message full = with_sender_fields(own, sender);
    CHECK(names(full) == std::vector<std::string>{"t", "dest", "ackseq", "destuuid", "src",
                                                  "srcuuid", "hg", "ts", "ttl"});
    // The fourth captured packet is exactly this acknowledgement.
    CHECK(std::get<std::string>(serialize_netstring(full, capture_keys())) ==
          captured_packets().at(3));
}

TEST_CASE("sender fields: src is set in place, kept for NS_ types, destuuid only with dest",
          "[runtime][wire]") {
    sender_fields sender = node1(0x1b, 5);
    sender.destuuid = node1_uuid;

    message status;
    status.add_string("t", "status").add_string("src", "stale");
    const message sent = with_sender_fields(status, sender);
    CHECK(sent.fields()[1].name == "src");
    CHECK(sent.fields()[1].value == "node1");
    CHECK(sent.find("destuuid") == nullptr); // no dest: broadcast
    CHECK(sent.string_value("seq") == "1b");
    CHECK(sent.string_value("ts") == "5");

    message relayed;
    relayed.add_string("t", "NS_rexmit").add_string("src", "node2");
    const message kept = with_sender_fields(relayed, sender);
    CHECK(kept.string_value("src") == "node2");
    CHECK(std::count_if(kept.fields().begin(), kept.fields().end(),
                        [](const field& f) { return f.name == "src"; }) == 1);
}
