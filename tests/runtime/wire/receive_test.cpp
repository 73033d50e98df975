#include "capture.hpp"

#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/receive.hpp>

#include <catch2/catch.hpp>

using namespace hakit::runtime::wire;
using hakit::test::capture_keys;
using hakit::test::captured_packets;

namespace {

dropped drop_of(const std::string& bytes) {
    auto result = receive(bytes, capture_keys());
    REQUIRE(std::holds_alternative<dropped>(result));
    return std::get<dropped>(result);
}

std::string classic(message m) {
    return std::get<std::string>(serialize_classic(m, capture_keys()));
}

} // namespace

TEST_CASE("received captured packets come with their type, source, sequence and time",
          "[runtime][wire]") {
    const auto packets = captured_packets();
    auto first = receive(packets.front(), capture_keys());
    REQUIRE(std::holds_alternative<received>(first));
    const received& status = std::get<received>(first);
    CHECK(status.format == wire_format::netstring);
    CHECK(status.type == "status");
    CHECK(status.src == "node1");
    CHECK(status.seq == 1);
    CHECK(status.timestamp == 0x6b08acaeU);
    CHECK(status.fields.string_value("st") == "init");

    auto ack = receive(packets.at(3), capture_keys());
    REQUIRE(std::holds_alternative<received>(ack));
    CHECK(std::get<received>(ack).type == "NS_ackmsg");
    CHECK_FALSE(std::get<received>(ack).seq);

    for (const std::string& bytes : packets) {
        CHECK(std::holds_alternative<received>(receive(bytes, capture_keys())));
    }
}

TEST_CASE("receive says why a datagram is dropped", "[runtime][wire]") {
    const dropped garbage = drop_of("hello");
    CHECK(garbage.reason == drop_reason::malformed);
    CHECK(garbage.detail == "neither a classic (>>>) nor a netstring (###) message (byte 0)");

    std::string forged = captured_packets().front();
    forged[28] = 'X'; // st=init becomes st=Xnit
    const dropped unauthenticated = drop_of(forged);
    CHECK(unauthenticated.reason == drop_reason::unauthenticated);
    CHECK(to_string(unauthenticated.reason) == "unauthenticated");

    message no_src;
    no_src.add_string("t", "status").add_string("seq", "1").add_string("ts", "5");
    CHECK(drop_of(classic(no_src)).detail == "missing from/ts/type");

    message zero_ts;
    zero_ts.add_string("t", "status").add_string("src", "n").add_string("seq", "1");
    zero_ts.add_string("ts", "0");
    CHECK(drop_of(classic(zero_ts)).detail == "ts is not a non-zero hex number");

    message no_seq;
    no_seq.add_string("t", "status").add_string("src", "n").add_string("ts", "5");
    const dropped missing_seq = drop_of(classic(no_seq));
    CHECK(missing_seq.reason == drop_reason::incomplete);
    CHECK(missing_seq.detail == "missing seqno");

    message ack;
    ack.add_string("t", "NS_ackmsg").add_string("src", "n").add_string("ts", "5");
    CHECK(std::holds_alternative<received>(receive(classic(ack), capture_keys())));
}
