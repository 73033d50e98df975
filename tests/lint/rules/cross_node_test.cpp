// Fixtures for the cross-node rules: HA402 timing, HA403 auto_failback, HA404 media. Each
// folder of an example is one node.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA402 timing-inconsistent: a different deadtime, explicit or default",
          "[rules][cross_node]") {
    SECTION("deadtime 10 against the default 30 s, reported at the second folder") {
        const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "deadtime 10\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 2, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "srv6 uses deadtime 10000 ms but srv5 uses deadtime 30000 ms (the default): a "
              "failure of srv6 is detected after 10000 ms, a failure of srv5 after 30000 ms");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("srv5/ha.cf", 1, 1));
    }
    SECTION("the same time in other units is no difference") {
        CHECK(findings_of("HA402", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "keepalive 1\n"
                                   "deadtime 30\n"
                                   "warntime 10\n"
                                   "bcast eth1\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "keepalive 1000ms\n"
                                   "deadtime 30000ms\n"
                                   "bcast eth1\n"
                                   "warntime 10000000us\n")
                  .empty());
    }
}

TEST_CASE("HA402 timing-inconsistent: a warntime not longer than the peer's keepalive",
          "[rules][cross_node]") {
    SECTION("srv5 warns after 2 s, srv6 sends every 3 s") {
        const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 1\n"
                                                "warntime 2\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 3\n"
                                                "warntime 2\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv5/ha.cf", 3, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "srv5 warns after warntime 2000 ms but srv6 sends a heartbeat only every "
              "keepalive 3000 ms: srv5 logs every heartbeat of srv6 as late");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("srv6/ha.cf", 2, 11));
        CHECK(found[0].notes[0].message == "srv6 uses keepalive 3000 ms");
    }
    SECTION("a different keepalive below both warntimes is only info") {
        const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 1\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 2\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 2, 11));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message == "srv6 uses keepalive 2000 ms but srv5 uses keepalive 1000 ms");
    }
}

TEST_CASE("HA402 timing-inconsistent: defaults derived from a deadtime difference are not "
          "reported again",
          "[rules][cross_node]") {
    // deadtime 10 derives warntime 5 s and initdead 20 s; the default deadtime 30 s derives
    // warntime 15 s and initdead 30 s. Only the deadtime line is a finding.
    const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                            "node srv5 srv6\n"
                                            "deadtime 10\n"
                                            "bcast eth1\n"
                                            "== srv6/ha.cf ==\n"
                                            "node srv5 srv6\n"
                                            "bcast eth1\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("srv6/ha.cf", 1, 1));
    CHECK(found[0].notes[0].where == at("srv5/ha.cf", 2, 10));
    CHECK(found[0].notes[0].message == "srv5 uses deadtime 10000 ms");
}

TEST_CASE("HA402 timing-inconsistent: a single folder is never compared", "[rules][cross_node]") {
    CHECK(findings_of("HA402", "== ha.cf ==\n"
                               "node srv5 srv6\n"
                               "deadtime 10\n"
                               "bcast eth1\n")
              .empty());
}

TEST_CASE("HA402 timing-inconsistent: values Heartbeat rejects and warnings other rules own",
          "[rules][cross_node]") {
    SECTION("keepalive 2s is HA102's: its value is not compared") {
        const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 2s\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 2\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        CHECK(found.empty());
    }
    SECTION("a warntime not above the node's own keepalive is HA116's") {
        CHECK(findings_of("HA402", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "keepalive 3\n"
                                   "warntime 3\n"
                                   "bcast eth1\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "keepalive 3\n"
                                   "warntime 3\n"
                                   "bcast eth1\n")
                  .empty());
    }
    SECTION("a warntime derived from deadtime is located at the deadtime line") {
        // srv5: deadtime 5 s gives warntime 2.5 s, above its own keepalive 1 s but not above
        // srv6's keepalive 4 s.
        const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 1\n"
                                                "deadtime 5\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "keepalive 4\n"
                                                "deadtime 10\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("srv5/ha.cf", 3, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "srv5 warns after warntime 2500 ms (the default) but srv6 sends a heartbeat only "
              "every keepalive 4000 ms: srv5 logs every heartbeat of srv6 as late");
        CHECK(found[1].where == at("srv6/ha.cf", 3, 10));
        CHECK(found[1].message ==
              "srv6 uses deadtime 10000 ms but srv5 uses deadtime 5000 ms: a failure of srv6 is "
              "detected after 10000 ms, a failure of srv5 after 5000 ms");
    }
}

