// The on-node rules (HA5xx) on made-up machines: their examples on the example host of
// docs/on-node.md, and fixtures for each rule's edge cases. Also the host-facts helpers.
#include <hakit/compiler/load.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/examples.hpp>
#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using hakit::diagnostic;
using hakit::node_folder;
using hakit::lint::file_facts;
using hakit::lint::host_context;
using hakit::lint::host_facts;
using hakit::lint::host_interface;

host_interface make_interface(std::string name, bool up, bool running,
                              const std::vector<std::string>& addresses) {
    host_interface made;
    made.name = std::move(name);
    made.up = up;
    made.running = running;
    for (const auto& text : addresses) {
        const auto address = hakit::lint::parse_interface_address(text);
        REQUIRE(address);
        made.addresses.push_back(*address);
    }
    return made;
}

// The example host of docs/on-node.md, which the HA5xx rule examples assume.
host_facts example_host() {
    host_facts facts;
    facts.node_name = "alpha";
    facts.interfaces = {
        make_interface("lo", true, true, {"127.0.0.1/8", "::1/128"}),
        make_interface("eth0", true, true, {"192.0.2.1/24", "2001:db8::1/64"}),
        make_interface("eth1", false, false, {"203.0.113.1/24"}),
    };
    return facts;
}

using file_table = std::map<std::string, file_facts>;

const file_table example_files{
    {"/etc/ha.d/resource.d/IPaddr", {.regular = true, .mode = 0755, .owner = 0}},
    {"/etc/ha.d/resource.d/drbddisk", {.regular = true, .mode = 0644, .owner = 0}},
    {"/etc/init.d/apache2", {.regular = true, .mode = 0755, .owner = 0}},
    {"example/authkeys", {.regular = true, .mode = 0600, .owner = 1000}},
    {"srv6/authkeys", {.regular = true, .mode = 0600, .owner = 0}},
};

hakit::lint::file_inspector inspector(file_table files) {
    return [files = std::move(files)](const std::string& path) -> std::optional<file_facts> {
        const auto found = files.find(path);
        if (found == files.end()) {
            return std::nullopt;
        }
        return found->second;
    };
}

std::vector<diagnostic> only(const std::vector<diagnostic>& all, std::string_view code) {
    std::vector<diagnostic> mine;
    std::copy_if(all.begin(), all.end(), std::back_inserter(mine),
                 [&](const diagnostic& d) { return d.code == code; });
    return mine;
}

// Runs every rule on one in-memory folder "n1" on a made-up machine.
struct host_run {
    host_facts facts = example_host();
    file_table files = example_files;
    std::vector<std::string> dirs = hakit::lint::default_resource_dirs();
    bool with_facts = true;

    std::vector<diagnostic> operator()(const std::map<std::string, std::string>& folder_files,
                                       std::string_view code) const {
        const std::vector<node_folder> folders{hakit::load_node_folder_from_memory(
            "n1", folder_files,
            folder_files.contains("authkeys") ? std::optional{0600U} : std::nullopt, std::nullopt)};
        host_context host;
        host.facts = with_facts ? &facts : nullptr;
        host.resource_dirs = dirs;
        host.inspect_file = inspector(files);
        return only(hakit::lint::check(folders, nullptr, &host), code);
    }
};

std::string where(const diagnostic& d) {
    return to_string(d.where);
}

} // namespace

TEST_CASE("host rules fire on their bad example and not on their good one, on the example host",
          "[host][examples]") {
    const host_facts facts = example_host();
    host_context host;
    host.facts = &facts;
    host.resource_dirs = hakit::lint::default_resource_dirs();
    host.inspect_file = inspector(example_files);
    std::size_t host_rules = 0;
    for (const auto& rule : hakit::lint::all_rules()) {
        if (rule.meta->scope != hakit::lint::rule_scope::host) {
            continue;
        }
        ++host_rules;
        INFO(rule.meta->code << " " << rule.meta->name);
        CHECK(rule.check_host != nullptr);
        CHECK(rule.meta->code.starts_with("HA5"));
        const auto bad =
            only(hakit::lint::check(hakit::lint::load_example(rule.meta->bad), nullptr, &host),
                 rule.meta->code);
        CHECK_FALSE(bad.empty());
        const auto good =
            only(hakit::lint::check(hakit::lint::load_example(rule.meta->good), nullptr, &host),
                 rule.meta->code);
        CHECK(good.empty());
        // Without a host context no host rule runs.
        CHECK(only(hakit::lint::check(hakit::lint::load_example(rule.meta->bad)), rule.meta->code)
                  .empty());
    }
    CHECK(host_rules == 8);
}

