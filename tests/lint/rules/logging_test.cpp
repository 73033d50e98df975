// Fixtures for the logging rules (HA112 no-log-destination, HA126 log-destination-with-logd,
// HA127 implicit-logd, the syslog facilities owned by HA102) and HA010 template-placeholder in
// all three files.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

#include <string>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA102 invalid-value: logfacility must be a lower-case syslog facility",
          "[rules][logging]") {
    SECTION("upper case and made-up facilities are refused") {
        const auto found = findings_of("HA102", "== ha.cf ==\n"
                                                "logfacility LOCAL0\n"
                                                "logfacility local10\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 1, 13));
        CHECK(found[0].level == severity::error);
        CHECK(found[0].message == "logfacility 'LOCAL0' is not a syslog facility (names are lower "
                                  "case: daemon, local0..local7, ..., or none)");
        CHECK(found[1].where == at("example/ha.cf", 2, 13));
    }
    SECTION("glibc's names and none are accepted") {
        CHECK(findings_of("HA102", "== ha.cf ==\n"
                                   "logfacility authpriv\n"
                                   "logfacility kern\n"
                                   "logfacility local7\n"
                                   "logfacility none\n")
                  .empty());
    }
}

TEST_CASE("HA112 no-log-destination", "[rules][logging]") {
    SECTION("logfacility kern is facility 0, no syslog, like none") {
        const auto found = findings_of("HA112", "== ha.cf ==\n"
                                                "logfacility kern\n"
                                                "use_logd no\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 2, 10));
        CHECK(found[0].level == severity::error);
        CHECK(found[0].message == "use_logd is off and no logfile, debugfile or logfacility is "
                                  "set: nothing would be logged");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 13));
        CHECK(found[0].notes[0].message == "logfacility kern means no syslog to Heartbeat");
    }
    SECTION("no destination at all") {
        const auto found = findings_of("HA112", "== ha.cf ==\nuse_logd false\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 10));
        CHECK(found[0].notes.empty());
    }
    SECTION("a real facility, a file, or use_logd not off") {
        CHECK(findings_of("HA112", "== ha.cf ==\nuse_logd no\nlogfacility daemon\n").empty());
        CHECK(findings_of("HA112", "== ha.cf ==\nuse_logd no\ndebugfile /var/log/ha-debug\n")
                  .empty());
        CHECK(findings_of("HA112", "== ha.cf ==\nlogfacility none\n").empty());
        CHECK(findings_of("HA112", "== ha.cf ==\nuse_logd no\nuse_logd yes\n").empty());
    }
}

TEST_CASE("HA126 log-destination-with-logd", "[rules][logging]") {
    SECTION("every destination Heartbeat counts is named") {
        const auto found = findings_of("HA126", "== ha.cf ==\n"
                                                "logfile /var/log/ha-log\n"
                                                "debugfile /var/log/ha-debug\n"
                                                "logfacility local0\n"
                                                "use_logd yes\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 4, 10));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message ==
              "use_logd is on, so Heartbeat logs through the logging daemon and uses logfile, "
              "debugfile and logfacility only while the daemon cannot be reached");
        REQUIRE(found[0].notes.size() == 3);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 9));
        CHECK(found[0].notes[0].message == "logfile set here");
        CHECK(found[0].notes[2].where == at("example/ha.cf", 3, 13));
    }
    SECTION("one destination") {
        const auto found = findings_of("HA126", "== ha.cf ==\n"
                                                "use_logd on\n"
                                                "logfacility daemon\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message == "use_logd is on, so Heartbeat logs through the logging daemon "
                                  "and uses logfacility only while the daemon cannot be reached");
    }
    SECTION("facility none or kern, use_logd off or unset") {
        CHECK(findings_of("HA126", "== ha.cf ==\nuse_logd yes\nlogfacility none\n").empty());
        CHECK(findings_of("HA126", "== ha.cf ==\nuse_logd yes\nlogfacility kern\n").empty());
        CHECK(findings_of("HA126", "== ha.cf ==\nuse_logd no\nlogfile /var/log/ha-log\n").empty());
        CHECK(findings_of("HA126", "== ha.cf ==\nlogfile /var/log/ha-log\n").empty());
    }
}

