#include "tool/temp_dir.hpp"

#include <hakit/runtime/node/plan.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace {

using hakit::runtime::node::auth_method;
using hakit::runtime::node::failback_policy;
using hakit::runtime::node::load_plan;
using hakit::runtime::node::medium_kind;
using hakit::runtime::node::parse_plan;
using hakit::runtime::node::plan_load_options;
using nlohmann::json;

const std::filesystem::path golden =
    std::filesystem::path(HAKIT_SOURCE_DIR) / "tests/compile/golden";

json where(int line) {
    return {{"file", "ha.cf"}, {"line", line}, {"column", 1}};
}

// A complete plan with sha1 keys, as `hacompile --target plan --include-secrets` writes it.
json plan_with_keys() {
    return {
        {"version", 1},
        {"generator", "hacompile (hakit) 0.1.0"},
        {"forced_errors", json::array()},
        {"sources", {{"ha_cf", "a"}, {"haresources", "a"}, {"authkeys", "a"}}},
        {"cluster", "linux-ha"},
        {"nodes",
         {{{"name", "alpha"},
           {"where", where(20)},
           {"folder", "a"},
           {"media_from", "a"},
           {"media",
            {{{"kind", "ucast"},
              {"device", "eth1"},
              {"peer", "192.0.2.2"},
              {"port", 694},
              {"where", where(3)}},
             {{"kind", "mcast"},
              {"device", "eth0"},
              {"group", "225.0.0.7"},
              {"port", 6940},
              {"ttl", 1},
              {"loop", 0},
              {"where", where(4)}}}},
           {"addresses", json::array()}},
          {{"name", "beta"},
           {"where", where(21)},
           {"folder", "b"},
           {"media_from", "b"},
           {"media", {{{"kind", "bcast"}, {"device", "eth1"}, {"port", 694}, {"where", where(3)}}}},
           {"addresses",
            {{{"address", "192.0.2.2"},
              {"device", "eth1"},
              {"source", "ucast"},
              {"where", where(3)}}}}}}},
        {"udpport", 694},
        {"timing_ms",
         {{"keepalive", 200},
          {"deadtime", 1000},
          {"warntime", 500},
          {"initdead", 12000},
          {"deadping", 1000}}},
        {"auto_failback", "off"},
        {"ping_nodes",
         {{{"kind", "ping"},
           {"name", "203.0.113.1"},
           {"hosts", {"203.0.113.1"}},
           {"where", where(9)}}}},
        {"ipfail_respawned", false},
        {"respawn", json::array()},
        {"env", {{{"name", "LANG"}, {"value", "C"}, {"where", where(10)}}}},
        {"groups",
         {{{"id", "web"},
           {"key", "192.0.2.10"},
           {"owner", "alpha"},
           {"where", where(1)},
           {"resources",
            {{{"script", "IPaddr"},
              {"args", {"192.0.2.10"}},
              {"bare_ip", true},
              {"ip",
               {{"ip", "192.0.2.10"},
                {"cidr_netmask", nullptr},
                {"netmask", nullptr},
                {"nic", nullptr},
                {"broadcast", nullptr}}},
              {"where", where(1)}},
             {{"script", "apache2"},
              {"args", json::array()},
              {"bare_ip", false},
              {"ip", nullptr},
              {"where", where(1)}}}}}}},
        {"auth",
         {{"key_index", 2},
          {"method", "sha1"},
          {"key", "secret two"},
          {"where", where(1)},
          {"keys",
           {{{"index", 1}, {"method", "md5"}, {"key", "secret one"}, {"where", where(2)}},
            {{"index", 2}, {"method", "sha1"}, {"key", "secret two"}, {"where", where(3)}}}}}},
        {"logging",
         {{"logfile", "/var/log/ha-log"},
          {"debugfile", nullptr},
          {"logfacility", "local0"},
          {"use_logd", nullptr}}},
        {"stonith", json::array()},
    };
}

std::string refusal(const json& plan, plan_load_options options = {}) {
    const auto loaded = parse_plan(plan.dump(), options);
    REQUIRE_FALSE(loaded.has_value());
    return loaded.error();
}

} // namespace

