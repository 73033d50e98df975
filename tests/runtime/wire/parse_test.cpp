// Parser rules of §4.2 (classic) and §4.3 (netstring), one behaviour per case.
#include <hakit/runtime/wire/codec.hpp>

#include <catch2/catch.hpp>

using namespace hakit::runtime::wire;
using namespace std::string_literals;

namespace {

message parsed_fields(std::string_view bytes) {
    auto parsed = parse(bytes);
    if (const auto* error = std::get_if<parse_error>(&parsed)) {
        FAIL("unexpected parse error at " << error->offset << ": " << error->reason);
    }
    return std::get<packet>(parsed).fields;
}

parse_error parse_failure(std::string_view bytes) {
    auto parsed = parse(bytes);
    REQUIRE(std::holds_alternative<parse_error>(parsed));
    return std::get<parse_error>(parsed);
}

} // namespace

TEST_CASE("classic: values run to the newline, keep \\r and later '=' signs", "[runtime][wire]") {
    const message m = parsed_fields(">>>\na=b=c\nwin=x\r\nempty=\n<<<\n");
    REQUIRE(m.fields().size() == 3);
    CHECK(m.string_value("a") == "b=c");
    CHECK(m.string_value("win") == "x\r");
    CHECK(m.string_value("empty") == "");
}

TEST_CASE("classic: a line without '=' invalidates the whole message", "[runtime][wire]") {
    const parse_error error = parse_failure(">>>\nt=status\nnonsense\nst=up\n<<<\n");
    CHECK(error.reason == "line without '=' invalidates the message");
    CHECK(error.offset == 13);
    CHECK(parse_failure(">>>\nt=status\n\n<<<\n").offset == 13); // an empty line has no '='
}

TEST_CASE("classic: the end line is required, bytes after it are ignored", "[runtime][wire]") {
    CHECK(parse_failure(">>>\nt=status\n").reason == "missing '<<<' end line");
    CHECK(parse_failure(">>>\nt=status").reason == "missing '<<<' end line");
    CHECK(parse_failure(">>>\nt=status\n<<").reason == "missing '<<<' end line");
    CHECK(parsed_fields(">>>\nt=status\n<<<\ngarbage without equals\n").fields().size() == 1);
    CHECK(parsed_fields(">>>\nt=status\n<<<").fields().size() == 1);
}

TEST_CASE("classic: the message ends at a NUL, as the sender's C string does", "[runtime][wire]") {
    CHECK(parsed_fields(std::string_view(">>>\nt=status\n<<<\n\0", 18)).string_value("t") ==
          "status");
    const parse_error error = parse_failure(std::string_view(">>>\nt=sta\0tus\n<<<\n", 18));
    CHECK(error.reason == "missing '<<<' end line");
}

TEST_CASE("classic: byte 0x13 in a value is a newline", "[runtime][wire]") {
    const message m = parsed_fields(">>>\ninfo=line one\x13line two\n<<<\n");
    CHECK(m.string_value("info") == "line one\nline two");
    CHECK(classic_auth_input(m) == "info=line one\x13line two\n");
}

TEST_CASE("classic: binary fields are base64 with a (1) prefix", "[runtime][wire]") {
    const message m = parsed_fields(">>>\n(1)srcuuid=aQ1IMd0YSHKnbKAJ5LXsUw==\n(0)t=x\n<<<\n");
    const field* uuid = m.find("srcuuid");
    REQUIRE(uuid != nullptr);
    CHECK(uuid->type == field_type::binary);
    CHECK(uuid->value.size() == 16);
    CHECK(uuid->value.substr(0, 3) == "\x69\x0d\x48");
    CHECK(m.string_value("t") == "x");
    CHECK(parse_failure(">>>\n(1)u=not*base64\n<<<\n").reason ==
          "binary field 'u' is not valid base64");
    CHECK(parse_failure(">>>\n(1)u=QQ=\n<<<\n").reason == "binary field 'u' is not valid base64");
    CHECK(parse_failure(">>>\n(1)u=Q=Q=\n<<<\n").reason == "binary field 'u' is not valid base64");
}

TEST_CASE("field types other than string and binary are refused clearly", "[runtime][wire]") {
    CHECK(parse_failure(">>>\n(2)nested=x\n<<<\n").reason ==
          "field type 2 (struct) is not supported in v1 messages");
    CHECK(parse_failure(">>>\n(4)z=x\n<<<\n").reason ==
          "field type 4 (compressed) is not supported in v1 messages");
    CHECK(parse_failure("###\n6:(3)l=x,%%%\n").reason ==
          "field type 3 (list) is not supported in v1 messages");
    CHECK(parse_failure(">>>\n(9)z=x\n<<<\n").reason == "unknown field type '(9)'");
    CHECK(parse_failure(">>>\n(1z=x\n<<<\n").reason == "field type prefix '(' without ')'");
    CHECK(parse_failure(">>>\n=x\n<<<\n").reason == "field without a name");
}

