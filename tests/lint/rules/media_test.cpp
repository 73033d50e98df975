// Fixtures for the media rules (HA150..HA156) and the media checks owned by HA102.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA150 single-heartbeat-path: one link, however many lines", "[rules][media]") {
    SECTION("a single bcast interface") {
        const auto found = findings_of("HA150", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "bcast eth0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 7));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "bcast eth0 is the only heartbeat path: if that link fails, each node declares the "
              "other dead and both take over the resources");
        CHECK(found[0].notes.empty());
    }
    SECTION("a VLAN and an alias label run over the same card") {
        const auto found = findings_of("HA150", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "mcast eth0.100 239.0.0.1 694 1 0\n"
                                                "ucast eth0:1 10.0.0.2\n"
                                                "bcast eth0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 1));
        CHECK(found[0].message ==
              "all 3 heartbeat media run over eth0: if that link fails, each node declares the "
              "other dead and both take over the resources");
        REQUIRE(found[0].notes.size() == 2);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 3, 1));
        CHECK(found[0].notes[0].message == "ucast eth0:1 uses eth0 as well");
        CHECK(found[0].notes[1].where == at("example/ha.cf", 4, 7));
    }
    SECTION("two devices, or a serial line next to a network one, are two paths") {
        CHECK(findings_of("HA150", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "ucast eth0 10.0.0.2\n"
                                   "ucast eth1 10.0.0.2\n")
                  .empty());
        CHECK(findings_of("HA150", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "bcast eth0\n"
                                   "serial /dev/ttyS0\n")
                  .empty());
        CHECK(findings_of("HA150", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "bcast eth0 eth1\n")
                  .empty());
    }
    SECTION("ping nodes are no path, and no media at all is HA108's") {
        CHECK(findings_of("HA150", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "ping 10.0.0.254\n")
                  .empty());
    }
}

TEST_CASE("HA151 udp-directive: the old name of bcast", "[rules][media]") {
    const auto found = findings_of("HA151", "== ha.cf ==\n"
                                            "node alpha beta\n"
                                            "  udp eth1 eth2\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("example/ha.cf", 2, 3));
    CHECK(found[0].message == "'udp' is the old name of 'bcast': Heartbeat reads it as 'bcast' "
                              "and warns \"directive 'udp' replaced by 'bcast'\"");
    CHECK(findings_of("HA151", "== ha.cf ==\nnode alpha beta\nbcast eth1 eth2\n").empty());
    // Directive names are case-sensitive: `UDP` is an unknown directive (HA101), not this.
    CHECK(findings_of("HA151", "== ha.cf ==\nnode alpha beta\nUDP eth1\n").empty());
}

TEST_CASE("HA152 udpport-after-media: plugins read udpport at their first line", "[rules][media]") {
    SECTION("udpport after the only bcast line") {
        const auto found = findings_of("HA152", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "bcast eth1\n"
                                                "udpport 695\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 9));
        CHECK(found[0].message ==
              "udpport 695 comes after the first bcast line, so bcast keeps port 694: "
              "Heartbeat's bcast plugin reads udpport only once, at its first line");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 2, 7));
        CHECK(found[0].notes[0].message == "bcast eth1 uses port 694");
    }
    SECTION("a bcast line after the second udpport still uses the first one") {
        const auto found = findings_of("HA152", "== ha.cf ==\n"
                                                "udpport 700\n"
                                                "bcast eth0\n"
                                                "udpport 701\n"
                                                "bcast eth1\n"
                                                "ucast eth2 10.0.0.2\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1); // ucast's first line comes after 701: it uses 701
        CHECK(found[0].where == at("example/ha.cf", 3, 9));
        REQUIRE(found[0].notes.size() == 2);
        CHECK(found[0].notes[1].where == at("example/ha.cf", 4, 7));
        CHECK(found[0].notes[1].message == "bcast eth1 uses port 700");
    }
    SECTION("silent when the port does not change or the medium has its own port") {
        CHECK(findings_of("HA152", "== ha.cf ==\n"
                                   "bcast eth1\n"
                                   "udpport 694\n")
                  .empty());
        CHECK(findings_of("HA152", "== ha.cf ==\n"
                                   "mcast eth1 239.0.0.1 694 1 0\n"
                                   "udpport 695\n")
                  .empty());
        CHECK(findings_of("HA152", "== ha.cf ==\n"
                                   "udpport 695\n"
                                   "ucast eth1 10.0.0.2\n")
                  .empty());
    }
}

TEST_CASE("HA153 bcast-and-ucast-same-interface", "[rules][media]") {
    const auto found = findings_of("HA153", "== ha.cf ==\n"
                                            "bcast eth0 eth1\n"
                                            "ucast eth1 10.0.0.2\n"
                                            "ucast eth1 10.0.0.3\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1); // one finding per interface
    CHECK(found[0].where == at("example/ha.cf", 2, 1));
    CHECK(found[0].level == severity::info);
    CHECK(found[0].message == "ucast on eth1 repeats what bcast on eth1 already sends: every "
                              "heartbeat goes out twice on one interface, which is no second "
                              "path");
    REQUIRE(found[0].notes.size() == 1);
    CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 12));
    CHECK(findings_of("HA153", "== ha.cf ==\n"
                               "bcast eth0\n"
                               "ucast eth1 10.0.0.2\n")
              .empty());
}