TEST_CASE("a complete plan with keys loads into the runtime structs", "[runtime][node]") {
    const auto loaded = parse_plan(plan_with_keys().dump());
    REQUIRE(loaded.has_value());
    const auto& plan = *loaded;
    REQUIRE(plan.nodes.size() == 2);
    const auto* alpha = plan.find_node("alpha");
    REQUIRE(alpha != nullptr);
    REQUIRE(alpha->media.size() == 2);
    CHECK(alpha->media[0].kind == medium_kind::ucast);
    CHECK(alpha->media[0].peer == "192.0.2.2");
    CHECK(alpha->media[1].kind == medium_kind::mcast);
    CHECK(alpha->media[1].group == "225.0.0.7");
    CHECK(alpha->media[1].port == 6940);
    CHECK(plan.find_node("beta")->addresses.at(0).address == "192.0.2.2");
    CHECK(plan.find_node("gamma") == nullptr);
    CHECK(plan.timing_ms.keepalive == std::chrono::milliseconds(200));
    CHECK(plan.timing_ms.initdead == std::chrono::milliseconds(12000));
    CHECK(plan.auto_failback == failback_policy::off);
    CHECK(plan.ping_nodes.at(0).hosts == std::vector<std::string>{"203.0.113.1"});
    CHECK(plan.env.at(0).name == "LANG");
    REQUIRE(plan.groups.size() == 1);
    CHECK(plan.groups[0].resources.size() == 2);
    CHECK(plan.groups[0].resources[0].bare_ip);
    CHECK(plan.groups[0].resources[0].ip->ip == "192.0.2.10");
    CHECK_FALSE(plan.groups[0].resources[0].ip->cidr_netmask.has_value());
    CHECK_FALSE(plan.groups[0].resources[1].ip.has_value());
    CHECK(plan.auth.key_index == 2);
    CHECK(plan.auth.method == auth_method::sha1);
    CHECK(plan.auth.key == "secret two");
    REQUIRE(plan.auth.keys.size() == 2);
    CHECK(plan.auth.keys[0].key == "secret one");
    CHECK(plan.logging.logfile == "/var/log/ha-log");
    CHECK_FALSE(plan.logging.debugfile.has_value());
}

TEST_CASE("the plan loader refuses what harun cannot run, naming the field", "[runtime][node]") {
    json plan = plan_with_keys();

    SECTION("a version other than 1") {
        plan["version"] = 2;
        CHECK_THAT(refusal(plan), Catch::Contains("plan field version") &&
                                      Catch::Contains("version 1 only, found 2"));
    }
    SECTION("a plan compiled with --force") {
        plan["forced_errors"] = {{{"code", "HA303"},
                                  {"rule", "auth-key-not-found"},
                                  {"severity", "error"},
                                  {"message", "auth 3 names no key"},
                                  {"where", where(4)}}};
        CHECK_THAT(refusal(plan), Catch::Contains("forced_errors") && Catch::Contains("--force") &&
                                      Catch::Contains("HA303 auth-key-not-found") &&
                                      Catch::Contains("ha.cf:4:1"));
    }
    SECTION("a sending key missing: compiled without --include-secrets") {
        plan["auth"].erase("key");
        CHECK_THAT(refusal(plan), Catch::Contains("plan field auth.key: missing") &&
                                      Catch::Contains("--include-secrets"));
    }
    SECTION("a verifying key missing") {
        plan["auth"]["keys"][0].erase("key");
        CHECK_THAT(refusal(plan),
                   Catch::Contains("auth.keys[0].key") && Catch::Contains("--include-secrets"));
    }
    SECTION("no auth at all") {
        plan["auth"] = nullptr;
        CHECK_THAT(refusal(plan), Catch::Contains("plan field auth: null"));
    }
    SECTION("a missing field") {
        plan["timing_ms"].erase("deadtime");
        CHECK(refusal(plan) == "plan field timing_ms.deadtime: missing");
    }
    SECTION("a field of the wrong type") {
        plan["udpport"] = "694";
        CHECK(refusal(plan) == "plan field udpport: expected an integer, found a string");
    }
    SECTION("a port out of range") {
        plan["nodes"][0]["media"][1]["port"] = 70000;
        CHECK_THAT(refusal(plan), Catch::Contains("nodes[0].media[1].port") &&
                                      Catch::Contains("out of range 1..65535"));
    }
    SECTION("an unknown medium kind") {
        plan["nodes"][1]["media"][0]["kind"] = "carrier-pigeon";
        CHECK_THAT(refusal(plan),
                   Catch::Contains("nodes[1].media[0].kind") && Catch::Contains("carrier-pigeon"));
    }
    SECTION("a group owned by a node that is not declared") {
        plan["groups"][0]["owner"] = "gamma";
        CHECK_THAT(refusal(plan), Catch::Contains("groups[0].owner") &&
                                      Catch::Contains("\"gamma\" is not one of the plan's nodes"));
    }
    SECTION("a deadtime not longer than keepalive") {
        plan["timing_ms"]["deadtime"] = 200;
        CHECK_THAT(refusal(plan), Catch::Contains("timing_ms.deadtime") &&
                                      Catch::Contains("longer than keepalive"));
    }
    SECTION("a sending key that is not among the keys") {
        plan["auth"]["key_index"] = 5;
        CHECK_THAT(refusal(plan), Catch::Contains("auth.keys") && Catch::Contains("sending key 5"));
    }
    SECTION("text that is not JSON") {
        const auto loaded = parse_plan("{\"version\": 1,");
        REQUIRE_FALSE(loaded.has_value());
        CHECK_THAT(loaded.error(), Catch::StartsWith("the plan is not valid JSON"));
    }
    SECTION("a root that is not an object") {
        CHECK(refusal(json::array()) == "plan field (root): expected an object, found a list");
    }
}

