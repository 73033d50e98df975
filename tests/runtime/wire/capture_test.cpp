// The acceptance tests against the real heartbeat 3.0.6 capture (§4.3, §4.6).
#include "capture.hpp"

#include <hakit/runtime/wire/authenticate.hpp>
#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/digest.hpp>

#include <catch2/catch.hpp>

using namespace hakit::runtime::wire;
using hakit::test::capture_keys;
using hakit::test::captured_packets;

namespace {

packet parse_ok(const std::string& bytes) {
    auto parsed = parse(bytes);
    if (const auto* error = std::get_if<parse_error>(&parsed)) {
        FAIL("parse failed at " << error->offset << ": " << error->reason);
    }
    return std::get<packet>(parsed);
}

} // namespace

TEST_CASE("every packet of the real capture parses as netstring with a trailer",
          "[runtime][wire]") {
    const auto packets = captured_packets();
    REQUIRE(packets.size() == 347);
    for (const std::string& bytes : packets) {
        const packet p = parse_ok(bytes);
        CHECK(p.format == wire_format::netstring);
        REQUIRE(p.trailer);
        CHECK(p.trailer->index == 2);
        CHECK(p.trailer->signed_offset == 0);
        CHECK(bytes.substr(p.trailer->signed_length - 4, 4) == "%%%\n");
        CHECK(p.fields.string_value("t"));
        CHECK(p.fields.string_value("src"));
        CHECK(p.fields.hex_value("hg"));
        CHECK(p.fields.hex_value("ts"));
        const field* uuid = p.fields.find("srcuuid");
        REQUIRE(uuid != nullptr);
        CHECK(uuid->type == field_type::binary);
        CHECK(uuid->value.size() == 16);
    }
}

TEST_CASE("both signatures of every captured packet verify with the capture's keys",
          "[runtime][wire]") {
    const key_set keys = capture_keys();
    for (const std::string& bytes : captured_packets()) {
        const packet p = parse_ok(bytes);
        const authentication result = authenticate(p, bytes, keys);
        CHECK(result.inner == auth_verdict::authentic);
        CHECK(result.trailer == auth_verdict::authentic);
        CHECK(result.authentic);
        CHECK(result.reason.empty());
    }
}

TEST_CASE("re-serialising every captured packet gives the identical bytes", "[runtime][wire]") {
    const key_set keys = capture_keys();
    for (const std::string& bytes : captured_packets()) {
        const packet p = parse_ok(bytes);
        const auto written = serialize_netstring(p.fields, keys);
        REQUIRE(std::holds_alternative<std::string>(written));
        CHECK(std::get<std::string>(written) == bytes);
    }
}

TEST_CASE("the reference's worked example is reproduced byte for byte", "[runtime][wire]") {
    const std::string bytes = captured_packets().front();
    const packet p = parse_ok(bytes);

    const std::string inner_input = classic_auth_input(p.fields);
    CHECK(inner_input == "t=status\nst=init\ndt=1f40\nprotocol=1\nsrc=node1\n"
                         "(1)srcuuid=aQ1IMd0YSHKnbKAJ5LXsUw==\nseq=1\nhg=6b08acaf\nts=6b08acae\n"
                         "ld=0.51 0.31 0.15 1/121 6672\nttl=3\n");
    CHECK(auth_digest(auth_method::sha1, "s3cret!", inner_input) ==
          "c1f0e6a00cd1fe8a986f37b47e2d9a7079ec5f65");
    CHECK(p.fields.string_value("auth") == "2 c1f0e6a00cd1fe8a986f37b47e2d9a7079ec5f65");

    REQUIRE(p.trailer);
    CHECK(p.trailer->signed_length == 262);
    const std::string outer_input = bytes.substr(0, p.trailer->signed_length);
    CHECK(outer_input.starts_with("###\n11:(0)t=status,"));
    CHECK(outer_input.ends_with(",50:(0)auth=2 c1f0e6a00cd1fe8a986f37b47e2d9a7079ec5f65,%%%\n"));
    CHECK(auth_digest(auth_method::sha1, "s3cret!", outer_input) ==
          "b81aa4e3167e2d4d51a0ee19f89bcaf7fe9a33e7");
    CHECK(p.trailer->digest == "b81aa4e3167e2d4d51a0ee19f89bcaf7fe9a33e7");
    CHECK(bytes.substr(262) == "42:2 b81aa4e3167e2d4d51a0ee19f89bcaf7fe9a33e7,");
}

TEST_CASE("the capture's fields decode as the reference's timeline says", "[runtime][wire]") {
    const packet first = parse_ok(captured_packets().front());
    CHECK(first.fields.string_value("t") == "status");
    CHECK(first.fields.string_value("st") == "init");
    CHECK(first.fields.hex_value("dt") == 8000);
    CHECK(first.fields.decimal_value("protocol") == 1);
    CHECK(first.fields.hex_value("seq") == 1);
    CHECK(first.fields.hex_value("hg") == 0x6b08acafU);
    CHECK(first.fields.hex_value("ts") == 0x6b08acaeU);
    CHECK(first.fields.decimal_value("ttl") == 3);

    // The fourth packet is an NS_ackmsg: no seq, no ld, a binary destuuid.
    const packet ack = parse_ok(captured_packets().at(3));
    CHECK(ack.fields.string_value("t") == "NS_ackmsg");
    CHECK(ack.fields.string_value("dest") == "node1");
    CHECK(ack.fields.hex_value("ackseq") == 4);
    CHECK(ack.fields.find("seq") == nullptr);
    CHECK(ack.fields.find("ld") == nullptr);
    REQUIRE(ack.fields.find("destuuid") != nullptr);
    CHECK(ack.fields.find("destuuid")->type == field_type::binary);
}

TEST_CASE("any single flipped bit makes a captured packet fail", "[runtime][wire]") {
    const key_set keys = capture_keys();
    const std::string original = captured_packets().front();
    std::size_t parse_errors = 0;
    std::size_t rejected = 0;
    for (std::size_t bit = 0; bit < original.size() * 8; ++bit) {
        std::string bytes = original;
        bytes[bit / 8] =
            static_cast<char>(static_cast<unsigned char>(bytes[bit / 8]) ^ (1U << (bit % 8)));
        const auto parsed = parse(bytes);
        if (std::holds_alternative<parse_error>(parsed)) {
            ++parse_errors;
            continue;
        }
        const authentication result = authenticate(std::get<packet>(parsed), bytes, keys);
        CAPTURE(bit);
        CHECK_FALSE(result.authentic);
        CHECK_FALSE(result.reason.empty());
        ++rejected;
    }
    CHECK(parse_errors + rejected == original.size() * 8);
    CHECK(rejected > 0);
    CHECK(parse_errors > 0);
}

TEST_CASE("a packet signed with another key fails, naming the failed signature",
          "[runtime][wire]") {
    const std::string original = captured_packets().front();
    const packet p = parse_ok(original);

    key_set forger;
    REQUIRE_FALSE(forger.add(2, auth_method::sha1, "guessed"));
    REQUIRE_FALSE(forger.activate(2));
    const std::string forged = std::get<std::string>(serialize_netstring(p.fields, forger));
    CHECK(forged != original);

    const authentication result = authenticate(parse_ok(forged), forged, capture_keys());
    CHECK_FALSE(result.authentic);
    CHECK(result.trailer == auth_verdict::digest_mismatch);
    CHECK(result.inner == auth_verdict::digest_mismatch);
    CHECK(result.reason == "netstring trailer: digest mismatch");
}
