#include "tool/temp_dir.hpp"

#include <hakit/runtime/node/generation.hpp>
#include <hakit/runtime/node/state_dir.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using hakit::runtime::node::advance_generation;
using hakit::runtime::node::format_generation;
using hakit::runtime::node::generation_file_name;
using hakit::runtime::node::parse_generation;

TEST_CASE("the generation file has Heartbeat's 16-byte format", "[runtime][node]") {
    CHECK(format_generation(1764221000) == "     1764221000\n");
    CHECK(format_generation(7) == "              7\n");
    CHECK(format_generation(7).size() == 16);
    CHECK(*parse_generation("     1764221000\n") == 1764221000);
    CHECK(*parse_generation("999999999999999\n") == 999999999999999);
}

TEST_CASE("a corrupt generation is refused with the reason", "[runtime][node]") {
    CHECK_THAT(parse_generation("12\n").error(), Catch::Contains("expected 16 bytes"));
    CHECK_THAT(parse_generation("     1764221000 ").error(), Catch::Contains("expected 16 bytes"));
    CHECK_THAT(parse_generation("               \n").error(), Catch::Contains("missing"));
    CHECK_THAT(parse_generation("     17642x1000\n").error(), Catch::Contains("0x78"));
    CHECK_THAT(parse_generation("    -1764221000\n").error(), Catch::Contains("0x2d"));
}

TEST_CASE("each start increments the generation and writes it back", "[runtime][node]") {
    hakit::test::temp_dir dir;
    const auto state = *hakit::runtime::node::prepare_state_dir(dir.path() / "state" / "harun");
    CHECK((fs::status(state).permissions() & fs::perms::all) == fs::perms::owner_all);

    const auto first = advance_generation(state, 1764221000);
    REQUIRE(first.has_value());
    CHECK(first->fresh);
    CHECK(first->generation == 1764221000);
    CHECK(hakit::test::read_file(state / generation_file_name) == "     1764221000\n");

    const auto second = advance_generation(state, 42); // the clock no longer matters
    REQUIRE(second.has_value());
    CHECK_FALSE(second->fresh);
    CHECK(second->generation == 1764221001);
    CHECK(hakit::test::read_file(state / generation_file_name) == "     1764221001\n");
    CHECK_FALSE(fs::exists(state / "hb_generation.tmp"));
}

TEST_CASE("a corrupt generation file is refused and left as it is", "[runtime][node]") {
    hakit::test::temp_dir dir;
    hakit::test::write_file(dir.path() / generation_file_name, "garbage\n");
    const auto refused = advance_generation(dir.path(), 1764221000);
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::Contains("is corrupt") && Catch::Contains("hb_generation"));
    CHECK(hakit::test::read_file(dir.path() / generation_file_name) == "garbage\n");
}

TEST_CASE("a state dir path that is a file is refused", "[runtime][node]") {
    hakit::test::temp_dir dir;
    hakit::test::write_file(dir.path() / "plain", "x");
    const auto refused = hakit::runtime::node::prepare_state_dir(dir.path() / "plain");
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::Contains("not a directory"));
}
