// Target `plan` through the registry, on clusters loaded in memory: what harun needs is there,
// resolved and located, and keys only with include_secrets.
#include "emit_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using hakit::node_folder;
using hakit::emit::emit_options;
using nlohmann::json;
using namespace hakit::test;

namespace {

const std::string two_node_ha_cf = "logfile /var/log/ha-log\n"
                                   "keepalive 2\n"
                                   "deadtime 30\n"
                                   "udpport 694\n"
                                   "ucast eth1 192.0.2.6\n"
                                   "auto_failback on\n"
                                   "node srv5 srv6\n";

std::vector<node_folder> two_nodes() {
    std::string peer_of_srv6 = two_node_ha_cf;
    peer_of_srv6.replace(peer_of_srv6.find("192.0.2.6"), 9, "192.0.2.5");
    std::vector<node_folder> folders;
    folders.push_back(memory_folder("srv5", {{"ha.cf", two_node_ha_cf},
                                             {"haresources", "srv5 192.0.2.100\n"},
                                             {"authkeys", "auth 1\n1 crc\n"},
                                             {"nodeinfo", "srv5\n"}}));
    folders.push_back(memory_folder("srv6", {{"ha.cf", peer_of_srv6},
                                             {"haresources", "srv5 192.0.2.100\n"},
                                             {"authkeys", "auth 1\n1 crc\n"},
                                             {"nodeinfo", "srv6\n"}}));
    return folders;
}

json where(const std::string& file, int line, int column) {
    return {{"file", file}, {"line", line}, {"column", column}};
}

json plan_of(const std::vector<node_folder>& folders, const emit_options& options = {}) {
    return only_json_file(emit_target("plan", folders, options));
}

node_folder single(const std::string& ha_cf, const std::string& haresources = "",
                   const std::string& authkeys = "auth 1\n1 crc\n") {
    std::map<std::string, std::string> files{{"ha.cf", ha_cf}, {"authkeys", authkeys}};
    if (!haresources.empty()) {
        files.emplace("haresources", haresources);
    }
    return memory_folder("n", files);
}

} // namespace

TEST_CASE("plan: one file plan.json, version 1, written 0644", "[plan]") {
    const auto result = emit_target("plan", two_nodes());
    REQUIRE(result.files.size() == 1);
    CHECK(result.files[0].name == "plan.json");
    CHECK(result.files[0].mode == 0644U);
    CHECK(result.files[0].content.back() == '\n');
    CHECK(result.diagnostics.empty());
    const json plan = json::parse(result.files[0].content);
    CHECK(plan["version"] == 1);
    CHECK(plan["generator"].get<std::string>().rfind("hacompile (hakit) ", 0) == 0);
    CHECK(plan["forced_errors"] == json::array());
    CHECK(plan["sources"] ==
          json{{"ha_cf", "srv5"}, {"haresources", "srv5"}, {"authkeys", "srv5"}});
}

TEST_CASE("plan: each node has the media of its own folder and the addresses others reveal",
          "[plan]") {
    const json plan = plan_of(two_nodes());
    REQUIRE(plan["nodes"].size() == 2);
    const json& srv5 = plan["nodes"][0];
    CHECK(srv5["name"] == "srv5");
    CHECK(srv5["where"] == where("srv5/ha.cf", 7, 6));
    CHECK(srv5["folder"] == "srv5");
    CHECK(srv5["media_from"] == "srv5");
    CHECK(srv5["media"] == json::array({{{"kind", "ucast"},
                                         {"device", "eth1"},
                                         {"peer", "192.0.2.6"},
                                         {"port", 694},
                                         {"where", where("srv5/ha.cf", 5, 1)}}}));
    REQUIRE(srv5["addresses"].size() == 1);
    CHECK(srv5["addresses"][0]["address"] == "192.0.2.5");
    CHECK(srv5["addresses"][0]["device"] == "eth1");
    CHECK(srv5["addresses"][0]["where"] == where("srv6/ha.cf", 5, 12));
    const json& srv6 = plan["nodes"][1];
    CHECK(srv6["folder"] == "srv6");
    CHECK(srv6["media"][0]["peer"] == "192.0.2.5");
    CHECK(srv6["addresses"][0]["address"] == "192.0.2.6");
}

