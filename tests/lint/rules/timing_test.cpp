// Fixtures for the timing rules: HA103..HA107 (deadtime, initdead, deadping), HA115/HA116
// (warntime), HA117 (overridden values) and the time units owned by HA102.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA102 invalid-value: times in a unit Heartbeat rejects", "[rules][timing]") {
    SECTION("'2s' and '5min' are errors to cl_get_msec") {
        const auto found = findings_of("HA102", "== ha.cf ==\n"
                                                "keepalive 2s\n"
                                                "deadtime 5min\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 1, 11));
        CHECK(found[0].level == severity::error);
        CHECK(found[0].message ==
              "keepalive: '2s' is not a time Heartbeat accepts: write seconds as a bare number "
              "(2, 0.5) or add 'ms' or 'us' (2000ms); 's', 'sec' and 'min' are errors");
        CHECK(found[1].where == at("example/ha.cf", 2, 10));
    }
    SECTION("'1000 ms' is two values: the lone unit is rejected") {
        const auto found = findings_of("HA102", "== ha.cf ==\n"
                                                "keepalive 1000 ms\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 16));
        CHECK(found[0].message ==
              "keepalive: 'ms' is read as a value of its own (ha.cf splits values on blanks and "
              "commas): write the unit right after the number, e.g. 1000ms");
    }
    SECTION("suffixes Heartbeat knows are fine, in any case") {
        CHECK(findings_of("HA102", "== ha.cf ==\n"
                                   "keepalive 1500MS\n"
                                   "deadtime 10\n"
                                   "warntime 2500msec\n"
                                   "initdead 30000000us\n")
                  .empty());
    }
}

TEST_CASE("HA103 deadtime-too-short: equality fails, a rejected line is not judged again",
          "[rules][timing]") {
    SECTION("deadtime equal to twice keepalive, in ms") {
        const auto found = findings_of("HA103", "== ha.cf ==\n"
                                                "keepalive 1500ms\n"
                                                "deadtime 3\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].message == "deadtime 3000 ms is not more than twice keepalive 1500 ms");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 11));
        CHECK(found[0].notes[0].message == "keepalive set here");
    }
    SECTION("a default deadtime against a long keepalive") {
        const auto found = findings_of("HA103", "== ha.cf ==\n"
                                                "keepalive 15\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 0, 0));
        CHECK(found[0].message == "deadtime 30000 ms is not more than twice keepalive 15000 ms");
    }
    SECTION("keepalive 1000 ms keeps 1000 s, but HA102 already reports that line") {
        CHECK(findings_of("HA103", "== ha.cf ==\n"
                                   "keepalive 1000 ms\n"
                                   "deadtime 30\n")
                  .empty());
    }
    SECTION("just above twice keepalive") {
        CHECK(findings_of("HA103", "== ha.cf ==\n"
                                   "keepalive 2\n"
                                   "deadtime 4001ms\n")
                  .empty());
    }
}

TEST_CASE("HA104 initdead-below-deadtime and HA105 initdead-too-short", "[rules][timing]") {
    SECTION("initdead below deadtime is HA104's error only") {
        const char* const example = "== ha.cf ==\n"
                                    "deadtime 30\n"
                                    "initdead 20\n";
        const auto below = findings_of("HA104", example);
        INFO(describe(below));
        REQUIRE(below.size() == 1);
        CHECK(below[0].where == at("example/ha.cf", 2, 10));
        CHECK(below[0].message == "initdead 20000 ms is smaller than deadtime 30000 ms");
        CHECK(findings_of("HA105", example).empty());
    }
    SECTION("the derived default of a deadtime above 10 s is deadtime itself") {
        const auto found = findings_of("HA105", "== ha.cf ==\n"
                                                "keepalive 1\n"
                                                "deadtime 20\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].message ==
              "initdead defaults to deadtime (20000 ms), less than twice deadtime (40000 ms)");
    }
    SECTION("Heartbeat's own defaults are not reported, nor deadtime 6..10 s (2x default)") {
        CHECK(findings_of("HA105", "== ha.cf ==\nnode alpha\n").empty());
        CHECK(findings_of("HA105", "== ha.cf ==\nkeepalive 2\ndeadtime 8\n").empty());
    }
}

TEST_CASE("HA106 initdead-under-10s", "[rules][timing]") {
    SECTION("an explicit initdead between deadtime and 10 s") {
        const auto found = findings_of("HA106", "== ha.cf ==\n"
                                                "keepalive 1\n"
                                                "deadtime 3\n"
                                                "initdead 9500ms\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "initdead 9500 ms is under 10 seconds");
    }
    SECTION("the default for a short deadtime is 12 s, and 10 s is enough") {
        CHECK(findings_of("HA106", "== ha.cf ==\nkeepalive 1\ndeadtime 3\n").empty());
        CHECK(findings_of("HA106", "== ha.cf ==\nkeepalive 1\ndeadtime 3\ninitdead 10\n").empty());
    }
}

TEST_CASE("HA107 deadping-too-short", "[rules][timing]") {
    SECTION("an explicit deadping equal to twice keepalive") {
        const auto found = findings_of("HA107", "== ha.cf ==\n"
                                                "keepalive 2\n"
                                                "deadping 4\n"
                                                "ping 10.0.0.254\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].message == "deadping 4000 ms is not more than twice keepalive 2000 ms");
    }
    SECTION("unset, deadping is deadtime, which HA103 judges") {
        CHECK(findings_of("HA107", "== ha.cf ==\nkeepalive 2\ndeadtime 4\n").empty());
    }
}

TEST_CASE("HA115 warntime-not-below-deadtime", "[rules][timing]") {
    SECTION("warntime equal to deadtime (the corpus case)") {
        const auto found = findings_of("HA115", "== ha.cf ==\n"
                                                "keepalive 2\n"
                                                "warntime 10\n"
                                                "deadtime 10\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "warntime 10000 ms is not below deadtime 10000 ms: no late "
                                  "heartbeat is logged before a node is declared dead");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 3, 10));
        CHECK(found[0].notes[0].message == "deadtime set here");
    }
    SECTION("warntime above the default deadtime of 30 s") {
        const auto found = findings_of("HA115", "== ha.cf ==\n"
                                                "warntime 40000ms\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 10));
        CHECK(found[0].message == "warntime 40000 ms is not below deadtime 30000 ms: no late "
                                  "heartbeat is logged before a node is declared dead");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].message == "deadtime defaults to 30000 ms");
    }
    SECTION("just below deadtime, the default half of deadtime, a rejected line") {
        CHECK(findings_of("HA115", "== ha.cf ==\nwarntime 9999ms\ndeadtime 10\n").empty());
        CHECK(findings_of("HA115", "== ha.cf ==\nkeepalive 2\ndeadtime 10\n").empty());
        CHECK(findings_of("HA115", "== ha.cf ==\nwarntime 40 s\n").empty());
    }
}

TEST_CASE("HA116 warntime-not-above-keepalive", "[rules][timing]") {
    SECTION("below keepalive: every heartbeat is late") {
        const auto found = findings_of("HA116", "== ha.cf ==\n"
                                                "keepalive 2\n"
                                                "deadtime 30\n"
                                                "warntime 1500ms\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 3, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "warntime 1500 ms is not above keepalive 2000 ms: every "
                                  "heartbeat is logged as late");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 11));
    }
    SECTION("equal to keepalive: the slightest delay") {
        const auto found = findings_of("HA116", "== ha.cf ==\n"
                                                "keepalive 2\n"
                                                "warntime 2000ms\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message == "warntime 2000 ms is not above keepalive 2000 ms: the slightest "
                                  "delay logs a late heartbeat");
    }
    SECTION("the default, half of an odd deadtime, rounds down to keepalive") {
        const auto found = findings_of("HA116", "== ha.cf ==\n"
                                                "keepalive 1\n"
                                                "deadtime 2001ms\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].message == "warntime defaults to half of deadtime, 1000 ms, which is not "
                                  "above keepalive 1000 ms: the slightest delay logs a late "
                                  "heartbeat");
    }
    SECTION("silent above keepalive, and where deadtime itself is HA103's error") {
        CHECK(findings_of("HA116", "== ha.cf ==\nkeepalive 2\nwarntime 2001ms\n").empty());
        CHECK(findings_of("HA116", "== ha.cf ==\nkeepalive 2\ndeadtime 4\n").empty());
        CHECK(findings_of("HA116", "== ha.cf ==\nkeepalive 1000 ms\nwarntime 10\n").empty());
    }
}