TEST_CASE("the seed's golden plan (crc, which has no key) loads as compiled", "[runtime][node]") {
    const auto loaded = load_plan(golden / "seed/plan/plan.json");
    REQUIRE(loaded.has_value());
    CHECK(loaded->nodes.at(0).name == "srv5.localdomain");
    CHECK(loaded->nodes.at(0).media.at(0).kind == medium_kind::ucast);
    CHECK(loaded->nodes.at(0).media.at(0).peer == "192.168.9.6");
    CHECK(loaded->nodes.at(0).media.at(0).port == 694);
    CHECK(loaded->timing_ms.keepalive == std::chrono::milliseconds(2000));
    CHECK(loaded->timing_ms.deadtime == std::chrono::milliseconds(30000));
    CHECK(loaded->auto_failback == failback_policy::on);
    CHECK(loaded->ipfail_respawned);
    CHECK(loaded->ping_nodes.size() == 2);
    REQUIRE(loaded->groups.size() == 1);
    CHECK(loaded->groups[0].owner == "srv5.localdomain");
    CHECK(loaded->groups[0].resources.at(0).script == "IPaddr");
    CHECK(loaded->groups[0].resources.at(0).ip->cidr_netmask == 32);
    CHECK(loaded->auth.method == auth_method::crc);
    CHECK(loaded->logging.logfacility == "local0");
}

TEST_CASE("a golden sha1 plan without secrets is refused unless missing keys are allowed",
          "[runtime][node]") {
    const auto file = golden / "clean-sha1/plan/plan.json";
    const auto refused = load_plan(file);
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::StartsWith(file.string()) &&
                                    Catch::Contains("compiled without --include-secrets"));

    const auto allowed = load_plan(file, plan_load_options{.allow_missing_keys = true});
    REQUIRE(allowed.has_value());
    CHECK(allowed->auth.method == auth_method::sha1);
    CHECK(allowed->auth.key.empty());
    CHECK(allowed->find_node("alpha")->media.at(1).kind == medium_kind::bcast);
}

TEST_CASE("the golden plan compiled with --force is refused", "[runtime][node]") {
    const auto refused = load_plan(golden / "mistakes/plan/plan.json",
                                   plan_load_options{.allow_missing_keys = true});
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::Contains("forced_errors") && Catch::Contains("--force"));
}

TEST_CASE("a plan file that cannot be read is refused with its path", "[runtime][node]") {
    hakit::test::temp_dir dir;
    const auto missing = load_plan(dir.path() / "nope.json");
    REQUIRE_FALSE(missing.has_value());
    CHECK_THAT(missing.error(), Catch::Contains("nope.json"));
}