TEST_CASE("parse_interface_address reads both families and rejects bad prefixes", "[host]") {
    const auto v4 = hakit::lint::parse_interface_address("198.51.100.7/25");
    REQUIRE(v4);
    CHECK_FALSE(v4->ipv6);
    CHECK(v4->prefix == 25);
    CHECK(v4->network_contains({198, 51, 100, 126}));
    CHECK_FALSE(v4->network_contains({198, 51, 100, 128}));
    const auto v6 = hakit::lint::parse_interface_address("2001:db8::1/64");
    REQUIRE(v6);
    CHECK(v6->ipv6);
    CHECK_FALSE(v6->network_contains({192, 0, 2, 1}));
    CHECK_FALSE(hakit::lint::parse_interface_address("192.0.2.1/33"));
    CHECK_FALSE(hakit::lint::parse_interface_address("192.0.2.1"));
    CHECK_FALSE(hakit::lint::parse_interface_address("192.0.2.1/x"));
    const auto all = hakit::lint::parse_interface_address("0.0.0.0/0");
    REQUIRE(all);
    CHECK(all->network_contains({203, 0, 113, 9}));
}

TEST_CASE("HA501 reports every medium on a missing interface, at the interface", "[host]") {
    const host_run run;
    const auto found = run({{"ha.cf", "node alpha beta\n"
                                      "bcast eth0 eth7\n"
                                      "mcast eth8 239.0.0.1 694 1 0\n"
                                      "ucast eth9 192.0.2.2\n"
                                      "serial /dev/ttyS9\n"}},
                           "HA501");
    REQUIRE(found.size() == 3);
    CHECK(where(found[0]) == "n1/ha.cf:2:12");
    CHECK(found[0].message ==
          "bcast interface eth7 does not exist on this machine: Heartbeat cannot open this medium");
    CHECK(where(found[1]) == "n1/ha.cf:3:7");
    CHECK(where(found[2]) == "n1/ha.cf:4:7");
    CHECK(found[2].message ==
          "ucast interface eth9 does not exist on this machine: Heartbeat cannot open this medium");
    host_run without_facts = run;
    without_facts.with_facts = false;
    CHECK(without_facts({{"ha.cf", "node alpha beta\nucast eth9 192.0.2.2\n"}}, "HA501").empty());
}

TEST_CASE("HA502 tells a down interface from one without carrier", "[host]") {
    host_run run;
    run.facts.interfaces.push_back(make_interface("veth0", true, false, {"198.51.100.1/24"}));
    const auto found = run({{"ha.cf", "node alpha beta\n"
                                      "bcast eth0\n"
                                      "ucast eth1 203.0.113.2\n"
                                      "ucast veth0 198.51.100.2\n"}},
                           "HA502");
    REQUIRE(found.size() == 2);
    CHECK(where(found[0]) == "n1/ha.cf:3:7");
    CHECK(found[0].message == "ucast interface eth1 is down: no heartbeat passes on this medium");
    CHECK(where(found[1]) == "n1/ha.cf:4:7");
    CHECK(found[1].message == "ucast interface veth0 is up but has no carrier (not running): no "
                              "heartbeat passes on this medium");
    CHECK(run({{"ha.cf", "node alpha beta\nbcast eth0 lo\n"}}, "HA502").empty());
}

TEST_CASE("HA503 compares uname -n case-insensitively, and only without nodeinfo", "[host]") {
    host_run run;
    run.facts.node_name = "gamma";
    const auto found = run({{"ha.cf", "bcast eth0\nnode Alpha\nnode beta\n"}}, "HA503");
    REQUIRE(found.size() == 1);
    CHECK(where(found[0]) == "n1/ha.cf:2:6");
    CHECK(found[0].message == "this machine's node name gamma (uname -n) is not a declared node: "
                              "Heartbeat refuses to start (Current node [gamma] not in "
                              "configuration)");
    REQUIRE(found[0].notes.size() == 2);
    CHECK(to_string(found[0].notes[1].where) == "n1/ha.cf:3:6");
    // nodeinfo names the node instead of uname -n; autojoin any adds the node.
    CHECK(run({{"ha.cf", "bcast eth0\nnode alpha beta\n"}, {"nodeinfo", "alpha\n"}}, "HA503")
              .empty());
    CHECK(run({{"ha.cf", "bcast eth0\nautojoin any\nnode alpha beta\n"}}, "HA503").empty());
    run.facts.node_name = "beta";
    CHECK(run({{"ha.cf", "bcast eth0\nnode alpha BETA\n"}}, "HA503").empty());
}

