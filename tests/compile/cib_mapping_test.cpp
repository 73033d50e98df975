// The Pacemaker model and the `cib` target on small in-memory clusters: how each haresources
// form, auto_failback, stonith and ipfail map, which diagnostics say what does not carry over,
// and what the XML looks like (escaping, determinism, no secrets). crm_verify checks every CIB
// these tests look at, so a mapping that Pacemaker would reject fails here too.
#include "cib_test_support.hpp"
#include "pacemaker_model.hpp"
#include "tool/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace hakit;
using namespace hakit::test;
using emit::nvpair;
using emit::pacemaker_model;

namespace {

const std::string two_nodes = "keepalive 1\ndeadtime 10\ninitdead 30\nucast eth1 10.0.0.2\n"
                              "node node1\nnode node2\n";

struct built {
    cib_cluster cluster;
    pacemaker_model model;
    std::vector<diagnostic> diagnostics;
    std::string xml;
};

built build(const std::string& ha_cf, const std::string& haresources) {
    built b{
        load_cib_cluster_from_memory({{"ha.cf", ha_cf}, {"haresources", haresources}}), {}, {}, {}};
    const emit::emit_input input{b.cluster.folders, b.cluster.cluster, b.cluster.options};
    b.model = emit::build_pacemaker_model(input, b.diagnostics);
    b.xml = b.cluster.cib_text();
    return b;
}

// Every CIB a test looks at must pass crm_verify.
void require_verified(const std::string& xml) {
    const temp_dir scratch;
    const auto file = scratch.path() / "cib.xml";
    write_file(file, xml);
    const auto verdict = crm_verify(file);
    INFO(verdict.report << "\n" << xml);
    REQUIRE(verdict.ok);
}

// With fencing enabled, crm_verify on a CIB without status warns that the nodes it has never
// seen would be fenced at startup (startup-fencing, the safe default) and exits non-zero.
// That warning, and only it, is expected; once the nodes have joined the CIB verifies cleanly.
void require_verified(const pacemaker_model& model, const std::string& xml) {
    if (!model.stonith_enabled) {
        require_verified(xml);
        return;
    }
    const temp_dir scratch;
    const auto file = scratch.path() / "cib.xml";
    write_file(file, xml);
    const auto verbose = crm_verify_verbose(file);
    INFO(verbose.report << "\n" << xml);
    REQUIRE_FALSE(verbose.has_error);
    for (const auto& warning : verbose.warnings) {
        CHECK(warning.find("for fencing") != std::string::npos);
    }
    node_events all_up;
    for (const auto& node : model.nodes) {
        all_up.up.push_back(node.name);
    }
    const auto joined = scratch.path() / "joined.xml";
    crm_simulate_step(file, all_up, joined);
    const auto verdict = crm_verify(joined);
    INFO(verdict.report);
    REQUIRE(verdict.ok);
}

std::vector<std::string> codes_of(const std::vector<diagnostic>& diagnostics) {
    std::vector<std::string> codes;
    for (const auto& d : diagnostics) {
        codes.push_back(d.code);
    }
    return codes;
}

bool has_code(const std::vector<diagnostic>& diagnostics, const std::string& code) {
    const auto codes = codes_of(diagnostics);
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

const diagnostic& find_code(const std::vector<diagnostic>& diagnostics, const std::string& code) {
    const auto found = std::find_if(diagnostics.begin(), diagnostics.end(),
                                    [&](const diagnostic& d) { return d.code == code; });
    REQUIRE(found != diagnostics.end());
    return *found;
}

std::string param(const emit::primitive& p, const std::string& name) {
    for (const auto& pair : p.params) {
        if (pair.name == name) {
            return pair.value;
        }
    }
    return "<unset>";
}

std::string property(const pacemaker_model& model, const std::string& name) {
    for (const auto& pair : model.cluster_properties) {
        if (pair.name == name) {
            return pair.value;
        }
    }
    return "<unset>";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("IPaddr ip/bits/nic/bcast maps each field to its own parameter (haresources2cib "
          "swapped nic and cidr_netmask)",
          "[cib][ipaddr]") {
    const auto b = build(two_nodes, "node1 IPaddr::192.0.2.10/24/eth0/192.0.2.255\n");
    REQUIRE(b.model.groups.size() == 1);
    REQUIRE(b.model.groups[0].members.size() == 1);
    const auto& ip = b.model.groups[0].members[0];
    CHECK(ip.agent() == "ocf:heartbeat:IPaddr2");
    CHECK(ip.params == std::vector<nvpair>{{"ip", "192.0.2.10"},
                                           {"nic", "eth0"},
                                           {"cidr_netmask", "24"},
                                           {"broadcast", "192.0.2.255"}});
    CHECK(contains(b.xml, "name=\"ip\" value=\"192.0.2.10\""));
    CHECK(contains(b.xml, "name=\"nic\" value=\"eth0\""));
    CHECK(contains(b.xml, "name=\"cidr_netmask\" value=\"24\""));
    CHECK(contains(b.xml, "name=\"broadcast\" value=\"192.0.2.255\""));
    CHECK_FALSE(contains(b.xml, "name=\"nic\" value=\"24\""));
    require_verified(b.model, b.xml);
}

TEST_CASE("IPaddr argument forms: dotted netmask, ip/bits/bcast, label, bare IP, IPaddr2",
          "[cib][ipaddr]") {
    const auto b = build(two_nodes, "node1 IPaddr::10.0.0.5/255.255.255.0/eth1\n"
                                    "node1 IPaddr::10.0.0.6/24/10.0.0.255\n"
                                    "node2 IPaddr2::10.0.0.7/16/eth0:web\n"
                                    "node2 10.0.0.8\n");
    REQUIRE(b.model.groups.size() == 4);
    const auto& dotted = b.model.groups[0].members.at(0);
    CHECK(dotted.params ==
          std::vector<nvpair>{{"ip", "10.0.0.5"}, {"nic", "eth1"}, {"cidr_netmask", "24"}});
    const auto& broadcast = b.model.groups[1].members.at(0);
    CHECK(broadcast.params == std::vector<nvpair>{{"ip", "10.0.0.6"},
                                                  {"cidr_netmask", "24"},
                                                  {"broadcast", "10.0.0.255"}});
    const auto& labelled = b.model.groups[2].members.at(0);
    CHECK(labelled.params == std::vector<nvpair>{{"ip", "10.0.0.7"},
                                                 {"nic", "eth0"},
                                                 {"cidr_netmask", "16"},
                                                 {"iflabel", "web"},
                                                 {"lvs_support", "true"}});
    const auto& bare = b.model.groups[3].members.at(0);
    CHECK(bare.agent() == "ocf:heartbeat:IPaddr2");
    CHECK(bare.params == std::vector<nvpair>{{"ip", "10.0.0.8"}});
    CHECK(bare.legacy == "10.0.0.8");
    CHECK_FALSE(has_code(b.diagnostics, "HC111"));
    require_verified(b.model, b.xml);
}

TEST_CASE("an IPaddr argument that cannot be split is an error, not a silent guess",
          "[cib][ipaddr]") {
    const auto b = build(two_nodes, "node1 IPaddr::10.0.0.5/255.0.255.0/eth0\n");
    const auto& d = find_code(b.diagnostics, "HC111");
    CHECK(d.level == severity::error);
    CHECK(d.where.line == 1);
    CHECK(d.where.column == 7);
    CHECK(param(b.model.groups.at(0).members.at(0), "cidr_netmask") == "<unset>");
}

TEST_CASE("one group per haresources line, resources in order; one resource is a primitive",
          "[cib][groups]") {
    const auto b = build(two_nodes, "node1 IPaddr2::192.0.2.10/24/eth0 "
                                    "Filesystem::/dev/sdb1::/srv/www::ext4::noatime apache2\n"
                                    "node2 httpd\n");
    REQUIRE(b.model.groups.size() == 2);
    const auto& web = b.model.groups[0];
    CHECK(web.is_group());
    CHECK(web.id == "group_ip_192.0.2.10");
    CHECK(web.preferred_node == "node1");
    REQUIRE(web.members.size() == 3);
    CHECK(web.members[0].id == "ip_192.0.2.10");
    CHECK(web.members[1].agent() == "ocf:heartbeat:Filesystem");
    CHECK(web.members[1].id == "fs_srv_www");
    CHECK(web.members[1].params == std::vector<nvpair>{{"device", "/dev/sdb1"},
                                                       {"directory", "/srv/www"},
                                                       {"fstype", "ext4"},
                                                       {"options", "noatime"}});
    CHECK(web.members[2].agent() == "lsb:apache2");
    const auto& single = b.model.groups[1];
    CHECK_FALSE(single.is_group());
    CHECK(single.id == "httpd");
    // The XML: the group holds its members in order; the single resource is a bare primitive.
    const auto group_at = b.xml.find("<group id=\"group_ip_192.0.2.10\"");
    const auto ip_at = b.xml.find("<primitive id=\"ip_192.0.2.10\"");
    const auto fs_at = b.xml.find("<primitive id=\"fs_srv_www\"");
    const auto apache_at = b.xml.find("<primitive id=\"apache2\"");
    const auto group_end = b.xml.find("</group>");
    CHECK(group_at < ip_at);
    CHECK(ip_at < fs_at);
    CHECK(fs_at < apache_at);
    CHECK(apache_at < group_end);
    CHECK(b.xml.find("<primitive id=\"httpd\" class=\"lsb\" type=\"httpd\"") > group_end);
    // Location preferences for the owners.
    REQUIRE(b.model.locations.size() == 2);
    CHECK(b.model.locations[0].resource == "group_ip_192.0.2.10");
    CHECK(b.model.locations[0].node == "node1");
    CHECK(b.model.locations[1].resource == "httpd");
    CHECK(b.model.locations[1].node == "node2");
    require_verified(b.model, b.xml);
}

TEST_CASE("resource.d wrappers map to their OCF twins with the wrapper's parameter names",
          "[cib][agents]") {
    const auto b = build(two_nodes + "auto_failback on\n",
                         "node1 apache::/etc/apache2/apache2.conf "
                         "MailTo::root@example.com::failover IPsrcaddr::10.0.0.9 "
                         "portblock::tcp::80,443::block LVM::vg0 Xinetd::tftp "
                         "db2::db2inst1 WAS::9080 Delay::5::3 AudibleAlarm::node1\n");
    const auto& members = b.model.groups.at(0).members;
    REQUIRE(members.size() == 10);
    CHECK(members[0].agent() == "ocf:heartbeat:apache");
    CHECK(members[0].params == std::vector<nvpair>{{"configfile", "/etc/apache2/apache2.conf"}});
    CHECK(members[1].agent() == "ocf:heartbeat:MailTo");
    CHECK(members[1].params ==
          std::vector<nvpair>{{"email", "root@example.com"}, {"subject", "failover"}});
    CHECK(members[2].params == std::vector<nvpair>{{"ipaddress", "10.0.0.9"}});
    CHECK(members[3].params ==
          std::vector<nvpair>{{"protocol", "tcp"}, {"portno", "80,443"}, {"action", "block"}});
    CHECK(members[4].params == std::vector<nvpair>{{"volgrpname", "vg0"}});
    CHECK(members[5].params == std::vector<nvpair>{{"service", "tftp"}});
    CHECK(members[6].params == std::vector<nvpair>{{"instance", "db2inst1"}});
    CHECK(members[7].params == std::vector<nvpair>{{"port", "9080"}});
    CHECK(members[8].params == std::vector<nvpair>{{"startdelay", "5"}, {"stopdelay", "3"}});
    CHECK(members[9].params == std::vector<nvpair>{{"nodelist", "node1"}});
    for (const auto& member : members) {
        INFO(member.id);
        CHECK(member.cls == emit::resource_class::ocf);
        CHECK(member.provider == "heartbeat");
        // start, stop and a recurring monitor, each with a timeout.
        REQUIRE(member.operations.size() == 3);
        CHECK(member.operations[2].name == "monitor");
        CHECK(member.operations[2].interval != "0s");
        CHECK_FALSE(member.operations[2].timeout.empty());
    }
    CHECK(codes_of(b.diagnostics) == std::vector<std::string>{"HC101"});
    require_verified(b.model, b.xml);
}

TEST_CASE("a wrapper missing a required argument or given too many says so", "[cib][agents]") {
    const auto b = build(two_nodes, "node1 Filesystem::/dev/sdb1 Raid1::/etc/raidtab::md0::x\n");
    const auto& missing = find_code(b.diagnostics, "HC113");
    CHECK(missing.level == severity::error);
    CHECK(contains(missing.message, "Filesystem"));
    const auto& extra = find_code(b.diagnostics, "HC114");
    CHECK(extra.level == severity::warning);
    CHECK(contains(extra.message, "'x'"));
}

TEST_CASE("other scripts become lsb: resources; their arguments cannot be passed",
          "[cib][agents]") {
    const auto b = build(two_nodes, "node1 IProute::10.0.0.1::eth0 squid\n");
    const auto& members = b.model.groups.at(0).members;
    REQUIRE(members.size() == 2);
    CHECK(members[0].agent() == "lsb:IProute");
    CHECK(members[0].params.empty());
    CHECK(members[0].legacy == "IProute::10.0.0.1::eth0");
    const auto& dropped = find_code(b.diagnostics, "HC104");
    CHECK(dropped.level == severity::warning);
    CHECK(contains(dropped.message, "10.0.0.1::eth0"));
    CHECK(dropped.where.column == 7);
    CHECK(members[1].agent() == "lsb:squid");
    const auto codes = codes_of(b.diagnostics);
    CHECK(std::count(codes.begin(), codes.end(), std::string("HC105")) == 2);
    require_verified(b.model, b.xml);
}

TEST_CASE("drbddisk becomes a promotable clone the group follows", "[cib][drbd]") {
    const auto b =
        build(two_nodes, "node1 drbddisk::r0 Filesystem::/dev/drbd0::/data::ext4 nfs-server\n");
    REQUIRE(b.model.clones.size() == 1);
    const auto& drbd = b.model.clones[0];
    CHECK(drbd.kind == emit::clone_kind::promotable);
    CHECK(drbd.id == "drbd_r0-clone");
    CHECK(drbd.child.agent() == "ocf:linbit:drbd");
    CHECK(drbd.child.params == std::vector<nvpair>{{"drbd_resource", "r0"}});
    CHECK(std::find(drbd.meta.begin(), drbd.meta.end(), nvpair{"promotable", "true"}) !=
          drbd.meta.end());
    const auto& group = b.model.groups.at(0);
    REQUIRE(group.members.size() == 2);
    CHECK(group.members[0].type == "Filesystem");
    REQUIRE(b.model.colocations.size() == 1);
    CHECK(b.model.colocations[0].resource == group.id);
    CHECK(b.model.colocations[0].with_resource == drbd.id);
    CHECK(b.model.colocations[0].with_role == "Promoted");
    REQUIRE(b.model.orders.size() == 1);
    CHECK(b.model.orders[0].first_resource == drbd.id);
    CHECK(b.model.orders[0].first_action == "promote");
    CHECK(b.model.orders[0].then_resource == group.id);
    CHECK(find_code(b.diagnostics, "HC106").level == severity::warning);
    require_verified(b.model, b.xml);
}

TEST_CASE("auto_failback sets resource-stickiness against the owner's location score",
          "[cib][failback]") {
    SECTION("on: stickiness 0, groups move back") {
        const auto b = build(two_nodes + "auto_failback on\n", "node1 httpd\n");
        CHECK(b.model.stickiness == "0");
        CHECK(b.model.owner_score > 0);
        CHECK_FALSE(has_code(b.diagnostics, "HC100"));
        CHECK(contains(b.xml, "name=\"resource-stickiness\" value=\"0\""));
    }
    SECTION("off: stickiness above the location score, groups stay") {
        const auto b = build(two_nodes + "auto_failback off\n", "node1 httpd\n");
        CHECK(std::stol(b.model.stickiness) > b.model.owner_score);
        CHECK(b.model.locations.at(0).score == std::to_string(b.model.owner_score));
        CHECK_FALSE(has_code(b.diagnostics, "HC100"));
    }
    SECTION("legacy (the default) fails back like on, with a warning") {
        const auto b = build(two_nodes, "node1 httpd\n");
        CHECK(b.model.stickiness == "0");
        const auto& d = find_code(b.diagnostics, "HC100");
        CHECK(d.level == severity::warning);
        CHECK(contains(d.message, "(the default)"));
        const auto explicit_legacy = build(two_nodes + "auto_failback legacy\n", "node1 httpd\n");
        CHECK(find_code(explicit_legacy.diagnostics, "HC100").where.line == 7);
    }
}

TEST_CASE("no-quorum-policy is ignore for two nodes; more nodes keep the default and warn",
          "[cib][quorum]") {
    const auto two = build(two_nodes + "auto_failback on\n", "node1 httpd\n");
    CHECK(property(two.model, "no-quorum-policy") == "ignore");
    CHECK(property(two.model, "cluster-name") == "linux-ha");
    const auto three =
        build(two_nodes + "node node3\nauto_failback on\ncluster web\n", "node3 httpd\n");
    CHECK(three.model.nodes.size() == 3);
    CHECK(property(three.model, "no-quorum-policy") == "<unset>");
    CHECK(property(three.model, "cluster-name") == "web");
    CHECK(find_code(three.diagnostics, "HC115").where.line == 7);
    require_verified(three.model, three.xml);
}

TEST_CASE("fencing: none gives stonith-enabled=false and a warning; stonith_host a primitive",
          "[cib][stonith]") {
    SECTION("no stonith directive") {
        const auto b = build(two_nodes + "auto_failback on\n", "node1 httpd\n");
        CHECK(property(b.model, "stonith-enabled") == "false");
        CHECK_FALSE(b.model.stonith_enabled);
        CHECK(b.model.fencing.empty());
        CHECK(find_code(b.diagnostics, "HC101").level == severity::warning);
    }
    SECTION("stonith_host lines: each node uses the last line that applies to it") {
        const auto b = build(two_nodes + "auto_failback on\n"
                                         "stonith_host * external/ssh node1 node2\n"
                                         "stonith_host node1 external/ipmi node2 10.0.1.2 admin "
                                         "secret lanplus\n",
                             "node1 httpd\n");
        CHECK(property(b.model, "stonith-enabled") == "true");
        CHECK_FALSE(has_code(b.diagnostics, "HC101"));
        CHECK_FALSE(has_code(b.diagnostics, "HC119"));
        REQUIRE(b.model.fencing.size() == 2);
        const auto& ssh = b.model.fencing[0];
        CHECK(ssh.agent() == "stonith:external/ssh");
        CHECK(ssh.params == std::vector<nvpair>{{"hostlist", "node1 node2"}});
        const auto& ipmi = b.model.fencing[1];
        CHECK(ipmi.id == "fence_external_ipmi_node1");
        CHECK(ipmi.params == std::vector<nvpair>{{"hostname", "node2"},
                                                 {"ipaddr", "10.0.1.2"},
                                                 {"userid", "admin"},
                                                 {"passwd", "secret"},
                                                 {"interface", "lanplus"}});
        // node1 loaded the ipmi device, node2 the ssh one: each stays off the other node.
        std::vector<std::pair<std::string, std::string>> bans;
        for (const auto& l : b.model.locations) {
            if (l.score == "-INFINITY") {
                bans.emplace_back(l.resource, l.node);
            }
        }
        CHECK(bans == std::vector<std::pair<std::string, std::string>>{{ssh.id, "node1"},
                                                                       {ipmi.id, "node2"}});
        require_verified(b.model, b.xml);
    }
    SECTION("a line that a later one replaces on every node is not carried over") {
        const auto b = build(two_nodes + "auto_failback on\nstonith_host * external/ssh n1\n"
                                         "stonith_host * null node1 node2\n",
                             "node1 httpd\n");
        REQUIRE(b.model.fencing.size() == 1);
        CHECK(b.model.fencing[0].type == "null");
        CHECK(find_code(b.diagnostics, "HC119").where.line == 8);
    }
    SECTION("stonith with a config file, an unknown plugin, a plugin without parameters") {
        const auto config_file = build(
            two_nodes + "auto_failback on\nstonith baytech /etc/ha.d/baytech\n", "node1 httpd\n");
        CHECK(find_code(config_file.diagnostics, "HC102").where.line == 8);
        CHECK(config_file.model.fencing.at(0).params.empty());
        require_verified(config_file.model, config_file.xml);
        const auto unknown =
            build(two_nodes + "auto_failback on\nstonith_host * mydevice a b\n", "node1 httpd\n");
        CHECK(find_code(unknown.diagnostics, "HC103").where.line == 8);
        CHECK(unknown.model.fencing.at(0).params ==
              std::vector<nvpair>{{"param1", "a"}, {"param2", "b"}});
        require_verified(unknown.model, unknown.xml);
        const auto suicide =
            build(two_nodes + "auto_failback on\nstonith_host * suicide now\n", "node1 httpd\n");
        CHECK(find_code(suicide.diagnostics, "HC114").where.line == 8);
        CHECK(suicide.model.fencing.at(0).params.empty());
    }
}

TEST_CASE("ping nodes with ipfail become a ping clone and a connectivity rule", "[cib][ping]") {
    SECTION("ping + ping_group + ipfail") {
        const auto b = build(two_nodes + "auto_failback on\nping 10.0.0.254 10.0.0.253\n"
                                         "ping_group gw 10.0.0.253 10.0.0.252\n"
                                         "deadping 20\n"
                                         "respawn hacluster /usr/lib/heartbeat/ipfail\n",
                             "node1 httpd\nnode2 10.0.0.9\n");
        REQUIRE(b.model.clones.size() == 1);
        const auto& ping = b.model.clones[0];
        CHECK(ping.kind == emit::clone_kind::connectivity);
        CHECK(ping.child.agent() == "ocf:pacemaker:ping");
        CHECK(param(ping.child, "host_list") == "10.0.0.254 10.0.0.253 10.0.0.252");
        CHECK(param(ping.child, "multiplier") == "1000");
        CHECK(param(ping.child, "dampen") == "20s");
        REQUIRE(b.model.ping_attribute);
        CHECK(param(ping.child, "name") == *b.model.ping_attribute);
        CHECK(find_code(b.diagnostics, "HC116").where.line == 9);
        // One -INFINITY rule per group, after the owner preferences.
        REQUIRE(b.model.locations.size() == 4);
        for (std::size_t i = 2; i < 4; ++i) {
            const auto& rule = b.model.locations[i].rule;
            REQUIRE(rule);
            CHECK(rule->score == "-INFINITY");
            CHECK(rule->expressions.at(0).operation == "not_defined");
            CHECK(rule->expressions.at(1).operation == "lte");
        }
        CHECK(b.model.locations[2].resource == "httpd");
        CHECK(b.model.locations[3].resource == "ip_10.0.0.9");
        require_verified(b.model, b.xml);
    }
    SECTION("ping without ipfail moved nothing: no clone, an info") {
        const auto b = build(two_nodes + "auto_failback on\nping 10.0.0.254\n", "node1 httpd\n");
        CHECK(b.model.clones.empty());
        CHECK_FALSE(b.model.ping_attribute);
        CHECK(find_code(b.diagnostics, "HC108").level == severity::info);
    }
    SECTION("ipfail without ping nodes, and other respawned programs") {
        const auto b = build(two_nodes + "auto_failback on\n"
                                         "respawn hacluster /usr/lib/heartbeat/ipfail\n"
                                         "respawn hacluster /usr/lib/heartbeat/dopd\n",
                             "node1 httpd\n");
        CHECK(b.model.clones.empty());
        CHECK(find_code(b.diagnostics, "HC107").where.line == 8);
        CHECK(find_code(b.diagnostics, "HC109").where.line == 9);
    }
}

TEST_CASE("an owner that is not a cluster node gets no location constraint and an error",
          "[cib][groups]") {
    const auto b = build(two_nodes + "auto_failback on\n", "web1 httpd\n");
    CHECK(b.model.locations.empty());
    const auto& d = find_code(b.diagnostics, "HC110");
    CHECK(d.level == severity::error);
    CHECK(d.where.line == 1);
    CHECK(d.where.column == 1);
    require_verified(b.model, b.xml);
}

TEST_CASE("ids are sanitised, unique and stable", "[cib][ids]") {
    const auto b = build(two_nodes + "auto_failback on\n",
                         "node1 IPaddr::10.0.0.5 httpd\nnode2 IPaddr::10.0.0.5/24 httpd\n"
                         "node1 Filesystem::/dev/sdc::/srv/a&b\n");
    REQUIRE(b.model.groups.size() == 3);
    CHECK(b.model.groups[0].members[0].id == "ip_10.0.0.5");
    CHECK(b.model.groups[0].members[1].id == "httpd");
    CHECK(b.model.groups[1].members[0].id == "ip_10.0.0.5-2");
    CHECK(b.model.groups[1].members[1].id == "httpd-2");
    CHECK(b.model.groups[1].id == "group_ip_10.0.0.5-2");
    CHECK(b.model.groups[2].id == "fs_srv_a_b");
    require_verified(b.model, b.xml);
}

TEST_CASE("the CIB uses the newest pacemaker-3.x schema, fixed epochs, empty status, escaping",
          "[cib][xml]") {
    const auto b = build(two_nodes + "auto_failback on\ncluster a\"b<c>&d\n",
                         "node1 MailTo::ops&dev@example.com::\"down\"<now>\n");
    CHECK(b.xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
    CHECK(contains(b.xml, "<cib validate-with=\"pacemaker-3.9\" admin_epoch=\"0\" epoch=\"1\" "
                          "num_updates=\"0\">"));
    CHECK(contains(b.xml, "<status/>"));
    CHECK_FALSE(contains(b.xml, "cib-last-written"));
    CHECK(contains(b.xml, "value=\"a&quot;b&lt;c&gt;&amp;d\""));
    CHECK(contains(b.xml, "value=\"ops&amp;dev@example.com\""));
    CHECK(contains(b.xml, "value=\"&quot;down&quot;&lt;now&gt;\""));
    CHECK(b.xml.back() == '\n');
    require_verified(b.model, b.xml);
}

TEST_CASE("forced errors are XML comments at the top, and the CIB still verifies", "[cib][xml]") {
    auto cluster = load_cib_cluster_from_memory(
        {{"ha.cf", two_nodes + "auto_failback on\n"}, {"haresources", "node1 httpd\n"}});
    diagnostic error;
    error.code = "HA102";
    error.message = "keepalive '2s' -- is not a time <value>";
    error.where = {"node1/ha.cf", 3, 11};
    cluster.options.forced_errors.push_back(error);
    const std::string xml = cluster.cib_text();
    const auto comment = xml.find("<!-- node1/ha.cf:3:11: keepalive '2s' - - is not a time "
                                  "<value> -->");
    CHECK(comment != std::string::npos);
    CHECK(comment < xml.find("<cib "));
    require_verified(xml);
}

TEST_CASE("output is deterministic and never holds an authkeys key", "[cib][secrets]") {
    const std::string key = "0f1e2d3c4b5a69788796a5b4c3d2e1f0badc0ffe";
    for (const bool include_secrets : {false, true}) {
        auto cluster =
            load_cib_cluster_from_memory({{"ha.cf", two_nodes + "auto_failback on\n"},
                                          {"haresources", "node1 IPaddr::10.0.0.5 httpd\n"},
                                          {"authkeys", "auth 1\n1 sha1 " + key + "\n"}});
        cluster.options.include_secrets = include_secrets;
        const auto first = cluster.emit_cib();
        const auto second = cluster.emit_cib();
        REQUIRE(first.files.size() == 1);
        CHECK(first.files[0].content == second.files[0].content);
        CHECK(first.files[0].mode == 0644);
        CHECK_FALSE(contains(first.files[0].content, key));
        CHECK(codes_of(first.diagnostics) == codes_of(second.diagnostics));
    }
}

TEST_CASE("every diagnostic has a code in HC100-HC149, a rule name and a file",
          "[cib][diagnostics]") {
    const auto b = build(two_nodes + "node node3\nping 10.0.0.254\nwatchdog /dev/watchdog\n"
                                     "stonith_host * mydevice a\nrespawn root /bin/true\n",
                         "web1 drbddisk OCF::IPaddr::vip squid::x Filesystem::/dev/x\n");
    REQUIRE(b.diagnostics.size() >= 10);
    for (const auto& d : b.diagnostics) {
        INFO(d.code << " " << d.message);
        CHECK(d.code.size() == 5);
        CHECK(d.code.rfind("HC1", 0) == 0);
        CHECK(std::stoi(d.code.substr(2)) <= 149);
        CHECK_FALSE(d.rule.empty());
        CHECK_FALSE(d.where.file.empty());
    }
    for (const auto* code : {"HC100", "HC104", "HC106", "HC108", "HC109", "HC110", "HC112", "HC113",
                             "HC115", "HC117"}) {
        INFO(code);
        CHECK(has_code(b.diagnostics, code));
    }
    require_verified(b.model, b.xml);
}