TEST_CASE("plan: timing in ms with Heartbeat's derived defaults", "[plan]") {
    const json explicit_plan = plan_of(two_nodes());
    CHECK(explicit_plan["timing_ms"] == json{{"keepalive", 2000},
                                             {"deadtime", 30000},
                                             {"warntime", 15000},
                                             {"initdead", 30000},
                                             {"deadping", 30000}});
    CHECK(explicit_plan["auto_failback"] == "on");
    CHECK(explicit_plan["udpport"] == 694);

    const json defaults = plan_of({single("deadtime 10\nnode a b\nbcast eth0\n")});
    CHECK(defaults["timing_ms"] == json{{"keepalive", 1000},
                                        {"deadtime", 10000},
                                        {"warntime", 5000},
                                        {"initdead", 20000},
                                        {"deadping", 10000}});
    CHECK(defaults["auto_failback"] == "legacy");
    CHECK(defaults["cluster"] == "linux-ha");
}

TEST_CASE("plan: IPaddr arguments split right (haresources2cib swapped nic and cidr_netmask)",
          "[plan][ipaddr]") {
    const json plan = plan_of(
        {single("node a b\nbcast eth0\n", "a IPaddr::192.0.2.10/24/eth0/192.0.2.255 "
                                          "Filesystem::/dev/sdb1::/srv::ext4 apache2\n"
                                          "b 192.0.2.20 IPaddr2::192.0.2.30/255.255.255.0\n")});
    REQUIRE(plan["groups"].size() == 2);
    const json& first = plan["groups"][0];
    CHECK(first["key"] == "IPaddr::192.0.2.10/24/eth0/192.0.2.255");
    CHECK(first["owner"] == "a");
    REQUIRE(first["resources"].size() == 3);
    const json& ip = first["resources"][0];
    CHECK(ip["script"] == "IPaddr");
    CHECK(ip["args"] == json::array({"192.0.2.10/24/eth0/192.0.2.255"}));
    CHECK(ip["bare_ip"] == false);
    CHECK(ip["ip"] == json{{"ip", "192.0.2.10"},
                           {"cidr_netmask", 24},
                           {"netmask", "24"},
                           {"nic", "eth0"},
                           {"broadcast", "192.0.2.255"}});
    const json& filesystem = first["resources"][1];
    CHECK(filesystem["script"] == "Filesystem");
    CHECK(filesystem["args"] == json::array({"/dev/sdb1", "/srv", "ext4"}));
    CHECK(filesystem["ip"].is_null());
    CHECK(first["resources"][2]["script"] == "apache2");
    CHECK(first["resources"][2]["args"] == json::array());
    CHECK(first["resources"][2]["where"] == where("n/haresources", 1, 76));

    const json& second = plan["groups"][1];
    CHECK(second["owner"] == "b");
    const json& bare = second["resources"][0];
    CHECK(bare["script"] == "IPaddr");
    CHECK(bare["bare_ip"] == true);
    CHECK(bare["args"] == json::array({"192.0.2.20"}));
    CHECK(bare["ip"]["ip"] == "192.0.2.20");
    CHECK(bare["ip"]["cidr_netmask"].is_null());
    const json& dotted = second["resources"][1]["ip"];
    CHECK(dotted["cidr_netmask"] == 24);
    CHECK(dotted["netmask"] == "255.255.255.0");
}

TEST_CASE("plan: group ids are sanitised keys, repeated ones get a numeric suffix", "[plan]") {
    const json plan =
        plan_of({single("node a b\nbcast eth0\n", "a svc::x\nb svc:x\na svc_x\nb ::\n")});
    REQUIRE(plan["groups"].size() == 4);
    CHECK(plan["groups"][0]["id"] == "svc_x");
    CHECK(plan["groups"][1]["id"] == "svc_x-2");
    CHECK(plan["groups"][2]["id"] == "svc_x-3");
    CHECK(plan["groups"][3]["id"] == "group");
}

TEST_CASE("plan: one folder stands for every node of a cluster with identical files", "[plan]") {
    auto folder = memory_folder("only", {{"ha.cf", "node a b\nucast eth0 192.0.2.2\n"},
                                         {"authkeys", "auth 1\n1 crc\n"},
                                         {"nodeinfo", "a\n"}});
    std::vector<node_folder> folders;
    folders.push_back(std::move(folder));
    const auto result = emit_target("plan", folders);
    CHECK(result.diagnostics.empty());
    const json plan = only_json_file(result);
    REQUIRE(plan["nodes"].size() == 2);
    CHECK(plan["nodes"][0]["folder"] == "only");
    CHECK(plan["nodes"][1]["folder"].is_null());
    CHECK(plan["nodes"][1]["media_from"] == "only");
    CHECK(plan["nodes"][1]["media"] == plan["nodes"][0]["media"]);
    CHECK(plan["nodes"][1]["addresses"][0]["address"] == "192.0.2.2");
}

