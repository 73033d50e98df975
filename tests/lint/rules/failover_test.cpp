// Fixtures for the failover-policy rules HA118..HA125 (auto_failback, nice_failback, ipfail and
// ping nodes, pacemaker with haresources).
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA118 auto-failback-missing", "[rules][failover]") {
    SECTION("no auto_failback in haresources mode") {
        const auto found = findings_of("HA118", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "bcast eth1\n"
                                                "== haresources ==\n"
                                                "alpha 10.0.0.10\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 0, 0));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "auto_failback is not set: Heartbeat uses the deprecated "
                                  "'legacy' policy, which disables hb_standby and ipfail");
    }
    SECTION("silent with pacemaker, with any auto_failback, and when nice_failback set it") {
        CHECK(findings_of("HA118", "== ha.cf ==\nnode alpha beta\ncrm yes\n").empty());
        CHECK(findings_of("HA118", "== ha.cf ==\nauto_failback legacy\n").empty());
        CHECK(findings_of("HA118", "== ha.cf ==\nnice_failback on\n").empty());
    }
    SECTION("a value Heartbeat rejects is HA102's error, not a missing directive") {
        CHECK(findings_of("HA118", "== ha.cf ==\nauto_failback maybe\n").empty());
        CHECK(findings_of("HA102", "== ha.cf ==\nauto_failback maybe\n").size() == 1);
    }
}

TEST_CASE("HA119 auto-failback-legacy", "[rules][failover]") {
    SECTION("legacy in force, any case") {
        const auto found = findings_of("HA119", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "auto_failback Legacy\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 15));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "auto_failback Legacy is deprecated: resources move back at "
                                  "once, and hb_standby and ipfail do not work");
    }
    SECTION("overridden legacy, pacemaker mode, nice_failback's legacy: silent") {
        CHECK(
            findings_of("HA119", "== ha.cf ==\nauto_failback legacy\nauto_failback off\n").empty());
        CHECK(findings_of("HA119", "== ha.cf ==\nauto_failback legacy\npacemaker on\n").empty());
        CHECK(findings_of("HA119", "== ha.cf ==\nnice_failback on\n").empty());
    }
}

TEST_CASE("HA120 nice-failback-obsolete: what it does depends on its place", "[rules][failover]") {
    SECTION("after auto_failback on, it turns failback off (the corpus case)") {
        const auto found = findings_of("HA120", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "use_logd yes\n"
                                                "nice_failback on\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 1));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "nice_failback on is obsolete: after auto_failback on Heartbeat "
                                  "turns automatic failback off, whatever the value");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 15));
        CHECK(found[0].notes[0].message == "auto_failback on set here");
    }
    SECTION("before any auto_failback, even 'off' becomes legacy") {
        const auto found = findings_of("HA120", "== ha.cf ==\n"
                                                "nice_failback off\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 1));
        CHECK(found[0].message == "nice_failback off is obsolete: Heartbeat reads it as "
                                  "auto_failback legacy, whatever the value");
        CHECK(found[0].notes.empty());
    }
    SECTION("after auto_failback legacy it is legacy again") {
        const auto found = findings_of("HA120", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "auto_failback legacy\n"
                                                "nice_failback on\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message == "nice_failback on is obsolete: Heartbeat reads it as "
                                  "auto_failback legacy, whatever the value");
    }
    SECTION("a later auto_failback overrides it") {
        const auto found = findings_of("HA120", "== ha.cf ==\n"
                                                "nice_failback on\n"
                                                "auto_failback off\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message == "nice_failback is obsolete and has no effect here: "
                                  "auto_failback off on line 2 overrides it");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 2, 15));
    }
    SECTION("a value Heartbeat rejects (HA102) or no value at all: nothing more to say") {
        CHECK(findings_of("HA120", "== ha.cf ==\nnice_failback maybe\n").empty());
        CHECK(findings_of("HA120", "== ha.cf ==\nnice_failback\nauto_failback on\n").empty());
    }
}

TEST_CASE("HA121 auto-failback-boolean-spelling", "[rules][failover]") {
    SECTION("every boolean spelling other than on/off") {
        const auto found = findings_of("HA121", "== ha.cf ==\n"
                                                "auto_failback no\n"
                                                "auto_failback TRUE 1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 3);
        CHECK(found[0].where == at("example/ha.cf", 1, 15));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message ==
              "auto_failback no means off; write it as documented: auto_failback off");
        CHECK(found[1].where == at("example/ha.cf", 2, 15));
        CHECK(found[1].message ==
              "auto_failback TRUE means on; write it as documented: auto_failback on");
        CHECK(found[2].where == at("example/ha.cf", 2, 20));
    }
    SECTION("on, off, legacy in any case, and rejected values are not reported") {
        CHECK(findings_of("HA121", "== ha.cf ==\n"
                                   "auto_failback On\n"
                                   "auto_failback OFF\n"
                                   "auto_failback legacy\n"
                                   "auto_failback enable\n")
                  .empty());
    }
}