TEST_CASE("HA127 implicit-logd", "[rules][logging]") {
    SECTION("no destination and use_logd not set") {
        const auto found = findings_of("HA127", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "bcast eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 0, 0));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message == "no logfile, debugfile or logfacility is set: Heartbeat logs "
                                  "only through the logging daemon, and its messages are lost "
                                  "while that daemon is not running");
        CHECK(found[0].notes.empty());
    }
    SECTION("logfacility none counts as no destination") {
        const auto found = findings_of("HA127", "== ha.cf ==\nlogfacility none\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 13));
        CHECK(found[0].notes[0].message == "logfacility none means no syslog to Heartbeat");
    }
    SECTION("a destination, use_logd on purpose, or use_logd off (HA112's error)") {
        CHECK(findings_of("HA127", "== ha.cf ==\nlogfacility daemon\n").empty());
        CHECK(findings_of("HA127", "== ha.cf ==\nlogfile /var/log/ha-log\n").empty());
        CHECK(findings_of("HA127", "== ha.cf ==\nuse_logd yes\n").empty());
        CHECK(findings_of("HA127", "== ha.cf ==\nuse_logd no\n").empty());
        CHECK(findings_of("HA127", "== ha.cf ==\nuse_logd maybe\n").empty());
    }
}

TEST_CASE("HA010 template-placeholder: template markup", "[rules][logging]") {
    SECTION("Jinja in ha.cf, each occurrence at its first byte; comments are skipped") {
        const auto found = findings_of("HA010", "== ha.cf ==\n"
                                                "# {{ ansible_managed }}\n"
                                                "node {{ primary_host }} {{ secondary_host }}\n"
                                                "ucast eth1 {{ peer_ip }} # {{ not_read }}\n"
                                                "{% for host in groups['ha'] %}\n");
        INFO(describe(found));
        REQUIRE(found.size() == 4);
        CHECK(found[0].where == at("example/ha.cf", 2, 6));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "leftover Jinja template markup '{{ primary_host }}': the file "
                                  "was not rendered");
        CHECK(found[1].where == at("example/ha.cf", 2, 25));
        CHECK(found[2].where == at("example/ha.cf", 3, 12));
        CHECK(found[3].where == at("example/ha.cf", 4, 1));
        CHECK(found[3].message == "leftover Jinja template markup '{% for host in groups['ha'] "
                                  "%}': the file was not rendered");
    }
    SECTION("ERB, ${...} and @@...@@ in haresources; long markup is cut") {
        const auto found =
            findings_of("HA010", "== haresources ==\n"
                                 "<%= @primary %> IPaddr::${VIP}/24 @@SERVICE@@\n"
                                 "<% @node['heartbeat']['config']['nodes'].each do |n| -%>\n");
        INFO(describe(found));
        REQUIRE(found.size() == 4);
        CHECK(found[0].where == at("example/haresources", 1, 1));
        CHECK(found[0].message ==
              "leftover ERB template markup '<%= @primary %>': the file was not rendered");
        CHECK(found[1].where == at("example/haresources", 1, 25));
        CHECK(found[1].message ==
              "leftover shell-style template markup '${VIP}': the file was not rendered");
        CHECK(found[2].where == at("example/haresources", 1, 35));
        CHECK(found[2].message ==
              "leftover substitution variable '@@SERVICE@@': the file was not filled in");
        CHECK(found[3].where == at("example/haresources", 2, 1));
        CHECK(found[3].message == "leftover ERB template markup "
                                  "'<% @node['heartbeat']['config']['nodes']...': the file was "
                                  "not rendered");
    }
    SECTION("long markup is cut before a UTF-8 character, never inside it") {
        const std::string name(36, 'a');
        const auto found = findings_of("HA010", "== ha.cf ==\nnode {{ " + name + "\xc3\xa9 }}\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].message ==
              "leftover Jinja template markup '{{ " + name + "...': the file was not rendered");
    }
    SECTION("a Jinja comment is markup even though Heartbeat cuts the line at its '#'") {
        const auto found = findings_of("HA010", "== ha.cf ==\n"
                                                "{# generated #}\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/ha.cf", 1, 1));
    }
}

