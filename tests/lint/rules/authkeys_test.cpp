// Fixtures for the authkeys rules: HA301 and HA306 (existing), HA307..HA310, and the authkeys
// checks owned by HA102 and HA303.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

#include <string>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

namespace {

std::string authkeys_with_mode(const std::string& mode) {
    return "== authkeys " + mode + " ==\nauth 1\n1 sha1 ExampleSecretOnly\n";
}

} // namespace

TEST_CASE("HA301 authkeys-permissions: read bits are errors, other loose bits warnings",
          "[rules][authkeys]") {
    for (const std::string mode : {"0640", "0604", "0644", "0444"}) {
        INFO(mode);
        const auto found = findings_of("HA301", authkeys_with_mode(mode));
        REQUIRE(found.size() == 1);
        CHECK(found[0].level == severity::error);
        CHECK(found[0].where == at("example/authkeys", 0, 0));
        CHECK(found[0].message.starts_with("authkeys mode " + mode + " lets group or others read"));
    }
    for (const std::string mode : {"0620", "0602", "0610", "0601"}) {
        INFO(mode);
        const auto found = findings_of("HA301", authkeys_with_mode(mode));
        REQUIRE(found.size() == 1);
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "authkeys mode " + mode + " is looser than 0600");
    }
    for (const std::string mode : {"0600", "0400", "0000", "0700"}) {
        INFO(mode);
        CHECK(findings_of("HA301", authkeys_with_mode(mode)).empty());
    }
    // Without a known mode (a file given in memory) the rule cannot judge.
    CHECK(findings_of("HA301", "== authkeys ==\nauth 1\n1 sha1 ExampleSecretOnly\n").empty());
}

TEST_CASE("HA306 weak-auth-method: crc on any line warns, md5 is info", "[rules][authkeys]") {
    const auto found = findings_of("HA306", "== authkeys ==\n"
                                            "auth 3\n"
                                            "2 crc\n"
                                            "3 md5 ExampleSecretOnly\n"
                                            "4 sha1 ExampleSecretOnly\n");
    INFO(describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].where == at("example/authkeys", 2, 3));
    CHECK(found[0].level == severity::warning);
    CHECK(found[0].message ==
          "key 2 uses crc, which authenticates nothing: anyone on the network can forge "
          "heartbeats");
    CHECK(found[1].where == at("example/authkeys", 3, 3));
    CHECK(found[1].level == severity::info);
    CHECK(found[1].message == "key 3 uses md5, a weaker digest than sha1");
}

TEST_CASE("HA307 short-auth-key: md5 and sha1 keys of at least 16 characters",
          "[rules][authkeys]") {
    const auto found = findings_of("HA307", "== authkeys ==\n"
                                            "auth 1\n"
                                            "1 sha1 test-ha\n"
                                            "2 md5 0123456789abcde\n"
                                            "3 sha1 0123456789abcdef\n"
                                            "4 crc\n");
    INFO(describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].where == at("example/authkeys", 2, 8));
    CHECK(found[0].level == severity::warning);
    CHECK(found[0].message == "the sha1 key 1 is 7 characters long: a key shorter than 16 can "
                              "be guessed offline from one captured heartbeat");
    CHECK(found[0].message.find("test-ha") == std::string::npos); // never the key itself
    CHECK(found[1].where == at("example/authkeys", 3, 7));
    CHECK(found[1].message.starts_with("the md5 key 2 is 15 characters long"));
}

TEST_CASE("HA308 ineffective-auth-line: auth N before no key N", "[rules][authkeys]") {
    SECTION("the auth line comes after its key line, an earlier one stays in force") {
        const auto found = findings_of("HA308", "== authkeys ==\n"
                                                "auth 1\n"
                                                "1 sha1 ExampleSecretOnly\n"
                                                "2 sha1 AnotherExampleSecret\n"
                                                "auth 2\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/authkeys", 4, 6));
        CHECK(found[0].message == "auth 2 has no effect: no key line 2 follows it before the next "
                                  "auth line, so Heartbeat keeps signing with key 1");
        REQUIRE(found[0].notes.size() == 2);
        CHECK(found[0].notes[0].where == at("example/authkeys", 1, 6));
        CHECK(found[0].notes[1].where == at("example/authkeys", 3, 1));
        CHECK(found[0].notes[1].message == "key 2 is defined here, before 'auth 2'");
    }
    SECTION("an auth line overtaken by the next one before any key") {
        const auto found = findings_of("HA308", "== authkeys ==\n"
                                                "auth 2\n"
                                                "auth 1\n"
                                                "2 sha1 AnotherExampleSecret\n"
                                                "1 sha1 ExampleSecretOnly\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/authkeys", 1, 6));
    }
    SECTION("a later auth line that does choose its key, and HA303's case, are silent") {
        CHECK(findings_of("HA308", "== authkeys ==\n"
                                   "auth 2\n"
                                   "2 sha1 AnotherExampleSecret\n"
                                   "auth 1\n"
                                   "1 sha1 ExampleSecretOnly\n")
                  .empty());
        CHECK(findings_of("HA308", "== authkeys ==\n"
                                   "1 sha1 ExampleSecretOnly\n"
                                   "auth 1\n")
                  .empty());
    }
}

