// Target `ir`: every IR value with value, origin and where; keys only with include_secrets.
#include "emit_support.hpp"
#include "json_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using hakit::node_folder;
using nlohmann::json;
using namespace hakit::test;

namespace {

json where(const std::string& file, int line, int column) {
    return {{"file", file}, {"line", line}, {"column", column}};
}

std::vector<node_folder> one_folder(const std::map<std::string, std::string>& files) {
    std::vector<node_folder> folders;
    folders.push_back(memory_folder("n", files));
    return folders;
}

} // namespace

TEST_CASE("ir: values say whether the file set them, and where", "[ir]") {
    const auto result =
        emit_target("ir", one_folder({{"ha.cf", "node a b\nbcast eth0\nkeepalive 2\n"}}));
    REQUIRE(result.files.size() == 1);
    CHECK(result.files[0].name == "ir.json");
    CHECK(result.files[0].mode == 0644U);
    const json ir = only_json_file(result);
    REQUIRE(ir["folders"].size() == 1);
    const json& folder = ir["folders"][0];
    CHECK(folder["path"] == "n");
    CHECK(folder["timing_ms"]["keepalive"] ==
          json{{"value", 2000}, {"origin", "explicit"}, {"where", where("n/ha.cf", 3, 11)}});
    CHECK(folder["timing_ms"]["deadtime"] ==
          json{{"value", 30000}, {"origin", "default"}, {"where", where("n/ha.cf", 0, 0)}});
    CHECK(folder["cluster"]["value"] == "linux-ha");
    CHECK(folder["auto_failback"]["value"] == "legacy");
    CHECK(folder["udpport"]["origin"] == "default");
    CHECK(folder["nodes"][1] ==
          json{{"name", "b"}, {"as_written", "b"}, {"where", where("n/ha.cf", 1, 8)}});
    CHECK(folder["media"][0]["kind"] == "bcast");
    CHECK(folder["media"][0]["where"] == where("n/ha.cf", 2, 7)); // option lists: the token
    CHECK(folder["logging"]["logfile"].is_null());
}

TEST_CASE("ir: problems, groups and the joined cluster are part of the view", "[ir]") {
    const auto ir = only_json_file(
        emit_target("ir", one_folder({{"ha.cf", "node a b\nKeepalive 2\nucast eth0 192.0.2.2\n"},
                                      {"haresources", "a 192.0.2.9 httpd\n"},
                                      {"nodeinfo", "a\n"}})));
    const json& folder = ir["folders"][0];
    REQUIRE(folder["problems"].size() == 1);
    CHECK(folder["problems"][0]["kind"] == "unknown_directive");
    CHECK(folder["problems"][0]["where"] == where("n/ha.cf", 2, 1));
    CHECK(folder["local_name"]["value"] == "a");
    CHECK(folder["nodeinfo"]["where"] == where("n/nodeinfo", 1, 1));
    REQUIRE(folder["groups"].size() == 1);
    CHECK(folder["groups"][0]["owner"]["value"] == "a");
    CHECK(folder["groups"][0]["resources"][0]["bare_ip"] == true);
    CHECK(folder["groups"][0]["resources"][1]["script"] == "httpd");

    const json& members = ir["cluster"]["members"];
    REQUIRE(members.size() == 2);
    CHECK(members[0]["folder"] == "n");
    CHECK(members[1]["addresses"][0]["address"] == "192.0.2.2");
    CHECK(ir["cluster"]["folders_without_member"] == json::array());
}

TEST_CASE("ir: authkeys keys only with include_secrets", "[ir][secrets]") {
    const auto folders = one_folder(
        {{"ha.cf", "node a b\nbcast eth0\n"}, {"authkeys", "auth 1\n1 sha1 s3cr3t-key\n"}});
    const auto hidden = emit_target("ir", folders);
    CHECK(hidden.files[0].content.find("s3cr3t-key") == std::string::npos);
    const json keys = only_json_file(hidden)["folders"][0]["auth"];
    CHECK(keys["active"]["value"] == 1);
    CHECK(keys["keys"][0] == json{{"index", 1},
                                  {"method", "sha1"},
                                  {"method_as_written", "sha1"},
                                  {"has_key", true},
                                  {"where", where("n/authkeys", 2, 1)}});
    CHECK(only_json_file(hidden)["folders"][0]["authkeys_mode"] == "0600");

    hakit::emit::emit_options secrets;
    secrets.include_secrets = true;
    const auto shown = emit_target("ir", folders, secrets);
    CHECK(shown.files[0].mode == 0600U);
    CHECK(only_json_file(shown)["folders"][0]["auth"]["keys"][0]["key"] == "s3cr3t-key");
}

TEST_CASE("JSON text: invalid UTF-8 sequences are replaced, valid ones kept", "[ir][utf8]") {
    const auto check = [](const std::string& in, const std::string& expected, bool valid) {
        std::string out;
        CHECK(hakit::emit::to_valid_utf8(in, out) == valid);
        CHECK(out == expected);
    };
    const std::string replacement = "\xEF\xBF\xBD";
    check("plain", "plain", true);
    check("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
          true);
    check("caf\xE9", "caf" + replacement, false);
    check("\xC0\x80", replacement + replacement, false);                   // overlong NUL
    check("\xED\xA0\x80", replacement + replacement + replacement, false); // a surrogate
    check("\xF4\x90\x80\x80", replacement + replacement + replacement + replacement,
          false);                                        // above U+10FFFF
    check("\xE2\x82", replacement + replacement, false); // cut short
}