TEST_CASE("HA010 template-placeholder: placeholder values", "[rules][logging]") {
    SECTION("addresses made of letters, with or without a prefix length") {
        const auto found = findings_of("HA010", "== ha.cf ==\n"
                                                "ucast eth0 NNN.NNN.NNN.NNN\n"
                                                "== haresources ==\n"
                                                "alpha 192.168.1.xxx/NN httpd\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/ha.cf", 1, 12));
        CHECK(found[0].message == "'NNN.NNN.NNN.NNN' is a placeholder, not an address");
        CHECK(found[1].where == at("example/haresources", 1, 7));
        CHECK(found[1].message == "'192.168.1.xxx/NN' is a placeholder, not an address");
    }
    SECTION("node names and interface names where they belong") {
        const auto found = findings_of("HA010", "== ha.cf ==\n"
                                                "node node1_hostname beta\n"
                                                "bcast eth0 network_adapter\n"
                                                "mcast Interface 239.0.0.1 694 1 0\n"
                                                "stonith_host primary-hostname external/ssh x\n"
                                                "== haresources ==\n"
                                                "NodeName 10.0.0.10\n");
        INFO(describe(found));
        REQUIRE(found.size() == 5);
        CHECK(found[0].where == at("example/ha.cf", 1, 6));
        CHECK(found[0].message == "'node1_hostname' is a placeholder, not a node name");
        CHECK(found[1].where == at("example/ha.cf", 2, 12));
        CHECK(found[1].message == "'network_adapter' is a placeholder, not an interface name");
        CHECK(found[2].where == at("example/ha.cf", 3, 7));
        CHECK(found[3].where == at("example/ha.cf", 4, 14));
        CHECK(found[4].where == at("example/haresources", 1, 1));
    }
    SECTION("your-..., changeme and <...> anywhere a value is read") {
        const auto found = findings_of("HA010", "== ha.cf ==\n"
                                                "ucast eth0 YOUR_PEER_IP\n"
                                                "ucast eth1 <peer address>\n"
                                                "== haresources ==\n"
                                                "alpha Filesystem::/dev/changeme::/data\n");
        INFO(describe(found));
        REQUIRE(found.size() == 3);
        CHECK(found[0].where == at("example/ha.cf", 1, 12));
        CHECK(found[0].message == "'YOUR_PEER_IP' is a placeholder value");
        CHECK(found[1].where == at("example/ha.cf", 2, 12));
        CHECK(found[1].message == "'<peer address>' is a placeholder to fill in");
        CHECK(found[2].where == at("example/haresources", 1, 24));
        CHECK(found[2].message == "'changeme' is a placeholder value");
    }
    SECTION("real values that only look alike are silent") {
        CHECK(findings_of("HA010", "== ha.cf ==\n"
                                   "node alpha hostnamer web-host1\n"
                                   "bcast eth0 eth1\n"
                                   "ucast eth1 x.example.com\n"
                                   "ucast eth1 10.0.0.2\n"
                                   "respawn hacluster /usr/lib/heartbeat/ipfail\n"
                                   "logfile /var/log/hostname-ha.log\n"
                                   "== haresources ==\n"
                                   "alpha 10.0.0.10/24/eth0 Filesystem::/dev/sdb1::/yourdata\n"
                                   "# {{ header }} <% x %> NNN.NNN.NNN.NNN\n")
                  .empty());
    }
}

TEST_CASE("HA010 template-placeholder: authkeys keys are never quoted", "[rules][logging]") {
    SECTION("a placeholder key, markup as the key, markup running into the key") {
        const auto found = findings_of("HA010", "== authkeys 0600 ==\n"
                                                "# {{ ansible_managed }}\n"
                                                "auth 1\n"
                                                "1 sha1 your-secure-password\n"
                                                "2 sha1 {{ heartbeat_key }}\n"
                                                "3 <%= method %> secret\n");
        INFO(describe(found));
        REQUIRE(found.size() == 3);
        CHECK(found[0].where == at("example/authkeys", 3, 8));
        CHECK(found[0].message == "the key of index 1 is a leftover placeholder, not a secret");
        CHECK(found[1].where == at("example/authkeys", 4, 8));
        CHECK(found[1].message == "the key of index 2 is a leftover placeholder, not a secret");
        CHECK(found[2].where == at("example/authkeys", 5, 3));
        CHECK(found[2].message ==
              "leftover template markup runs into the key of index 3 (the key is not shown)");
        for (const auto& finding : found) {
            CHECK(finding.message.find("secure-password") == std::string::npos);
            CHECK(finding.message.find("heartbeat_key") == std::string::npos);
        }
    }
    SECTION("words after the key are never read by Heartbeat") {
        CHECK(findings_of("HA010", "== authkeys 0600 ==\n"
                                   "auth 1\n"
                                   "1 sha1 Xq7rT2pLm9Vw4sZk {{ comment }}\n")
                  .empty());
    }
}
