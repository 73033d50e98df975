#include <hakit/runtime/wire/message.hpp>

#include <catch2/catch.hpp>

using namespace hakit::runtime::wire;

TEST_CASE("lookups return the first field of a name", "[runtime][wire]") {
    message m;
    m.add_string("t", "status").add_string("st", "init").add_string("st", "up");
    CHECK(m.string_value("st") == "init");
    CHECK(m.find("missing") == nullptr);
    CHECK_FALSE(m.string_value("missing"));
    m.add_binary("uuid", "raw");
    CHECK_FALSE(m.string_value("uuid")); // a binary field is not a string value
    CHECK(m.find("uuid")->value == "raw");
}

TEST_CASE("set_string replaces in place, remove drops every copy", "[runtime][wire]") {
    message m;
    m.add_string("a", "1").add_string("src", "old").add_string("b", "2").add_string("src", "x");
    m.set_string("src", "new");
    REQUIRE(m.fields().size() == 4);
    CHECK(m.fields()[1].value == "new");
    m.set_string("c", "3");
    CHECK(m.fields().back().name == "c");
    m.remove("src");
    CHECK(m.fields().size() == 3);
    CHECK(m.find("src") == nullptr);
}

TEST_CASE("hex values are lowercase and unpadded, both ways", "[runtime][wire]") {
    message m;
    m.add_hex("seq", 0x1a).add_hex("hg", 0x6b08acafU).add_hex("zero", 0).add_decimal("ttl", 3);
    CHECK(m.string_value("seq") == "1a");
    CHECK(m.string_value("hg") == "6b08acaf");
    CHECK(m.string_value("zero") == "0");
    CHECK(m.hex_value("hg") == 0x6b08acafU);
    CHECK(m.decimal_value("ttl") == 3);
    CHECK(m.hex_value("ttl") == 3);

    CHECK(parse_hex("FF") == 255);
    CHECK(parse_hex("ffffffffffffffff") == 0xffffffffffffffffULL);
    CHECK_FALSE(parse_hex("10000000000000000")); // 17 digits
    CHECK_FALSE(parse_hex(""));
    CHECK_FALSE(parse_hex("0x1"));
    CHECK_FALSE(parse_hex(" 1"));
    CHECK_FALSE(parse_hex("1g"));
    CHECK(parse_decimal("0042") == 42);
    CHECK(parse_decimal("9999999999999999999") == 9999999999999999999ULL);
    CHECK_FALSE(parse_decimal("99999999999999999999"));
    CHECK_FALSE(parse_decimal("-1"));
    CHECK_FALSE(parse_decimal("1a"));
}
