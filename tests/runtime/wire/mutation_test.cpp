// Robustness: thousands of damaged real packets must never crash the codec (run under asan)
// and must never be accepted as something the sender did not sign.
#include "capture.hpp"

#include <hakit/runtime/wire/authenticate.hpp>
#include <hakit/runtime/wire/codec.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace hakit::runtime::wire;
using hakit::test::capture_keys;
using hakit::test::captured_packets;

namespace {

std::size_t pick(std::mt19937& random, std::size_t bound) {
    return std::uniform_int_distribution<std::size_t>(0, bound - 1)(random);
}

char random_byte(std::mt19937& random) {
    // Mostly bytes that mean something to the parsers, sometimes anything.
    static constexpr char special_bytes[] = "0123456789:,=()\n\x13%#<>\0 ";
    constexpr std::string_view special(special_bytes, sizeof special_bytes - 1);
    if (pick(random, 2) == 0) {
        return special[pick(random, special.size())];
    }
    return static_cast<char>(pick(random, 256));
}

// One damage of a kind chosen at random; the result always differs from `bytes`.
std::string mutate(const std::string& bytes, std::mt19937& random) {
    std::string out = bytes;
    const std::size_t at = pick(random, bytes.size());
    switch (pick(random, 6)) {
    case 0:
        out[at] = static_cast<char>(static_cast<unsigned char>(out[at]) ^ (1U << pick(random, 8)));
        break;
    case 1:
        out.resize(at);
        break;
    case 2:
        out.erase(at, 1 + pick(random, 16));
        break;
    case 3:
        out.insert(at, 1, random_byte(random));
        break;
    case 4:
        out.insert(at, bytes.substr(pick(random, bytes.size()), 1 + pick(random, 24)));
        break;
    default:
        for (int i = 0; i < 4; ++i) {
            out[pick(random, out.size())] = random_byte(random);
        }
        break;
    }
    return out;
}

message signed_fields(const std::string& bytes) {
    return std::get<packet>(parse(bytes)).fields;
}

} // namespace

TEST_CASE("damaged packets never crash and are never accepted with other content",
          "[runtime][wire]") {
    const key_set keys = capture_keys();
    std::vector<std::string> originals = captured_packets();
    // Classic copies of the same messages, so both parsers get damaged input.
    for (std::size_t i = 0; i < originals.size(); i += 7) {
        originals.push_back(
            std::get<std::string>(serialize_classic(signed_fields(originals[i]), keys)));
    }

    std::mt19937 random(20261127);
    std::size_t errors = 0;
    std::size_t refused = 0;
    std::size_t tries = 0;
    for (int round = 0; round < 10; ++round) {
        for (const std::string& original : originals) {
            const std::string damaged = mutate(original, random);
            if (damaged == original) {
                continue;
            }
            ++tries;
            const auto parsed = parse(damaged);
            if (const auto* error = std::get_if<parse_error>(&parsed)) {
                CHECK_FALSE(error->reason.empty());
                CHECK(error->offset <= damaged.size());
                ++errors;
                continue;
            }
            const authentication result = authenticate(std::get<packet>(parsed), damaged, keys);
            if (!result.authentic) {
                ++refused;
                continue;
            }
            // Only damage outside the signed content (a NUL after a classic end line, for
            // example) may still pass, and then it must mean exactly what was signed.
            CHECK(std::get<packet>(parsed).fields == signed_fields(original));
        }
    }
    CHECK(tries > 3500);
    CHECK(errors + refused > tries * 99 / 100);
    CHECK(errors > 0);
    CHECK(refused > 0);
}

TEST_CASE("random garbage never parses into an authentic message", "[runtime][wire]") {
    const key_set keys = capture_keys();
    std::mt19937 random(694);
    for (int i = 0; i < 2000; ++i) {
        std::string bytes = i % 2 == 0 ? "###\n" : ">>>\n";
        const std::size_t length = pick(random, 400);
        for (std::size_t j = 0; j < length; ++j) {
            bytes.push_back(random_byte(random));
        }
        const auto parsed = parse(bytes);
        if (const auto* p = std::get_if<packet>(&parsed)) {
            CHECK_FALSE(authenticate(*p, bytes, keys).authentic);
        }
    }
}