TEST_CASE("netstring: fields keep raw bytes, the trailer is optional at parse time",
          "[runtime][wire]") {
    const std::string bytes = "###\n11:(0)t=status,8:(1)u=\n\0,,9:(0)e=a=b\n,%%%\n"s;
    auto parsed = parse(bytes);
    REQUIRE(std::holds_alternative<packet>(parsed));
    const packet& p = std::get<packet>(parsed);
    CHECK(p.format == wire_format::netstring);
    CHECK_FALSE(p.trailer);
    REQUIRE(p.fields.fields().size() == 3);
    CHECK(p.fields.find("u")->value == std::string("\n\0,", 3));
    CHECK(p.fields.find("u")->type == field_type::binary);
    CHECK(p.fields.string_value("e") == "a=b\n");
}

TEST_CASE("netstring: malformed framing is refused with its position", "[runtime][wire]") {
    CHECK(parse_failure("###\n11:(0)t=status,").reason == "missing '%%%' end line");
    CHECK(parse_failure("###\n99:(0)t=status,%%%\n").reason ==
          "netstring of 99 bytes runs past the end");
    CHECK(parse_failure("###\n10:(0)t=status,%%%\n").reason == "netstring not terminated by ','");
    CHECK(parse_failure("###\nx:(0)t=s,%%%\n").reason == "expected a netstring length");
    CHECK(parse_failure("###\n5(0)t=s,%%%\n").reason == "expected ':' after the netstring length");
    CHECK(parse_failure("###\n00000005:(0)t=s,%%%\n").reason ==
          "netstring length has too many digits");
    CHECK(parse_failure("###\n3:t=s,%%%\n").reason == "netstring field without a '(type)' prefix");
    CHECK(parse_failure("###\n4:(0)t,%%%\n").reason == "netstring field without '='");
    const parse_error error = parse_failure("###\n6:(0)t=s,%%%\n1:2,");
    CHECK(error.reason == "authentication netstring '2' is not '<N> <digest>'");
    CHECK(error.offset == 17);
    // Untrusted bytes are shown printable in the reason, so logs stay one clean line.
    CHECK(parse_failure("###\n6:(0)t=s,%%%\n4:\x01 x\xff,").reason ==
          "authentication netstring '? x?' is not '<N> <digest>'");
    CHECK(parse_failure(">>>\n(1)\x1b[2J=!\n<<<\n").reason ==
          "binary field '?[2J' is not valid base64");
}

TEST_CASE("netstring: the trailer is split into index, digest and signed range",
          "[runtime][wire]") {
    auto parsed = parse("###\n6:(0)t=s,%%%\n8:12 abcde,");
    REQUIRE(std::holds_alternative<packet>(parsed));
    const auto& trailer = std::get<packet>(parsed).trailer;
    REQUIRE(trailer);
    CHECK(trailer->index == 12);
    CHECK(trailer->digest == "abcde");
    CHECK(trailer->signed_offset == 0);
    CHECK(trailer->signed_length == 17);

    CHECK(parse_failure("###\n6:(0)t=s,%%%\n7:16 abcd,").reason ==
          "authentication netstring '16 abcd' is not '<N> <digest>'");
    CHECK(parse_failure("###\n6:(0)t=s,%%%\n2:1 ,").reason ==
          "authentication netstring '1 ' is not '<N> <digest>'");
    CHECK(parse_failure("###\n6:(0)t=s,%%%\n7:1 abcde,x").reason ==
          "bytes after the authentication netstring");
    CHECK(std::holds_alternative<packet>(parse("###\n6:(0)t=s,%%%\n7:1 abcde,\0"s)));
}

TEST_CASE("inputs that are no message, or too big, are refused", "[runtime][wire]") {
    CHECK(parse_failure("").reason == "neither a classic (>>>) nor a netstring (###) message");
    CHECK(parse_failure("GET / HTTP/1.0\r\n").offset == 0);
    CHECK(parse_failure(">>>").reason == "neither a classic (>>>) nor a netstring (###) message");

    std::string big = ">>>\n";
    while (big.size() <= max_wire_size) {
        big += "field=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n";
    }
    big += "<<<\n";
    CHECK(parse_failure(big).reason.starts_with("message of "));
    std::string fits = big.substr(0, max_wire_size - 4);
    fits.resize(fits.rfind('\n') + 1);
    fits += "<<<\n";
    CHECK(std::holds_alternative<packet>(parse(fits)));
}