TEST_CASE("HA303 reports an auth line after its only key line", "[rules][authkeys]") {
    const auto found = findings_of("HA303", "== authkeys ==\n"
                                            "1 sha1 ExampleSecretOnly\n"
                                            "auth 1\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("example/authkeys", 2, 6));
    CHECK(found[0].message == "auth 1 has no key line 1 after it");
    REQUIRE(found[0].notes.size() == 1);
    CHECK(found[0].notes[0].where == at("example/authkeys", 1, 1));
}

TEST_CASE("HA309 unused-auth-key: keys never chosen, lines replaced", "[rules][authkeys]") {
    SECTION("a key that no auth line chooses") {
        const auto found = findings_of("HA309", "== authkeys ==\n"
                                                "auth 2\n"
                                                "3 md5 keys-master-slave\n"
                                                "2 crc\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/authkeys", 2, 1));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message == "key 3 is never used to sign: 'auth 2' chooses key 2, yet "
                                  "Heartbeat still accepts heartbeats signed with key 3");
    }
    SECTION("a key line given again") {
        const auto found = findings_of("HA309", "== authkeys ==\n"
                                                "auth 1\n"
                                                "1 sha1 ExampleSecretOnly\n"
                                                "1 sha1 AnotherExampleSecret\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/authkeys", 2, 1));
        CHECK(found[0].message == "key line 1 is replaced by a later key line 1: Heartbeat "
                                  "keeps only the last line for an index");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/authkeys", 3, 1));
    }
    SECTION("one key, a rejected line, or no chosen key: silent") {
        CHECK(findings_of("HA309", "== authkeys ==\nauth 1\n1 sha1 ExampleSecretOnly\n").empty());
        CHECK(findings_of("HA309", "== authkeys ==\nauth 1\n1 sha1 ExampleSecretOnly\n"
                                   "16 sha1 ExampleSecretOnly\n2 SHA1 ExampleSecretOnly\n")
                  .empty());
        CHECK(findings_of("HA309", "== authkeys ==\nauth 3\n1 sha1 ExampleSecretOnly\n").empty());
    }
}

TEST_CASE("HA310 auth-key-truncated: only the first word is the key", "[rules][authkeys]") {
    const auto found = findings_of("HA310", "== authkeys ==\n"
                                            "auth 1\n"
                                            "1 sha1 correct horse battery staple\n"
                                            "2 md5 ExampleSecretOnly extra\n");
    INFO(describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].where == at("example/authkeys", 2, 16));
    CHECK(found[0].message == "3 words after key 1 are ignored: Heartbeat takes only the first "
                              "word after the method as the key");
    CHECK(found[1].message.starts_with("1 word after key 2 is ignored"));
    CHECK(findings_of("HA310", "== authkeys ==\n"
                               "auth 1\n"
                               "1 sha1 ExampleSecretOnly # rotated in March\n"
                               "2 sha1 ExampleSecretOnly #no-blank comment\n")
              .empty());
}

TEST_CASE("an index over 15 belongs to HA102 invalid-value", "[rules][authkeys]") {
    const auto found = findings_of("HA102", "== authkeys ==\n"
                                            "auth 1\n"
                                            "1 sha1 ExampleSecretOnly\n"
                                            "16 sha1 ExampleSecretOnly\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("example/authkeys", 3, 1));
    CHECK(found[0].message ==
          "authkeys index 16 is outside 0..15 (Heartbeat: \"Invalid authnum [16]\")");
    CHECK(findings_of("HA102", "== authkeys ==\nauth 15\n15 sha1 ExampleSecretOnly\n").empty());
}

TEST_CASE("HA311 auth-without-space: 'auth1' works by a sscanf quirk", "[rules][authkeys]") {
    const auto found = findings_of("HA311", "== authkeys ==\n"
                                            "# comment\n"
                                            "  auth2\n"
                                            "2 sha1 ExampleSecretOnly\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("example/authkeys", 2, 7));
    CHECK(found[0].level == severity::info);
    CHECK(found[0].message == "'auth2' has no blank before the number: Heartbeat reads it as "
                              "'auth 2' only by a quirk of sscanf; write 'auth 2'");
    CHECK(findings_of("HA311", "== authkeys ==\n"
                               "auth 1\n"
                               "auth\t2\n"
                               "2 sha1 ExampleSecretOnly\n")
              .empty());
}
