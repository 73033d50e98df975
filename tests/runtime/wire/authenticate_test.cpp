// Signing and verification rules of §4.4 / §4.6 beyond the capture.
#include "capture.hpp"

#include <hakit/runtime/wire/authenticate.hpp>
#include <hakit/runtime/wire/codec.hpp>

#include <catch2/catch.hpp>

#include <cctype>

using namespace hakit::runtime::wire;
using hakit::test::capture_keys;

namespace {

message status_message() {
    message m;
    m.add_string("t", "status").add_string("st", "active").add_string("src", "node2");
    m.add_binary("srcuuid", std::string("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c"
                                        "\x0d\x0e\x0f",
                                        16));
    return m;
}

key_set single_key(unsigned index, auth_method method, const std::string& key) {
    key_set keys;
    REQUIRE_FALSE(keys.add(index, method, key));
    REQUIRE_FALSE(keys.activate(index));
    return keys;
}

authentication check(const std::string& bytes, const key_set& keys) {
    auto parsed = parse(bytes);
    REQUIRE(std::holds_alternative<packet>(parsed));
    return authenticate(std::get<packet>(parsed), bytes, keys);
}

} // namespace

TEST_CASE("classic packets round-trip and verify with every method", "[runtime][wire]") {
    for (const auto method : {auth_method::crc, auth_method::md5, auth_method::sha1}) {
        const std::string key = method == auth_method::crc ? "" : "k3y";
        const key_set keys = single_key(4, method, key);
        const std::string bytes = std::get<std::string>(serialize_classic(status_message(), keys));
        CHECK(bytes.starts_with(">>>\nt=status\nst=active\nsrc=node2\n(1)srcuuid="));
        CHECK(bytes.find("\nauth=4 ") != std::string::npos);
        CHECK(bytes.ends_with("\n<<<\n"));

        auto parsed = parse(bytes);
        REQUIRE(std::holds_alternative<packet>(parsed));
        const packet& p = std::get<packet>(parsed);
        CHECK(p.format == wire_format::classic);
        message without = p.fields;
        without.remove("auth");
        CHECK(without == status_message());
        const authentication result = authenticate(p, bytes, keys);
        CHECK(result.authentic);
        CHECK(result.trailer == auth_verdict::missing);
    }
}

TEST_CASE("classic signatures use entry N's method and key, whichever entry is active",
          "[runtime][wire]") {
    // The sender signs with entry 3 (md5 m5key); the receiver sends with 2 but accepts 3.
    const std::string bytes =
        std::get<std::string>(serialize_classic(status_message(), capture_keys(3)));
    CHECK(check(bytes, capture_keys(2)).authentic);

    key_set without_three;
    REQUIRE_FALSE(without_three.add(2, auth_method::sha1, "s3cret!"));
    REQUIRE_FALSE(without_three.activate(2));
    const authentication unknown = check(bytes, without_three);
    CHECK_FALSE(unknown.authentic);
    CHECK(unknown.inner == auth_verdict::unknown_index);
    CHECK(unknown.reason == "auth field: no such key index");
}

TEST_CASE("classic packets with a trailing NUL verify like without", "[runtime][wire]") {
    const key_set keys = capture_keys();
    const std::string bytes =
        std::get<std::string>(serialize_classic(status_message(), keys, true));
    CHECK(bytes.back() == '\0');
    CHECK(check(bytes, keys).authentic);
}

TEST_CASE("a classic packet without or with a broken auth field is not authentic",
          "[runtime][wire]") {
    const key_set keys = capture_keys();
    const authentication missing = check(">>>\nt=status\n<<<\n", keys);
    CHECK_FALSE(missing.authentic);
    CHECK(missing.inner == auth_verdict::missing);
    CHECK(check(">>>\nt=status\nauth=2\n<<<\n", keys).inner == auth_verdict::malformed);
    CHECK(check(">>>\nt=status\nauth=x 00\n<<<\n", keys).inner == auth_verdict::malformed);
    CHECK(check(">>>\nt=status\nauth=16 00\n<<<\n", keys).inner == auth_verdict::malformed);
    CHECK(check(">>>\nt=status\nauth=9 00\n<<<\n", keys).inner == auth_verdict::unknown_index);
    CHECK(check(">>>\nt=status\nauth=1 00\n<<<\n", keys).inner == auth_verdict::digest_mismatch);
}

TEST_CASE("the auth field's position does not matter and a digest is compared case-sensitively",
          "[runtime][wire]") {
    const key_set keys = capture_keys();
    const std::string digest = auth_digest(auth_method::sha1, "s3cret!", "t=status\nst=up\n");
    CHECK(check(">>>\nauth=2 " + digest + "\nt=status\nst=up\n<<<\n", keys).authentic);
    std::string upper = digest;
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    REQUIRE(upper != digest);
    CHECK(check(">>>\nt=status\nst=up\nauth=2 " + upper + "\n<<<\n", keys).inner ==
          auth_verdict::digest_mismatch);
}