TEST_CASE("HA154 serial-without-baud: 19200 unless baud precedes the first serial line",
          "[rules][media]") {
    SECTION("no baud at all: info at the serial line") {
        const auto found = findings_of("HA154", "== ha.cf ==\n"
                                                "bcast eth0\n"
                                                "serial /dev/ttyS0 /dev/ttyS1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 8));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message ==
              "serial /dev/ttyS0 runs at the default 19200 baud: no baud line comes before it");
    }
    SECTION("a different baud after the serial line: warning at the baud") {
        const auto found = findings_of("HA154", "== ha.cf ==\n"
                                                "serial /dev/ttyS0\n"
                                                "baud 38400\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 6));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "baud 38400 comes after the first serial line: the serial "
                                  "media run at the default 19200 baud, not 38400");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 8));
    }
    SECTION("the default speed written too late: info") {
        const auto found = findings_of("HA154", "== ha.cf ==\n"
                                                "serial /dev/ttyS0\n"
                                                "baud 19200\n");
        REQUIRE(found.size() == 1);
        CHECK(found[0].level == severity::info);
    }
    SECTION("baud before the first serial line (after other media) is fine") {
        CHECK(findings_of("HA154", "== ha.cf ==\n"
                                   "bcast eth0\n"
                                   "baud 38400\n"
                                   "serial /dev/ttyS0\n")
                  .empty());
        CHECK(findings_of("HA154", "== ha.cf ==\nbcast eth0\n").empty());
    }
}

TEST_CASE("HA155 ucast-peer-hostname: names are resolved at start", "[rules][media]") {
    SECTION("a name that is no declared node: warning") {
        const auto found = findings_of("HA155", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "ucast eth0 beta.example.com\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 12));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "ucast peer 'beta.example.com' is a host name that is not a declared node: "
              "Heartbeat resolves it with DNS when it starts and does not start if that fails; "
              "write the peer's IP address");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].message == "declared nodes: alpha, beta");
        // It used to be part of HA114; only one rule reports it now.
        CHECK(findings_of("HA114", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "ucast eth0 beta.example.com\n")
                  .empty());
    }
    SECTION("a declared node's name (any case): info") {
        const auto found = findings_of("HA155", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "ucast eth0 Beta\n");
        REQUIRE(found.size() == 1);
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message ==
              "ucast peer 'Beta' is a node name, resolved when Heartbeat starts: hacheck cannot "
              "check its address; make sure /etc/hosts maps it on every node, or write the "
              "address");
    }
    SECTION("addresses are silent") {
        CHECK(findings_of("HA155", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "ucast eth0 10.0.0.2\n"
                                   "ucast6 eth0 fe80::2\n")
                  .empty());
    }
}

TEST_CASE("HA156 duplicate-medium", "[rules][media]") {
    SECTION("udp next to bcast on the same interface") {
        const auto found = findings_of("HA156", "== ha.cf ==\n"
                                                "bcast eth0\n"
                                                "udp eth1 eth0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].message == "bcast eth0 is defined twice: the copy sends every heartbeat "
                                  "again over the same link and adds no path");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 7));
    }
    SECTION("the same ucast or mcast line twice") {
        const auto found = findings_of("HA156", "== ha.cf ==\n"
                                                "ucast eth0 10.0.0.2\n"
                                                "mcast eth1 239.0.0.1 694 1 0\n"
                                                "ucast eth0 10.0.0.2\n"
                                                "mcast eth1 239.0.0.1 694 1 0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 3, 1));
        CHECK(found[1].where == at("example/ha.cf", 4, 1));
        CHECK(found[1].message.starts_with("mcast eth1 239.0.0.1 694 is defined twice"));
    }
    SECTION("other peers, groups or interfaces are different media") {
        CHECK(findings_of("HA156", "== ha.cf ==\n"
                                   "ucast eth0 10.0.0.2\n"
                                   "ucast eth0 10.0.0.3\n"
                                   "mcast eth1 239.0.0.1 694 1 0\n"
                                   "mcast eth1 239.0.0.2 694 1 0\n"
                                   "bcast eth0 eth1\n")
                  .empty());
    }
}

TEST_CASE("mcast ttl and group checks belong to HA102 invalid-value", "[rules][media]") {
    const auto found = findings_of("HA102", "== ha.cf ==\n"
                                            "mcast eth0 239.0.0.1 694 5 0\n"
                                            "mcast eth0 10.0.0.1 694 1 0\n");
    INFO(describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].where == at("example/ha.cf", 1, 26));
    CHECK(found[0].message == "mcast ttl '5' must be 0..4 (Heartbeat 3.0.6 refuses more, "
                              "whatever its docs say)");
    CHECK(found[1].where == at("example/ha.cf", 2, 12));
    CHECK(found[1].message == "mcast group '10.0.0.1' is not a multicast address (224.0.0.0/4)");
    CHECK(findings_of("HA102", "== ha.cf ==\n"
                               "mcast eth0 239.255.0.1 694 4 1\n"
                               "mcast eth0 224.0.0.251 694 0 0\n")
              .empty());
}
