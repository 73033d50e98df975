#include <hakit/runtime/wire/digest.hpp>
#include <hakit/runtime/wire/keys.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace hakit::runtime::wire;

TEST_CASE("MD5 matches the RFC 1321 test suite", "[runtime][wire]") {
    CHECK(to_hex(md5("")) == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(to_hex(md5("a")) == "0cc175b9c0f1b6a831c399e269772661");
    CHECK(to_hex(md5("abc")) == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(to_hex(md5("message digest")) == "f96b697d7cb7938d525a2f31aaf161d0");
    CHECK(to_hex(md5("abcdefghijklmnopqrstuvwxyz")) == "c3fcd3d76192e4007dfb496cca67e13b");
    CHECK(to_hex(md5("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")) ==
          "d174ab98d277d9f5a5611c2c9f419d9f");
    std::string eighty;
    for (int i = 0; i < 8; ++i) {
        eighty += "1234567890";
    }
    CHECK(to_hex(md5(eighty)) == "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("SHA-1 matches the RFC 3174 test suite", "[runtime][wire]") {
    CHECK(to_hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(to_hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(to_hex(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    std::string repeated;
    for (int i = 0; i < 80; ++i) {
        repeated += "01234567";
    }
    CHECK(to_hex(sha1(repeated)) == "dea356a2cddd90c7a7ecedc5ebb563934f460452");
}

TEST_CASE("HMAC-MD5 matches RFC 2202", "[runtime][wire]") {
    CHECK(to_hex(hmac_md5(std::string(16, '\x0b'), "Hi There")) ==
          "9294727a3638bb1c13f48ef8158bfc9d");
    CHECK(to_hex(hmac_md5("Jefe", "what do ya want for nothing?")) ==
          "750c783e6ab0b503eaa86e310a5db738");
    CHECK(to_hex(hmac_md5(std::string(16, '\xaa'), std::string(50, '\xdd'))) ==
          "56be34521d144c88dbb8c733f0e8b3f6");
    std::string counting;
    for (char c = 1; c <= 25; ++c) {
        counting.push_back(c);
    }
    CHECK(to_hex(hmac_md5(counting, std::string(50, '\xcd'))) ==
          "697eaf0aca3a3aea3a75164746ffaa79");
    CHECK(to_hex(hmac_md5(std::string(16, '\x0c'), "Test With Truncation")) ==
          "56461ef2342edc00f9bab995690efd4c");
    CHECK(to_hex(hmac_md5(std::string(80, '\xaa'),
                          "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd");
    CHECK(to_hex(hmac_md5(
              std::string(80, '\xaa'),
              "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data")) ==
          "6f630fad67cda0ee1fb1f562db3aa53e");
}

TEST_CASE("HMAC-SHA1 matches RFC 2202", "[runtime][wire]") {
    CHECK(to_hex(hmac_sha1(std::string(20, '\x0b'), "Hi There")) ==
          "b617318655057264e28bc0b6fb378c8ef146be00");
    CHECK(to_hex(hmac_sha1("Jefe", "what do ya want for nothing?")) ==
          "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    CHECK(to_hex(hmac_sha1(std::string(20, '\xaa'), std::string(50, '\xdd'))) ==
          "125d7342b9ac11cd91a39af48aa17b4f63f175d3");
    std::string counting;
    for (char c = 1; c <= 25; ++c) {
        counting.push_back(c);
    }
    CHECK(to_hex(hmac_sha1(counting, std::string(50, '\xcd'))) ==
          "4c9007f4026250c6bc8414f9bf50c86c2d7235da");
    CHECK(to_hex(hmac_sha1(std::string(20, '\x0c'), "Test With Truncation")) ==
          "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04");
    CHECK(to_hex(hmac_sha1(std::string(80, '\xaa'),
                           "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "aa4ae5e15272d00e95705637ce8a3b55ed402112");
    CHECK(to_hex(hmac_sha1(
              std::string(80, '\xaa'),
              "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data")) ==
          "e8e99d0f45237d786d6bbaa7965c7808bbff1a91");
}

TEST_CASE("Heartbeat's crc is CRC-32/POSIX without length, printed unpadded", "[runtime][wire]") {
    CHECK(heartbeat_crc("123456789") == 0x765e7680U);
    CHECK(auth_digest(auth_method::crc, "", "123456789") == "765e7680");
    CHECK(auth_digest(auth_method::crc, "", "ix") == "f7d744");
    CHECK(auth_digest(auth_method::crc, "", "") == "ffffffff");
}

TEST_CASE("auth digests reproduce the reference's secretkey vectors", "[runtime][wire]") {
    const std::string data = "t=status\nst=active\n";
    CHECK(auth_digest(auth_method::md5, "secretkey", data) == "5eb25c1caa781b849f1d3e5bcbe6e864");
    CHECK(auth_digest(auth_method::sha1, "secretkey", data) ==
          "aa43ee8b8e27e93cc6fd89dc02681529249e3aaf");
    CHECK(auth_digest(auth_method::crc, "", data) == "b7e1ed97");
    // The crc ignores whatever key it is handed (the netstring quirk can hand it one).
    CHECK(auth_digest(auth_method::crc, "s3cret!", data) == "b7e1ed97");
}

TEST_CASE("MD5 and SHA-1 pad correctly around the block boundaries", "[runtime][wire]") {
    // Expected values from Python's hashlib: 55 bytes is the longest one-block message, 64 and
    // 120 need a block of padding of their own.
    struct vector {
        std::size_t length;
        const char* md5;
        const char* sha1;
    };
    const vector vectors[] = {
        {55, "04364420e25c512fd958a70738aa8f72", "cef734ba81a024479e09eb5a75b6ddae62e6abf1"},
        {63, "7dc2ca208106a2f703567bdff99d8981", "0ddc4e0cccd9a12850deb5abb0853a4425559fec"},
        {64, "c1bb4f81d892b2d57947682aeb252456", "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163"},
        {119, "ab347a5f68c8a443cfcddc633f12c24f", "4300320394f7ee239bcdce7d3b8bcee173a0cd5c"},
        {120, "fb98667f98096de92620b64f46e1c5b5", "ceb2821639c4b6dcb10bce0e522ca2e608ce056d"},
    };
    for (const vector& v : vectors) {
        const std::string data(v.length, 'x');
        CAPTURE(v.length);
        CHECK(to_hex(md5(data)) == v.md5);
        CHECK(to_hex(sha1(data)) == v.sha1);
    }
}
