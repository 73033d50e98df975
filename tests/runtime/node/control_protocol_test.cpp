#include <hakit/runtime/node/control_protocol.hpp>

#include <catch2/catch.hpp>

namespace {

using namespace hakit::runtime::node;
using nlohmann::json;

} // namespace

TEST_CASE("control commands survive the trip through JSON", "[runtime][node]") {
    const auto status = parse_control_command(to_json(status_request{}));
    REQUIRE(status.has_value());
    CHECK(std::holds_alternative<status_request>(*status));

    const auto standby = parse_control_command(to_json(standby_request{group_set::foreign}));
    REQUIRE(standby.has_value());
    CHECK(std::get<standby_request>(*standby).which == group_set::foreign);

    const auto takeover = parse_control_command(to_json(takeover_request{group_set::local}));
    REQUIRE(takeover.has_value());
    CHECK(std::get<takeover_request>(*takeover).which == group_set::local);
    CHECK(to_json(takeover_request{group_set::local}) ==
          json{{"command", "takeover"}, {"which", "local"}});
}

TEST_CASE("which defaults to all and takes hb_standby's failback for foreign", "[runtime][node]") {
    const auto defaulted = parse_control_command(json{{"command", "standby"}});
    CHECK(std::get<standby_request>(*defaulted).which == group_set::all);
    const auto failback =
        parse_control_command(json{{"command", "standby"}, {"which", "failback"}});
    CHECK(std::get<standby_request>(*failback).which == group_set::foreign);
}

TEST_CASE("malformed control requests are refused with a reason", "[runtime][node]") {
    CHECK_THAT(parse_control_command(json::array()).error(), Catch::Contains("\"command\""));
    CHECK_THAT(parse_control_command(json{{"command", "reboot"}}).error(),
               Catch::Contains("unknown command \"reboot\""));
    CHECK_THAT(parse_control_command(json{{"command", "takeover"}, {"which", "some"}}).error(),
               Catch::Contains("unknown resource set \"some\""));
    CHECK_THAT(parse_control_command(json{{"command", "standby"}, {"which", 3}}).error(),
               Catch::Contains("must be a string"));
    CHECK(error_response("no") == json{{"ok", false}, {"error", "no"}});
    CHECK(ok_response({{"nodes", json::array()}}) == json{{"ok", true}, {"nodes", json::array()}});
}