TEST_CASE("netstring trailers use entry N's algorithm with the ACTIVE entry's key (3.0.6 quirk)",
          "[runtime][wire]") {
    const key_set receiver = capture_keys(2); // active: sha1 s3cret!

    // md5 with entry 3's own key: heartbeat rejects it.
    const std::string own_key =
        std::get<std::string>(serialize_netstring(status_message(), capture_keys(3), false));
    const authentication rejected = check(own_key, receiver);
    CHECK_FALSE(rejected.authentic);
    CHECK(rejected.trailer == auth_verdict::digest_mismatch);

    // md5 under index 3 but with the receiver's active key: heartbeat accepts it.
    key_set quirky;
    REQUIRE_FALSE(quirky.add(3, auth_method::md5, "s3cret!"));
    REQUIRE_FALSE(quirky.activate(3));
    const std::string active_key =
        std::get<std::string>(serialize_netstring(status_message(), quirky, false));
    const authentication accepted = check(active_key, receiver);
    CHECK(accepted.authentic);
    CHECK(accepted.inner == auth_verdict::missing);
    CHECK(accepted.trailer == auth_verdict::authentic);
}

TEST_CASE("netstring without the inner auth field is accepted, without the trailer it is not",
          "[runtime][wire]") {
    const key_set keys = capture_keys();
    const std::string trailer_only =
        std::get<std::string>(serialize_netstring(status_message(), keys, false));
    CHECK(trailer_only.find("(0)auth=") == std::string::npos);
    CHECK(check(trailer_only, keys).authentic);

    const std::string unsigned_bytes = trailer_only.substr(0, trailer_only.find("%%%\n") + 4);
    const authentication missing = check(unsigned_bytes, keys);
    CHECK_FALSE(missing.authentic);
    CHECK(missing.trailer == auth_verdict::missing);
    CHECK(missing.reason == "netstring trailer: missing");
}

TEST_CASE("a netstring whose inner auth field was tampered with is refused", "[runtime][wire]") {
    // Re-sign the trailer over a wrong inner field: the trailer verifies, the inner does not.
    const key_set keys = capture_keys();
    message m = status_message();
    m.add_string("auth", "2 0000");
    std::string bytes("###\n");
    for (const field& f : m.fields()) {
        const std::string body =
            "(" + std::to_string(static_cast<int>(f.type)) + ")" + f.name + "=" + f.value;
        bytes += std::to_string(body.size()) + ":" + body + ",";
    }
    bytes += "%%%\n";
    const std::string trailer = "2 " + auth_digest(auth_method::sha1, "s3cret!", bytes);
    bytes += std::to_string(trailer.size()) + ":" + trailer + ",";

    const authentication result = check(bytes, keys);
    CHECK(result.trailer == auth_verdict::authentic);
    CHECK(result.inner == auth_verdict::digest_mismatch);
    CHECK_FALSE(result.authentic);
    CHECK(result.reason == "inner auth field: digest mismatch");
}

TEST_CASE("signing needs an active key and replaces an existing auth field", "[runtime][wire]") {
    key_set empty;
    CHECK(std::holds_alternative<sign_error>(serialize_classic(status_message(), empty)));
    CHECK(std::holds_alternative<sign_error>(serialize_netstring(status_message(), empty)));

    message stale = status_message();
    stale.add_string("auth", "1 deadbeef");
    const std::string bytes = std::get<std::string>(serialize_classic(stale, capture_keys()));
    CHECK(bytes.find("deadbeef") == std::string::npos);
    CHECK(check(bytes, capture_keys()).authentic);
}

TEST_CASE("key sets enforce authkeys' rules", "[runtime][wire]") {
    key_set keys;
    CHECK_FALSE(keys.add(0, auth_method::crc, ""));
    CHECK_FALSE(keys.add(15, auth_method::md5, "k"));
    const auto out_of_range = keys.add(16, auth_method::sha1, "k");
    REQUIRE(out_of_range);
    CHECK(out_of_range->message == "key index 16 is outside 0..15");
    CHECK(keys.add(1, auth_method::crc, "k")->message ==
          "key 1: auth method crc does not use a key");
    CHECK(keys.add(2, auth_method::sha1, "")->message == "key 2: auth method sha1 requires a key");
    CHECK(keys.active() == nullptr);
    CHECK(keys.activate(2)->message == "cannot sign with key 2: no such key entry");
    CHECK_FALSE(keys.activate(15));
    REQUIRE(keys.active() != nullptr);
    CHECK(keys.active()->method == auth_method::md5);
    CHECK(keys.active_index() == 15U);
}