TEST_CASE("plan: a node without a folder among several has unknown media (HC001)", "[plan]") {
    const std::string ha_cf = "node a b c\nbcast eth0\n";
    std::vector<node_folder> folders;
    folders.push_back(memory_folder("a", {{"ha.cf", ha_cf}, {"nodeinfo", "a\n"}}));
    folders.push_back(memory_folder("b", {{"ha.cf", ha_cf}, {"nodeinfo", "b\n"}}));
    const auto result = emit_target("plan", folders);
    const json plan = only_json_file(result);
    CHECK(plan["nodes"][2]["name"] == "c");
    CHECK(plan["nodes"][2]["media_from"].is_null());
    CHECK(plan["nodes"][2]["media"] == json::array());
    REQUIRE(codes(result) == std::vector<std::string>{"HC001", "HC002"});
    const auto& unknown = result.diagnostics[0];
    CHECK(unknown.rule == "plan-node-media-unknown");
    CHECK(unknown.level == hakit::severity::warning);
    CHECK(unknown.where == hakit::location{"a/ha.cf", 1, 10});
}

TEST_CASE("plan: auth holds the sending key and every accepted key, the key text only with "
          "include_secrets",
          "[plan][secrets]") {
    const std::string authkeys = "auth 2\n1 md5 first-secret-key\n2 sha1 second-secret-key\n";
    std::vector<node_folder> folders;
    folders.push_back(single("node a b\nbcast eth0\n", "", authkeys));

    const auto hidden = emit_target("plan", folders);
    CHECK(hidden.files[0].mode == 0644U);
    CHECK(hidden.files[0].content.find("secret-key") == std::string::npos);
    const json plan = only_json_file(hidden);
    CHECK(plan["auth"] ==
          json{{"key_index", 2},
               {"method", "sha1"},
               {"where", where("n/authkeys", 1, 6)},
               {"keys",
                json::array(
                    {{{"index", 1}, {"method", "md5"}, {"where", where("n/authkeys", 2, 1)}},
                     {{"index", 2}, {"method", "sha1"}, {"where", where("n/authkeys", 3, 1)}}})}});

    emit_options secrets;
    secrets.include_secrets = true;
    const auto shown = emit_target("plan", folders, secrets);
    CHECK(shown.files[0].mode == 0600U);
    const json with_keys = only_json_file(shown);
    CHECK(with_keys["auth"]["key"] == "second-secret-key");
    CHECK(with_keys["auth"]["keys"][0]["key"] == "first-secret-key");
    CHECK(with_keys["auth"]["keys"][1]["key"] == "second-secret-key");
}

TEST_CASE("plan: no sending key means no auth and a warning (HC002)", "[plan]") {
    SECTION("the key line comes before its auth line") {
        const auto result = emit_target(
            "plan", {single("node a b\nbcast eth0\n", "", "1 sha1 abcdefgh\nauth 1\n")});
        CHECK(only_json_file(result)["auth"].is_null());
        REQUIRE(codes(result) == std::vector<std::string>{"HC002"});
        CHECK(result.diagnostics[0].where == hakit::location{"n/authkeys", 0, 0});
    }
    SECTION("no authkeys at all") {
        std::vector<node_folder> folders;
        folders.push_back(memory_folder("n", {{"ha.cf", "node a b\nbcast eth0\n"}}));
        const auto result = emit_target("plan", folders);
        CHECK(only_json_file(result)["auth"].is_null());
        CHECK(codes(result) == std::vector<std::string>{"HC002"});
        CHECK(only_json_file(result)["sources"]["authkeys"].is_null());
    }
}

TEST_CASE("plan: forced errors are listed first thing in the plan", "[plan]") {
    emit_options options;
    options.forced_errors.push_back({"HA102",
                                     "invalid-value",
                                     hakit::severity::error,
                                     "keepalive: '2s' is not a time",
                                     {"n/ha.cf", 3, 11},
                                     {}});
    const json plan = plan_of({single("node a b\nbcast eth0\nkeepalive 2s\n")}, options);
    CHECK(plan["forced_errors"] == json::array({{{"code", "HA102"},
                                                 {"rule", "invalid-value"},
                                                 {"severity", "error"},
                                                 {"message", "keepalive: '2s' is not a time"},
                                                 {"where", where("n/ha.cf", 3, 11)}}}));
}

