// Fixtures for the node and resource rules (HA203..HA207) and the haresources owner check of
// HA114.
#include "rule_fixture.hpp"

#include <hakit/compiler/load.hpp>

#include <catch2/catch.hpp>

#include <string>

using hakit::severity;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;

TEST_CASE("HA203 duplicate-node: names compare case-insensitively", "[rules][resources]") {
    const auto found = findings_of("HA203", "== ha.cf ==\n"
                                            "node alpha beta alpha\n"
                                            "node BETA\n");
    INFO(describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].where == at("example/ha.cf", 1, 17));
    CHECK(found[0].message == "node 'alpha' is declared again: Heartbeat keeps two entries for "
                              "it and declares the one it never updates dead");
    REQUIRE(found[0].notes.size() == 1);
    CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 6));
    CHECK(found[0].notes[0].message == "'alpha' first declared here");
    CHECK(found[1].where == at("example/ha.cf", 2, 6));
    CHECK(found[1].message.starts_with("node 'beta' is declared again"));
    CHECK(findings_of("HA203", "== ha.cf ==\n"
                               "node alpha\n"
                               "node beta\n"
                               "ping alpha.example.com\n")
              .empty());
}

TEST_CASE("HA114 covers a haresources owner that is not a declared node", "[rules][resources]") {
    const auto found = findings_of("HA114", "== ha.cf ==\n"
                                            "node alpha beta\n"
                                            "== haresources ==\n"
                                            "alpha 10.0.0.10\n"
                                            "gamma 10.0.0.11\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("example/haresources", 2, 1));
    CHECK(found[0].level == severity::error);
    CHECK(found[0].message ==
          "haresources group '10.0.0.11' is owned by 'gamma', which is not a declared node");
    // Owners compare case-insensitively; with pacemaker on, haresources is not read at all.
    CHECK(
        findings_of("HA114", "== ha.cf ==\nnode alpha\n== haresources ==\nALPHA httpd\n").empty());
    CHECK(findings_of("HA114", "== ha.cf ==\nnode alpha\npacemaker on\n"
                               "== haresources ==\ngamma httpd\n")
              .empty());
}

TEST_CASE("HA204 group-key-not-unique: ResourceManager greps for ' key '", "[rules][resources]") {
    SECTION("two lines with one key, reported once at the later") {
        const auto found = findings_of("HA204", "== haresources ==\n"
                                                "alpha drbddisk::r0 httpd\n"
                                                "beta drbddisk::r0 mysql\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 2, 6));
        CHECK(found[0].message == "'drbddisk::r0' is already the key of alpha's group: "
                                  "ResourceManager selects both lines for either group");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/haresources", 1, 7));
    }
    SECTION("a key repeated inside another group, before or after it") {
        const auto found = findings_of("HA204", "== haresources ==\n"
                                                "alpha 10.0.0.20 mysql\n"
                                                "Beta mysql httpd\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 17));
        CHECK(found[0].message == "'mysql' is the key of beta's group: ResourceManager selects "
                                  "this line too when it moves that group");
    }
    SECTION("resources shared outside the key position, and other case, are fine") {
        CHECK(findings_of("HA204", "== haresources ==\n"
                                   "alpha 10.0.0.20 httpd\n"
                                   "beta 10.0.0.21 httpd\n"
                                   "beta Httpd\n")
                  .empty());
    }
}

TEST_CASE("HA205 duplicate-virtual-ip", "[rules][resources]") {
    SECTION("different owners, whatever the spelling of the resource") {
        const auto found = findings_of("HA205", "== haresources ==\n"
                                                "alpha 10.0.0.20/24 httpd\n"
                                                "beta IPaddr2::10.0.0.20/24/eth0 mysql\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 2, 6));
        CHECK(found[0].level == severity::warning); // Heartbeat starts: never an error
        CHECK(found[0].message == "10.0.0.20 is also in group '10.0.0.20/24' owned by alpha: "
                                  "with each group on its owner, both nodes bring the address up");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/haresources", 1, 7));
    }
    SECTION("same owner") {
        const auto found = findings_of("HA205", "== haresources ==\n"
                                                "alpha httpd IPaddr::10.0.0.20\n"
                                                "ALPHA mysql 10.0.0.20\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 2, 13));
        CHECK(found[0].message == "10.0.0.20 is also in group 'httpd' of the same owner: "
                                  "stopping either group removes the address the other uses");
    }
    SECTION("one group, other addresses, pacemaker mode: silent") {
        CHECK(findings_of("HA205", "== haresources ==\n"
                                   "alpha 10.0.0.20 httpd 10.0.0.20\n"
                                   "beta 10.0.0.21 mysql\n")
                  .empty());
        CHECK(findings_of("HA205", "== ha.cf ==\nnode alpha beta\ncrm on\n"
                                   "== haresources ==\n"
                                   "alpha 10.0.0.20\n"
                                   "beta 10.0.0.20\n")
                  .empty());
    }
}

TEST_CASE("HA206 ip-argument-malformed: fields checked as the wrappers split them",
          "[rules][resources]") {
    SECTION("an invalid address, pointed at inside the token") {
        const auto found = findings_of("HA206", "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.300/24 httpd\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 15));
        CHECK(found[0].level == severity::warning); // Heartbeat starts: never an error
        CHECK(found[0].message == "'10.0.0.300' is not an IPv4 address: IPaddr cannot start");
    }
    SECTION("netmask 0 (findif refuses it) in a bare IP") {
        const auto found = findings_of("HA206", "== haresources ==\n"
                                                "alpha 10.0.0.5/0\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 16));
        CHECK(found[0].message ==
              "netmask /0 is not a bit count from 1 to 32 (findif refuses 0): IPaddr cannot start");
    }
    SECTION("a non-contiguous dotted mask in IPaddr2") {
        const auto found = findings_of("HA206", "== haresources ==\n"
                                                "alpha IPaddr2::10.0.0.5/255.0.255.0/eth0\n");
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 25));
        CHECK(found[0].message == "netmask 255.0.255.0 is not contiguous: IPaddr2 cannot start");
    }
    SECTION("a non-contiguous dotted mask in IPaddr: findif uses the prefix up to the last 1 bit") {
        const auto found =
            findings_of("HA206", "== haresources ==\n"
                                 "alpha IPaddr::10.0.0.5/255.0.0.128/eth0/10.0.0.127\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1); // the broadcast is inside the /25 findif uses
        CHECK(found[0].where == at("example/haresources", 1, 24));
        CHECK(found[0].message ==
              "netmask 255.0.0.128 is not contiguous: IPaddr's findif uses /25 instead");
    }
    SECTION("a broadcast outside the network") {
        const auto found = findings_of("HA206", "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.5/24/eth0/10.0.1.255\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 32));
        CHECK(found[0].level == severity::warning);
        CHECK(found[0].message == "broadcast 10.0.1.255 is outside 10.0.0.0/24, the network of "
                                  "10.0.0.5; IPaddr applies it as given (the network's broadcast "
                                  "is 10.0.0.255)");
    }
    SECTION("fields after the broadcast: info") {
        const auto found = findings_of("HA206", "== haresources ==\n"
                                                "alpha 10.0.0.5/24/10.0.0.255/eth0\n");
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 30));
        CHECK(found[0].level == severity::info);
        CHECK(found[0].message ==
              "'eth0' comes after the broadcast address: the IPaddr wrapper ignores it");
    }
    SECTION("'::' arguments and a missing argument") {
        const auto found = findings_of("HA206", "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.5::eth0 IPaddr2\n");
        INFO(describe(found));
        REQUIRE(found.size() == 2);
        CHECK(found[0].where == at("example/haresources", 1, 25));
        CHECK(found[0].message == "IPaddr takes one argument but '::' gives it 2: the wrapper "
                                  "stops with its usage message (separate the parts with '/')");
        CHECK(found[1].where == at("example/haresources", 1, 30));
        CHECK(found[1].message == "IPaddr2 has no argument: its wrapper needs "
                                  "ip[/bits[/nic][/broadcast]] and stops with its usage message");
    }
    SECTION("forms the wrappers accept are silent") {
        CHECK(findings_of("HA206", "== haresources ==\n"
                                   "alpha 10.0.30.15//8/eth0:10\n"
                                   "alpha IPaddr::10.0.0.6/255.255.255.0\n"
                                   "alpha IPaddr::10.0.0.7/24/eth0/\n"
                                   "alpha IPaddr::10.0.0.8/24//eth0\n"
                                   "alpha IPaddr2::10.0.0.9/24/10.0.0.255\n"
                                   "alpha IPaddr2::10.0.0.10/32/eth0:vip/10.0.0.10\n"
                                   "alpha Filesystem::/dev/sda1::/data\n")
                  .empty());
    }
    SECTION("every argument the IR rejects is reported, with pacemaker off") {
        const std::string bad_group = "alpha IPaddr::10.0.0.5/24/eth0/nonsense\n";
        const auto folder = hakit::load_node_folder_from_memory("ir", {{"haresources", bad_group}},
                                                                std::nullopt, std::nullopt);
        REQUIRE(folder.ir.groups.size() == 1);
        CHECK_FALSE(folder.ir.groups[0].resources[0].ip.has_value());
        const auto found = findings_of("HA206", "== haresources ==\n" + bad_group);
        REQUIRE(found.size() == 1);
        CHECK(found[0].message ==
              "broadcast 'nonsense' is not an IPv4 address: IPaddr cannot start");
        CHECK(findings_of("HA206", "== ha.cf ==\nnode alpha\npacemaker on\n"
                                   "== haresources ==\n" +
                                       bad_group)
                  .empty());
    }
}

TEST_CASE("HA207 virtual-ip-is-node-address", "[rules][resources]") {
    SECTION("a ucast peer used as a virtual IP") {
        const auto found = findings_of("HA207", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "ucast eth1 10.0.0.2\n"
                                                "== haresources ==\n"
                                                "alpha httpd 10.0.0.2/24/eth1\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 13));
        CHECK(found[0].message ==
              "virtual IP 10.0.0.2 is a node's own address (ucast peer on eth1 in ha.cf): "
              "stopping the resource takes the address from that node, starting it elsewhere "
              "duplicates it");
        REQUIRE(found[0].notes.size() == 1);
        CHECK(found[0].notes[0].where == at("example/ha.cf", 2, 12));
    }
    SECTION("a node named by its address") {
        const auto found = findings_of("HA207", "== ha.cf ==\n"
                                                "node 192.168.148.134 192.168.148.135\n"
                                                "bcast eth0\n"
                                                "== haresources ==\n"
                                                "192.168.148.134 IPaddr::192.168.148.135/24\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where == at("example/haresources", 1, 25));
        CHECK(found[0].notes[0].where == at("example/ha.cf", 1, 22));
    }
    SECTION("other addresses, host names and a lone haresources are silent") {
        CHECK(findings_of("HA207", "== ha.cf ==\n"
                                   "node alpha beta\n"
                                   "ucast eth1 10.0.0.2\n"
                                   "ucast eth1 beta\n"
                                   "== haresources ==\n"
                                   "alpha 10.0.0.20 httpd\n")
                  .empty());
        CHECK(findings_of("HA207", "== haresources ==\nalpha 10.0.0.2\n").empty());
    }
}

TEST_CASE("HA208 node-name-is-address: nodes are named by uname -n", "[rules][resources]") {
    const auto found = findings_of("HA208", "== ha.cf ==\n"
                                            "node 192.168.148.134 web2\n"
                                            "bcast eth0\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where == at("example/ha.cf", 1, 6));
    CHECK(found[0].level == severity::warning);
    CHECK(found[0].message == "node '192.168.148.134' is an address: Heartbeat compares node "
                              "names with `uname -n` (or nodeinfo), so no machine with a host "
                              "name is this node");
    // A folder whose own nodeinfo name is an address named its nodes that way on purpose.
    CHECK(findings_of("HA208", "== ha.cf ==\n"
                               "node 192.168.148.134 192.168.148.135\n"
                               "== nodeinfo ==\n"
                               "192.168.148.134\n")
              .empty());
    CHECK(findings_of("HA208", "== ha.cf ==\nnode web1 web2\nnode 10-0-0-1\n").empty());
}