TEST_CASE("HA402 timing-inconsistent: an initdead difference is info", "[rules][cross_node]") {
    const auto found = findings_of("HA402", "== srv5/ha.cf ==\n"
                                            "node srv5 srv6\n"
                                            "initdead 60\n"
                                            "bcast eth1\n"
                                            "== srv6/ha.cf ==\n"
                                            "node srv5 srv6\n"
                                            "bcast eth1\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("srv6/ha.cf", 1, 1));
    CHECK(found[0].level == severity::info);
    CHECK(found[0].message ==
          "srv6 uses initdead 30000 ms (the default) but srv5 uses initdead 60000 ms");
    CHECK(found[0].notes[0].where == at("srv5/ha.cf", 2, 10));
}

TEST_CASE("HA403 auto-failback-inconsistent", "[rules][cross_node]") {
    SECTION("on against the default legacy") {
        const auto found = findings_of("HA403", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "auto_failback on\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 3, 15));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "srv6 uses auto_failback on but srv5 uses auto_failback legacy (the default): the "
              "legacy node takes its groups back at once while the other negotiates, so the two "
              "follow different takeover protocols");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("srv5/ha.cf", 1, 1));
    }
    SECTION("nice_failback after auto_failback on turns it off") {
        const auto found = findings_of("HA403", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "auto_failback on\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "auto_failback on\n"
                                                "nice_failback on\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 4, 15));
        CHECK(found[0].message ==
              "srv6 uses auto_failback off but srv5 uses auto_failback on: whether a resource "
              "group moves back after a failure depends on which node holds it");
        CHECK(found[0].notes[0].where == at("srv5/ha.cf", 3, 15));
    }
    SECTION("spellings of one policy, pacemaker folders and rejected values are not compared") {
        CHECK(findings_of("HA403", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "bcast eth1\n"
                                   "auto_failback off\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "bcast eth1\n"
                                   "auto_failback No\n")
                  .empty());
        CHECK(findings_of("HA403", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "bcast eth1\n"
                                   "crm on\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "bcast eth1\n"
                                   "auto_failback on\n")
                  .empty());
        // Heartbeat refuses "maybe" (HA102): the legacy default kept is not what was meant.
        CHECK(findings_of("HA403", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "bcast eth1\n"
                                   "auto_failback maybe\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "bcast eth1\n"
                                   "auto_failback on\n")
                  .empty());
    }
}

TEST_CASE("HA404 media-inconsistent", "[rules][cross_node]") {
    SECTION("a serial line on one node only") {
        const auto found = findings_of("HA404", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "serial /dev/ttyS0\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 2, 7));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "srv5 sends heartbeats by serial but srv6 does not: srv6 never "
                                  "reads the serial line");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("srv5/ha.cf", 3, 8));
    }
    SECTION("multicast to a different port") {
        const auto found = findings_of("HA404", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "mcast eth1 239.0.0.1 694 1 0\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "mcast eth1 239.0.0.1 695 1 0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 2, 1));
        CHECK(found[0].message == "srv6 multicasts to 239.0.0.1 port 695 but srv5 to 239.0.0.1 "
                                  "port 694: they never hear each other on it");
    }
    SECTION("bcast on one node, ucast on the other is only info") {
        const auto found = findings_of("HA404", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "ucast eth1 192.168.9.5\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 2, 1));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message == "srv6 uses ucast where srv5 uses bcast");
    }
    SECTION("the same media on other interfaces are no difference") {
        CHECK(findings_of("HA404", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "ucast eth1 192.168.9.6\n"
                                   "serial /dev/ttyS0\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "serial /dev/ttyS1\n"
                                   "ucast eth2 192.168.9.5\n")
                  .empty());
    }
}