TEST_CASE("HA117 overridden-value", "[rules][timing]") {
    SECTION("several values on one line, commas included") {
        const auto found = findings_of("HA117", "== ha.cf ==\n"
                                                "keepalive 1 2\n"
                                                "deadtime 3,40\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 1, 11));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "keepalive 1 is overridden by 2 on the same line: Heartbeat "
                                  "applies every value in turn and keeps the last");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 13));
        CHECK(found[0].notes[0].message == "keepalive 2 is the value in force");
        CHECK(found[1].where == at("example/ha.cf", 2, 10));
        CHECK(found[1].message == "deadtime 3 is overridden by 40 on the same line: Heartbeat "
                                  "applies every value in turn and keeps the last");
    }
    SECTION("a later line; values that mean the same count as one") {
        const auto found = findings_of("HA117", "== ha.cf ==\n"
                                                "auto_failback on\n"
                                                "deadtime 30\n"
                                                "auto_failback yes\n"
                                                "auto_failback off\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 1, 15));
        CHECK(found[0].message == "auto_failback on is overridden by off on line 4: Heartbeat "
                                  "applies every value in turn and keeps the last");
        CHECK(found[1].where == at("example/ha.cf", 3, 15));
        CHECK(found[1].message == "auto_failback yes is overridden by off on line 4: Heartbeat "
                                  "applies every value in turn and keeps the last");
    }
    SECTION("rejected values, equal values and options that add are not overrides") {
        CHECK(findings_of("HA117", "== ha.cf ==\n"
                                   "keepalive 1000 ms\n"
                                   "deadtime 30 30000ms\n"
                                   "node alpha beta\n"
                                   "node gamma\n"
                                   "bcast eth0 eth1\n")
                  .empty());
    }
    SECTION("udpport may change between media lines, not before the first one") {
        CHECK(findings_of("HA117", "== ha.cf ==\n"
                                   "udpport 694\n"
                                   "bcast eth0\n"
                                   "udpport 695\n"
                                   "ucast eth1 10.0.0.2\n")
                  .empty());
        const auto found = findings_of("HA117", "== ha.cf ==\n"
                                                "udpport 694\n"
                                                "udpport 695\n"
                                                "mcast eth0 239.0.0.1 694 1 0\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 9));
    }
}