TEST_CASE("HA504 and HA505 search resource.d, then init.d, as ResourceManager does", "[host]") {
    host_run run;
    run.files["/etc/init.d/drbddisk"] = {.regular = true, .mode = 0755, .owner = 0};
    run.files["/etc/ha.d/resource.d/Filesystem"] = {.regular = false, .mode = 0755, .owner = 0};
    run.files["/etc/init.d/mysql"] = {.regular = true, .mode = 0640, .owner = 0};
    const std::map<std::string, std::string> folder{
        {"ha.cf", "node alpha beta\nbcast eth0\n"},
        {"haresources", "alpha 192.0.2.10 drbddisk::r0 Filesystem::/dev/sdb1::/srv::ext4 \\\n"
                        "  mysql ipaddr::192.0.2.11\n"}};
    const auto missing = run(folder, "HA504");
    REQUIRE(missing.size() == 2);
    CHECK(where(missing[0]) == "n1/haresources:1:31");
    CHECK(missing[0].message ==
          "resource script Filesystem is not in /etc/ha.d/resource.d or /etc/init.d: "
          "ResourceManager fails with \"Cannot locate resource script Filesystem\"");
    CHECK(where(missing[1]) == "n1/haresources:2:9");
    const auto not_executable = run(folder, "HA505");
    REQUIRE(not_executable.size() == 1);
    CHECK(where(not_executable[0]) == "n1/haresources:2:3");
    CHECK(not_executable[0].message ==
          "resource script /etc/init.d/mysql is not executable: ResourceManager skips it and "
          "fails with \"Cannot locate resource script mysql\"");

    // A bare IP means IPaddr; --resource-dir alone runs these rules without the host facts.
    host_run dirs_only = run;
    dirs_only.with_facts = false;
    dirs_only.dirs = {"/srv/rd"};
    const auto bare = dirs_only(
        {{"ha.cf", "node alpha beta\nbcast eth0\n"}, {"haresources", "alpha 192.0.2.10\n"}},
        "HA504");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].message == "resource script IPaddr is not in /srv/rd: ResourceManager fails "
                             "with \"Cannot locate resource script IPaddr\" (a bare IP address "
                             "means IPaddr)");
    dirs_only.dirs.clear();
    CHECK(dirs_only({{"haresources", "alpha nothing\n"}}, "HA504").empty());
    // With pacemaker on, haresources is not used.
    CHECK(run({{"ha.cf", "node alpha beta\nbcast eth0\ncrm on\n"},
               {"haresources", "alpha nothing\n"}},
              "HA504")
              .empty());
}

TEST_CASE("HA506 checks virtual IPs against every interface or the one named", "[host]") {
    const host_run run;
    const auto found = run({{"ha.cf", "node alpha beta\nbcast eth0\n"},
                            {"haresources", "alpha 192.0.2.10 IPaddr2::198.51.100.5/24 "
                                            "IPaddr::192.0.2.11/24/eth1 IPaddr::192.0.2.12/24/eth5 "
                                            "IPaddr::203.0.113.9/24/eth1\n"}},
                           "HA506");
    REQUIRE(found.size() == 3);
    CHECK(where(found[0]) == "n1/haresources:1:18");
    CHECK(found[0].message == "virtual IP 198.51.100.5 is in no network of this machine's "
                              "interfaces: IPaddr cannot find an interface for it");
    CHECK(where(found[1]) == "n1/haresources:1:43");
    CHECK(found[1].message == "virtual IP 192.0.2.11 is not in a network of interface eth1 it "
                              "names (this machine has no address of that network there)");
    CHECK(found[2].message ==
          "virtual IP 192.0.2.12 names interface eth5, which this machine does not have");
}

TEST_CASE("HA507 checks IPv4 ucast peers against the networks of their interface", "[host]") {
    host_run run;
    run.facts.interfaces.push_back(make_interface("eth2", true, true, {"2001:db8:2::1/64"}));
    const auto found = run({{"ha.cf", "node alpha beta\n"
                                      "ucast eth0 192.0.2.200\n"
                                      "ucast eth0 203.0.113.2\n"
                                      "ucast eth2 198.51.100.2\n"
                                      "ucast eth0 beta\n"
                                      "ucast eth9 198.51.100.3\n"}},
                           "HA507");
    REQUIRE(found.size() == 2);
    CHECK(where(found[0]) == "n1/ha.cf:3:12");
    CHECK(found[0].message ==
          "ucast peer 203.0.113.2 is not on the network of eth0 (192.0.2.1/24) it is sent through");
    CHECK(where(found[1]) == "n1/ha.cf:4:12");
    CHECK(found[1].message == "ucast peer 198.51.100.2 is sent through eth2, which has no IPv4 "
                              "address");
}

TEST_CASE("HA508 reports an authkeys owned by another user than root", "[host]") {
    host_run run;
    run.files["n1/authkeys"] = {.regular = true, .mode = 0600, .owner = 33};
    const std::map<std::string, std::string> folder{
        {"ha.cf", "node alpha beta\nbcast eth0\n"},
        {"authkeys", "auth 1\n1 sha1 a-long-enough-secret-key\n"}};
    const auto found = run(folder, "HA508");
    REQUIRE(found.size() == 1);
    CHECK(where(found[0]) == "n1/authkeys:0:0");
    CHECK(found[0].message ==
          "authkeys is owned by uid 33, not root: that user can read and change the keys");
    run.files["n1/authkeys"].owner = 0;
    CHECK(run(folder, "HA508").empty());
    run.with_facts = false;
    run.files["n1/authkeys"].owner = 33;
    CHECK(run(folder, "HA508").empty());
}