TEST_CASE("plan: media carry the fields of their kind", "[plan]") {
    const json plan = plan_of({single("udpport 700\nbaud 38400\nnode a b\nbcast eth0 eth2\n"
                                      "mcast eth1 239.0.0.1 694 1 0\nserial /dev/ttyS0\n"
                                      "ucast6 eth3 fe80::1\n")});
    const json& media = plan["nodes"][0]["media"];
    REQUIRE(media.size() == 5);
    CHECK(media[0] == json{{"kind", "bcast"},
                           {"device", "eth0"},
                           {"port", 700},
                           {"where", where("n/ha.cf", 4, 7)}});
    CHECK(media[1]["device"] == "eth2");
    CHECK(media[2] == json{{"kind", "mcast"},
                           {"device", "eth1"},
                           {"group", "239.0.0.1"},
                           {"port", 694},
                           {"ttl", 1},
                           {"loop", 0},
                           {"where", where("n/ha.cf", 5, 1)}});
    CHECK(media[3] == json{{"kind", "serial"},
                           {"device", "/dev/ttyS0"},
                           {"baud", 38400},
                           {"where", where("n/ha.cf", 6, 8)}});
    CHECK(media[4]["kind"] == "ucast6");
    CHECK(media[4]["peer"] == "fe80::1");
    CHECK(plan["udpport"] == 700);
}

TEST_CASE("plan: ping nodes, ipfail, respawn, env, logging and stonith as declared", "[plan]") {
    const json plan =
        plan_of({single("node a b\nbcast eth0\nping 192.0.2.1\nping_group gw 192.0.2.2 "
                        "192.0.2.3\nrespawn hacluster /usr/libexec/heartbeat/ipfail\n"
                        "env FOO=bar\nenv ABC=1\nlogfacility local0\nuse_logd no\n"
                        "stonith_host * external/ssh a b\n")});
    CHECK(plan["ping_nodes"] == json::array({{{"kind", "ping"},
                                              {"name", "192.0.2.1"},
                                              {"hosts", {"192.0.2.1"}},
                                              {"where", where("n/ha.cf", 3, 6)}},
                                             {{"kind", "ping_group"},
                                              {"name", "gw"},
                                              {"hosts", {"192.0.2.2", "192.0.2.3"}},
                                              {"where", where("n/ha.cf", 4, 1)}}}));
    CHECK(plan["ipfail_respawned"] == true);
    CHECK(plan["respawn"][0]["command"] == "/usr/libexec/heartbeat/ipfail");
    CHECK(plan["respawn"][0]["failfast"] == false);
    REQUIRE(plan["env"].size() == 2);
    CHECK(plan["env"][0]["name"] == "ABC");
    CHECK(plan["env"][1] ==
          json{{"name", "FOO"}, {"value", "bar"}, {"where", where("n/ha.cf", 6, 5)}});
    CHECK(plan["logging"] == json{{"logfile", nullptr},
                                  {"debugfile", nullptr},
                                  {"logfacility", "local0"},
                                  {"use_logd", false}});
    REQUIRE(plan["stonith"].size() == 1);
    CHECK(plan["stonith"][0]["directive"] == "stonith_host");
    CHECK(plan["stonith"][0]["host"] == "*");
    CHECK(plan["stonith"][0]["type"] == "external/ssh");
    CHECK(plan["stonith"][0]["params"] == json::array({"a", "b"}));

    const json without = plan_of({single("node a b\nbcast eth0\nping 192.0.2.1\n")});
    CHECK(without["ipfail_respawned"] == false);
}

TEST_CASE("plan: pacemaker on is said (HC003)", "[plan]") {
    const auto result =
        emit_target("plan", {single("node a b\nbcast eth0\npacemaker on\n", "a 192.0.2.9\n")});
    REQUIRE(codes(result) == std::vector<std::string>{"HC003"});
    CHECK(result.diagnostics[0].where == hakit::location{"n/ha.cf", 3, 11});
}

TEST_CASE("plan: bytes that are not UTF-8 become U+FFFD with a located warning (HC004)", "[plan]") {
    const auto result = emit_target("plan", {single("cluster caf\xE9\nnode a b\nbcast eth0\n")});
    REQUIRE(codes(result) == std::vector<std::string>{"HC004"});
    CHECK(result.diagnostics[0].where == hakit::location{"n/ha.cf", 1, 9});
    CHECK(only_json_file(result)["cluster"] == "caf\xEF\xBF\xBD");
}

TEST_CASE("plan: the same input gives the same bytes", "[plan]") {
    const auto folders = two_nodes();
    CHECK(emit_target("plan", folders).files[0].content ==
          emit_target("plan", folders).files[0].content);
}
