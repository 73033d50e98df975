#include "tool/temp_dir.hpp"

#include <hakit/runtime/node/node_name.hpp>

#include <catch2/catch.hpp>

namespace {

using hakit::runtime::node::choose_local_node;
using hakit::runtime::node::node_name_sources;
using hakit::runtime::node::runtime_plan;

runtime_plan two_nodes() {
    runtime_plan plan;
    plan.nodes.push_back({"alpha", {}, {}});
    plan.nodes.push_back({"beta.example", {}, {}});
    return plan;
}

} // namespace

TEST_CASE("the local node name comes from --node, then nodeinfo, then uname, lowercased",
          "[runtime][node]") {
    hakit::test::temp_dir ha_d;
    const auto plan = two_nodes();
    node_name_sources sources{std::nullopt, ha_d.path(), "ALPHA"};

    SECTION("uname when there is neither --node nor nodeinfo") {
        CHECK(*choose_local_node(sources, plan) == "alpha");
    }
    SECTION("nodeinfo's first line before uname") {
        hakit::test::write_file(ha_d.path() / "nodeinfo", "Beta.Example\nignored\n");
        CHECK(*choose_local_node(sources, plan) == "beta.example");
    }
    SECTION("--node before nodeinfo") {
        hakit::test::write_file(ha_d.path() / "nodeinfo", "beta.example\n");
        sources.option = "Alpha";
        CHECK(*choose_local_node(sources, plan) == "alpha");
    }
}

TEST_CASE("a local node name that is not in the plan is refused, saying where it came from",
          "[runtime][node]") {
    hakit::test::temp_dir ha_d;
    const auto plan = two_nodes();

    SECTION("from uname") {
        const auto chosen = choose_local_node({std::nullopt, ha_d.path(), "gamma"}, plan);
        REQUIRE_FALSE(chosen.has_value());
        CHECK_THAT(chosen.error(), Catch::Contains("\"gamma\" (from uname -n)") &&
                                       Catch::Contains("alpha, beta.example"));
    }
    SECTION("from a nodeinfo line ending in CRLF, which Heartbeat keeps in the name") {
        hakit::test::write_file(ha_d.path() / "nodeinfo", "alpha\r\n");
        const auto chosen = choose_local_node({std::nullopt, ha_d.path(), "alpha"}, plan);
        REQUIRE_FALSE(chosen.has_value());
        CHECK_THAT(chosen.error(), Catch::Contains("nodeinfo"));
    }
    SECTION("an empty --node") {
        const auto chosen = choose_local_node({std::string(), ha_d.path(), "alpha"}, plan);
        REQUIRE_FALSE(chosen.has_value());
        CHECK_THAT(chosen.error(), Catch::Contains("empty") && Catch::Contains("--node"));
    }
}

TEST_CASE("the system node name is this machine's uname", "[runtime][node]") {
    CHECK_FALSE(hakit::runtime::node::system_node_name().empty());
    CHECK(hakit::runtime::node::lowercase_ascii("Srv5.LocalDomain") == "srv5.localdomain");
}