TEST_CASE("HA122 ipfail-without-ping-nodes", "[rules][failover]") {
    SECTION("ipfail under any path, respawn or failfast, without ping nodes") {
        const auto found = findings_of("HA122", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "respawn hacluster /usr/libexec/heartbeat/ipfail\n"
                                                "failfast hacluster /usr/lib64/heartbeat/ipfail\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 2, 1));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "ipfail is respawned but no ping, ping6 or ping_group node is "
                                  "declared: it has no connectivity to compare and never moves "
                                  "resources");
        CHECK(found[1].where == at("example/ha.cf", 3, 1));
    }
    SECTION("a ping_group is enough; other programs are not ipfail") {
        CHECK(findings_of("HA122", "== ha.cf ==\n"
                                   "ping_group uplink 10.0.0.1 10.0.0.2\n"
                                   "respawn hacluster /usr/lib/heartbeat/ipfail\n")
                  .empty());
        CHECK(findings_of("HA122", "== ha.cf ==\n"
                                   "respawn hacluster /usr/lib/heartbeat/dopd\n"
                                   "respawn hacluster /opt/ipfail-wrapper\n")
                  .empty());
    }
}

TEST_CASE("HA123 ping-nodes-without-ipfail", "[rules][failover]") {
    SECTION("ping nodes and nothing that uses them: reported once, at the first") {
        const auto found = findings_of("HA123", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "ping 10.0.0.254 10.0.1.254\n"
                                                "ping_group uplink 10.0.0.1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 6));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "ping node 10.0.0.254 is watched, but no ipfail is respawned: "
                                  "losing it never moves resources");
    }
    SECTION("a ping_group alone is reported at its line") {
        const auto found = findings_of("HA123", "== ha.cf ==\n"
                                                "ping_group uplink 10.0.0.1 10.0.0.2\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 1));
        CHECK(found[0].message == "ping node uplink is watched, but no ipfail is respawned: "
                                  "losing it never moves resources");
    }
    SECTION("silent with ipfail or with pacemaker") {
        CHECK(findings_of("HA123", "== ha.cf ==\n"
                                   "ping 10.0.0.254\n"
                                   "failfast hacluster /usr/lib/heartbeat/ipfail\n")
                  .empty());
        CHECK(findings_of("HA123", "== ha.cf ==\n"
                                   "ping 10.0.0.254\n"
                                   "pacemaker respawn\n")
                  .empty());
    }
}

TEST_CASE("HA124 haresources-ignored-with-pacemaker", "[rules][failover]") {
    SECTION("crm yes with resource groups") {
        const auto found = findings_of("HA124", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "crm yes\n"
                                                "== haresources ==\n"
                                                "# web\n"
                                                "alpha 10.0.0.10 httpd\n"
                                                "beta 10.0.0.11\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 5));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "pacemaker is enabled ('yes'), so Heartbeat ignores haresources and its 2 resource "
              "groups");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/haresources", 2, 1));
        CHECK(found[0].notes[0].message == "not used while pacemaker is enabled");
    }
    SECTION("an empty haresources file exists all the same") {
        const auto found = findings_of("HA124", "== ha.cf ==\n"
                                                "pacemaker on\n"
                                                "== haresources ==\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message == "pacemaker is enabled ('on'), so Heartbeat ignores haresources");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/haresources", 0, 0));
    }
    SECTION("pacemaker off, or no haresources file") {
        CHECK(
            findings_of("HA124", "== ha.cf ==\ncrm off\n== haresources ==\nalpha httpd\n").empty());
        CHECK(findings_of("HA124", "== ha.cf ==\ncrm respawn\n").empty());
    }
}

TEST_CASE("HA125 ipfail-exits-at-start", "[rules][failover]") {
    SECTION("auto_failback missing: ipfail reads the default, legacy") {
        const auto found = findings_of("HA125", "== ha.cf ==\n"
                                                "ping 10.0.0.254\n"
                                                "respawn hacluster /usr/lib/heartbeat/ipfail\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 1));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "ipfail exits at start with code 100, and Heartbeat does not "
                                  "respawn it: auto_failback is not set, and ipfail refuses its "
                                  "default, legacy");
        CHECK(found[0].notes.empty());
    }
    SECTION("nice_failback does not change what ipfail reads") {
        const auto found = findings_of("HA125", "== ha.cf ==\n"
                                                "nice_failback on\n"
                                                "respawn hacluster /usr/lib/heartbeat/ipfail\n");
        CHECK(found.size() == 1);
    }
    SECTION("auto_failback legacy written") {
        const auto found = findings_of("HA125", "== ha.cf ==\n"
                                                "auto_failback legacy\n"
                                                "respawn hacluster /usr/lib/heartbeat/ipfail\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message == "ipfail exits at start with code 100, and Heartbeat does not "
                                  "respawn it: ipfail refuses auto_failback legacy");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 15));
    }
    SECTION("pacemaker manages the resources") {
        const auto found = findings_of("HA125", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "crm respawn\n"
                                                "respawn hacluster /usr/lib/heartbeat/ipfail\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 1));
        CHECK(found[0].message == "ipfail exits at start with code 100, and Heartbeat does not "
                                  "respawn it: pacemaker is enabled, so Heartbeat manages no "
                                  "resources");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 2, 5));
    }
    SECTION("auto_failback on/off, even when nice_failback turned it off internally") {
        CHECK(findings_of("HA125", "== ha.cf ==\n"
                                   "auto_failback yes\n"
                                   "nice_failback on\n"
                                   "respawn hacluster /usr/lib/heartbeat/ipfail\n")
                  .empty());
        CHECK(findings_of("HA125", "== ha.cf ==\nauto_failback legacy\n").empty());
    }
}