TEST_CASE("HA402 timing-inconsistent: every node is a listener of every other",
          "[rules][cross_node]") {
    // srv7 sends every 3 s; srv5 and srv6 warn after 2 s. Each is reported once.
    const std::string same = "node srv5 srv6 srv7\nkeepalive 1\nwarntime 2\nbcast eth1\n";
    const auto found =
        findings_of("HA402", "== srv5/ha.cf ==\n" + same + "== srv6/ha.cf ==\n" + same +
                                 "== srv7/ha.cf ==\n"
                                 "node srv5 srv6 srv7\n"
                                 "keepalive 3\n"
                                 "warntime 4\n"
                                 "bcast eth1\n");
    INFO(describe(found));
    REQUIRE(found.size() == 2);
    std::set<std::string> listeners;
    for (const auto& finding : found) {
        CHECK(finding.where.line == 3);
        CHECK(finding.where.column == 10);
        CHECK(finding.notes.at(0).where == at("srv7/ha.cf", 2, 11));
        listeners.insert(finding.where.file);
    }
    CHECK(listeners == std::set<std::string>{"srv5/ha.cf", "srv6/ha.cf"});
}

TEST_CASE("HA404 media-inconsistent: multicast on one node only", "[rules][cross_node]") {
    SECTION("the node without mcast never joins the group") {
        const auto found = findings_of("HA404", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth0\n"
                                                "mcast eth1 239.0.0.1 694 1 0\n"
                                                "== srv6/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/ha.cf", 2, 7));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "srv5 sends heartbeats by mcast but srv6 does not: srv6 never "
                                  "joins the multicast group");
        CHECK(found[0].notes.at(0).where == at("srv5/ha.cf", 3, 1));
    }
    SECTION("a folder without any medium is no-media's error, not compared") {
        CHECK(findings_of("HA404", "== srv5/ha.cf ==\n"
                                   "node srv5 srv6\n"
                                   "mcast eth1 239.0.0.1 694 1 0\n"
                                   "== srv6/ha.cf ==\n"
                                   "node srv5 srv6\n")
                  .empty());
    }
}

TEST_CASE("HA401 peer-inconsistent: udpport, node lists, haresources, one local node twice",
          "[rules][cross_node]") {
    SECTION("a different udpport, one of them the default") {
        const auto found = findings_of("HA401", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "udpport 695\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].level == severity::error);
        CHECK(found[0].where == at("srv6/ha.cf", 1, 9));
        CHECK(found[0].message == "srv6 uses udpport 695 but srv5 uses udpport 694 (the "
                                  "default): the nodes never hear each other");
    }
    SECTION("node lists that differ (names compare case-insensitively)") {
        const auto found = findings_of("HA401", "== srv5/ha.cf ==\n"
                                                "node srv5 srv6\n"
                                                "bcast eth1\n"
                                                "== srv6/ha.cf ==\n"
                                                "node SRV5 srv6 srv7\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.file == "srv6/ha.cf");
        CHECK(found[0].message.starts_with("srv6 declares "));
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where.file == "srv5/ha.cf");
        CHECK(findings_of("HA401", "== srv5/ha.cf ==\nnode srv5 srv6\nbcast eth1\n"
                                   "== srv6/ha.cf ==\nnode SRV5\nnode srv6\nbcast eth1\n")
                  .empty());
    }
    SECTION("a haresources group that differs after ResourceManager's normalisation") {
        const std::string ha_cf = "node srv5 srv6\nbcast eth1\n";
        const auto found = findings_of("HA401", "== srv5/ha.cf ==\n" + ha_cf +
                                                    "== srv5/haresources ==\n"
                                                    "srv5 192.0.2.10 httpd\n"
                                                    "== srv6/ha.cf ==\n" +
                                                    ha_cf +
                                                    "== srv6/haresources ==\n"
                                                    "srv5 192.0.2.10 apache2\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("srv6/haresources", 1, 1));
        CHECK(found[0].message.find("differs") != std::string::npos);
        // Blanks and continuation lines are not differences.
        CHECK(findings_of("HA401", "== srv5/ha.cf ==\n" + ha_cf +
                                       "== srv5/haresources ==\n"
                                       "srv5 192.0.2.10 httpd\n"
                                       "== srv6/ha.cf ==\n" +
                                       ha_cf +
                                       "== srv6/haresources ==\n"
                                       "srv5\t192.0.2.10 \\\n   httpd\n")
                  .empty());
    }
    SECTION("two folders that are the same local node") {
        const std::string ha_cf = "node srv5 srv6\nbcast eth1\n";
        const auto found =
            findings_of("HA401", "== a/nodeinfo ==\nsrv5\n== a/ha.cf ==\n" + ha_cf +
                                     "== b/nodeinfo ==\nsrv5\n== b/ha.cf ==\n" + ha_cf);
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.file == "b/nodeinfo");
        CHECK(found[0].message ==
              "a and b are both node 'srv5': one of them names the wrong local node");
    }
}
