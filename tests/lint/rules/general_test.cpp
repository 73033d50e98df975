// Fixtures for the foundation rules whose first proof was the Heartbeat oracle
// (tests/oracle): HA001 syntax-error, HA003 node-name-unknown, HA109 no-nodes,
// HA110 repeated-directive, HA113 autojoin-with-haresources, and the authkeys rules HA302
// missing-auth-directive, HA304 crc-with-key, HA305 missing-auth-key.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

#include <string>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA001 syntax-error: located in each file kind, silent on clean files",
          "[rules][general]") {
    SECTION("haresources: '::' without a script name") {
        const auto found = findings_of("HA001", "== haresources ==\nalpha 192.0.2.10 ::x\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].level == severity::error);
        CHECK(found[0].where.file == "example/haresources");
        CHECK(found[0].where.line == 1);
        CHECK(found[0].message == "resource has no script name before '::'");
    }
    SECTION("ha.cf: a line longer than Heartbeat's line buffer") {
        const std::string long_value(5200, 'x');
        const auto found = findings_of(
            "HA001", "== ha.cf ==\nnode alpha beta\nbcast eth0\ncluster " + long_value + "\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 5120));
        CHECK(found[0].message.starts_with("line is longer than Heartbeat's 5119-byte"));
    }
    SECTION("authkeys: a line that is neither auth nor a key") {
        const auto found =
            findings_of("HA001", "== authkeys ==\nauth 1\n1 sha1 ExampleSecretOnly\nhello world\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.file == "example/authkeys");
        CHECK(found[0].where.line == 3);
    }
    SECTION("clean files") {
        CHECK(findings_of("HA001", "== ha.cf ==\nnode alpha beta\nbcast eth0\n"
                                   "== haresources ==\nalpha 192.0.2.10 IPaddr::192.0.2.11/24\n"
                                   "== authkeys ==\nauth 1\n1 sha1 ExampleSecretOnly\n")
                  .empty());
    }
}

TEST_CASE("HA003 node-name-unknown: only when neither nodeinfo nor --node names the node",
          "[rules][general]") {
    const auto found = findings_of("HA003", "== ha.cf ==\nnode alpha beta\nbcast eth0\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].level == severity::info);
    CHECK(found[0].where == at("example/ha.cf", 0, 0));
    CHECK(findings_of("HA003", "== ha.cf ==\nnode alpha beta\nbcast eth0\n== nodeinfo ==\nbeta\n")
              .empty());
    // A folder without ha.cf has nothing to name the node against.
    CHECK(findings_of("HA003", "== haresources ==\nalpha 192.0.2.10\n").empty());
}

TEST_CASE("HA109 no-nodes: autojoin any is the only way to declare no node", "[rules][general]") {
    const auto none = findings_of("HA109", "== ha.cf ==\nbcast eth0\n");
    REQUIRE(none.size() == 1);
    CHECK(none[0].level == severity::error);
    CHECK(none[0].message == "no node is declared and autojoin is 'none'");
    CHECK(none[0].notes.empty());

    const auto other = findings_of("HA109", "== ha.cf ==\nautojoin other\nbcast eth0\n");
    INFO(describe(other));
    REQUIRE(other.size() == 1);
    CHECK(other[0].message == "no node is declared and autojoin is 'other'");
    REQUIRE(other[0].notes.size() == 1);
    CHECK(other[0].notes[0].where == at("example/ha.cf", 1, 10));

    CHECK(findings_of("HA109", "== ha.cf ==\nautojoin any\nbcast eth0\n").empty());
    CHECK(findings_of("HA109", "== ha.cf ==\nnode alpha\nbcast eth0\n").empty());
}

TEST_CASE("HA110 repeated-directive: the second of a once-only directive", "[rules][general]") {
    const auto found =
        findings_of("HA110", "== ha.cf ==\nwatchdog /dev/watchdog\nnode alpha beta\nbcast eth0\n"
                             "watchdog /dev/watchdog\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.line == 4);
    // Media and node lines repeat by design.
    CHECK(findings_of("HA110", "== ha.cf ==\nnode alpha\nnode beta\nbcast eth0\nbcast eth1\n")
              .empty());
}

TEST_CASE("HA113 autojoin-with-haresources: autojoin other/any while haresources manages",
          "[rules][general]") {
    const std::string haresources = "== haresources ==\nalpha 192.0.2.10\n";
    for (const std::string mode : {"other", "any"}) {
        INFO(mode);
        const auto found =
            findings_of("HA113", "== ha.cf ==\nnode alpha beta\nbcast eth0\nautojoin " + mode +
                                     "\n" + haresources);
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 10)); // the value
        CHECK(found[0].message == "autojoin " + mode +
                                      " conflicts with haresources resource management "
                                      "(pacemaker is off)");
    }
    CHECK(findings_of("HA113",
                      "== ha.cf ==\nnode alpha beta\nbcast eth0\nautojoin none\n" + haresources)
              .empty());
    // With pacemaker on, haresources is not used at all.
    CHECK(findings_of("HA113", "== ha.cf ==\nnode alpha beta\nbcast eth0\nautojoin other\n"
                               "pacemaker on\n" +
                                   haresources)
              .empty());
}

TEST_CASE("HA302 missing-auth-directive, HA304 crc-with-key, HA305 missing-auth-key",
          "[rules][general][authkeys]") {
    const auto no_auth = findings_of("HA302", "== authkeys ==\n# keys\n1 sha1 ExampleSecretOnly\n");
    REQUIRE(no_auth.size() == 1);
    CHECK(no_auth[0].level == severity::error);
    CHECK(no_auth[0].where == at("example/authkeys", 0, 0));

    const auto crc_key = findings_of("HA304", "== authkeys ==\nauth 2\n2 crc ExampleKey\n");
    REQUIRE(crc_key.size() == 1);
    CHECK(crc_key[0].where == at("example/authkeys", 2, 7));
    CHECK(crc_key[0].message.find("ExampleKey") == std::string::npos); // never the key
    CHECK(findings_of("HA304", "== authkeys ==\nauth 2\n2 crc\n").empty());

    for (const std::string method : {"md5", "sha1"}) {
        INFO(method);
        const auto no_key = findings_of("HA305", "== authkeys ==\nauth 3\n3 " + method + "\n");
        REQUIRE(no_key.size() == 1);
        CHECK(no_key[0].where == at("example/authkeys", 2, 3));
        CHECK(no_key[0].message == "key 3 uses " + method +
                                       ", which requires a key, but the "
                                       "line has none (Heartbeat: \"Auth "
                                       "method [" +
                                       method + "] requires a key\")");
    }
    CHECK(findings_of("HA305", "== authkeys ==\nauth 3\n3 md5 ExampleSecretOnly\n").empty());
}
