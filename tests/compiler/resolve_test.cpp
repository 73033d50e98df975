// The IR of one node folder: values, defaults and problems exactly as Heartbeat 3.0.6 has them.
#include "ha_cf_state.hpp"

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/ha_cf.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

using hakit::ir::origin;
using hakit::ir::problem_kind;

hakit::node_folder folder_with(const std::map<std::string, std::string>& files,
                               std::optional<std::string> node = std::nullopt) {
    return hakit::load_node_folder_from_memory("n1", files, 0600U, node);
}

hakit::node_folder ha_cf(const std::string& text) {
    return folder_with({{"ha.cf", text}});
}

std::vector<std::string> problem_texts(const hakit::node_folder& folder) {
    std::vector<std::string> texts;
    for (const auto& p : folder.ir.problems) {
        texts.push_back(hakit::to_string(p.where) + ": " + p.message);
    }
    return texts;
}

} // namespace

TEST_CASE("defaults follow init_config when ha.cf sets nothing", "[resolve]") {
    const auto folder = ha_cf("node a b\nbcast eth0\n");
    const auto& t = folder.ir.times;
    CHECK(t.keepalive_ms.v == 1000);
    CHECK(t.deadtime_ms.v == 30000);
    CHECK(t.initdead_ms.v == 30000); // deadtime > 10 s: initdead = deadtime
    CHECK(t.warntime_ms.v == 15000);
    CHECK(t.deadping_ms.v == 30000);
    CHECK(t.keepalive_ms.from == origin::default_value);
    CHECK(t.keepalive_ms.where == hakit::location{"n1/ha.cf", 0, 0});
    CHECK(folder.ir.udpport.v == 694);
    CHECK(folder.ir.failback.v == hakit::ir::failback_policy::legacy);
    CHECK(folder.ir.cluster.v == "linux-ha");
    CHECK(folder.ir.problems.empty());
}

TEST_CASE("initdead default depends on deadtime", "[resolve]") {
    CHECK(ha_cf("deadtime 5\n").ir.times.initdead_ms.v == 12000);  // < 6 s
    CHECK(ha_cf("deadtime 6\n").ir.times.initdead_ms.v == 12000);  // 6..10 s: twice
    CHECK(ha_cf("deadtime 10\n").ir.times.initdead_ms.v == 20000); // 10 s is not > 10 s
    CHECK(ha_cf("deadtime 11\n").ir.times.initdead_ms.v == 11000);
    const auto folder = ha_cf("deadtime 8\n");
    CHECK(folder.ir.times.initdead_ms.from == origin::default_value);
    CHECK(folder.ir.times.initdead_ms.where == hakit::location{"n1/ha.cf", 1, 10});
    CHECK(folder.ir.times.warntime_ms.v == 4000);
}

TEST_CASE("time values are parsed like cl_get_msec", "[resolve]") {
    const auto folder = ha_cf("keepalive 500ms\ndeadtime 1.5\nwarntime 800MS\ninitdead 10\n");
    CHECK(folder.ir.times.keepalive_ms.v == 500);
    CHECK(folder.ir.times.keepalive_ms.is_explicit());
    CHECK(folder.ir.times.keepalive_ms.where == hakit::location{"n1/ha.cf", 1, 11});
    CHECK(folder.ir.times.deadtime_ms.v == 1500);
    CHECK(folder.ir.times.warntime_ms.v == 800);
    CHECK(folder.ir.times.initdead_ms.v == 10000);
    CHECK(folder.ir.problems.empty());
}

TEST_CASE("2s and 5min are errors and leave the default in place", "[resolve]") {
    const auto folder = ha_cf("keepalive 2s\ndeadtime 5min\n");
    CHECK(folder.ir.times.keepalive_ms.v == 1000);
    CHECK_FALSE(folder.ir.times.keepalive_ms.is_explicit());
    CHECK(problem_texts(folder) ==
          std::vector<std::string>{
              "n1/ha.cf:1:11: keepalive: '2s' is not a time Heartbeat accepts: write seconds as "
              "a bare number (2, 0.5) or add 'ms' or 'us' (2000ms); 's', 'sec' and 'min' are "
              "errors",
              "n1/ha.cf:2:10: deadtime: '5min' is not a time Heartbeat accepts: write seconds "
              "as a bare number (2, 0.5) or add 'ms' or 'us' (2000ms); 's', 'sec' and 'min' "
              "are errors"});
}

TEST_CASE("keepalive 1000 ms is two values: 1000 s, then an invalid 'ms'", "[resolve]") {
    const auto folder = ha_cf("keepalive 1000 ms\n");
    CHECK(folder.ir.times.keepalive_ms.v == 1000000);
    REQUIRE(folder.ir.problems.size() == 1);
    CHECK(folder.ir.problems[0].where == hakit::location{"n1/ha.cf", 1, 16});
    CHECK(folder.ir.problems[0].message.find("'ms' is read as a value of its own") !=
          std::string::npos);
}

TEST_CASE("1,5 is two tokens and the last one wins", "[resolve]") {
    const auto folder = ha_cf("deadtime 1,5\nkeepalive 1 2\n");
    CHECK(folder.ir.times.deadtime_ms.v == 5000);
    CHECK(folder.ir.times.deadtime_ms.where == hakit::location{"n1/ha.cf", 1, 12});
    CHECK(folder.ir.times.keepalive_ms.v == 2000);
    CHECK(folder.ir.problems.empty());
}

TEST_CASE("zero keepalive is rejected, zero deadtime is not", "[resolve]") {
    const auto folder = ha_cf("keepalive 0\ndeadtime 0\n");
    CHECK(problem_texts(folder) ==
          std::vector<std::string>{"n1/ha.cf:1:11: keepalive must be more than 0"});
    CHECK(folder.ir.times.deadtime_ms.v == 0);
}

TEST_CASE("directive names are case-sensitive, with a hint", "[resolve]") {
    const auto folder = ha_cf("Keepalive 2\nundport 694\nfrobnicate yes\n");
    REQUIRE(folder.ir.problems.size() == 3);
    CHECK(folder.ir.problems[0].kind == problem_kind::unknown_directive);
    CHECK(problem_texts(folder) ==
          std::vector<std::string>{
              "n1/ha.cf:1:1: unknown directive 'Keepalive'; did you mean 'keepalive'?",
              "n1/ha.cf:2:1: unknown directive 'undport'; did you mean 'udpport'?",
              "n1/ha.cf:3:1: unknown directive 'frobnicate'"});
}

TEST_CASE("a directive without a value is ignored", "[resolve]") {
    const auto folder = ha_cf("keepalive\n");
    CHECK(folder.ir.problems.empty());
    CHECK(folder.ir.times.keepalive_ms.v == 1000);
}

TEST_CASE("nodes are lowercased, one per token", "[resolve]") {
    const auto folder = ha_cf("node Alpha beta,gamma\n");
    REQUIRE(folder.ir.nodes.size() == 3);
    CHECK(folder.ir.nodes[0].name == "alpha");
    CHECK(folder.ir.nodes[0].as_written == "Alpha");
    CHECK(folder.ir.nodes[2].where == hakit::location{"n1/ha.cf", 1, 17});
    CHECK(folder.ir.find_node("ALPHA") == &folder.ir.nodes[0]);
}

TEST_CASE("bcast and ucast take udpport as it was at their plugin's first line", "[resolve]") {
    const auto folder = ha_cf("bcast eth0 eth1\nudpport 695\nucast eth2 192.0.2.7\nudp eth3\n"
                              "mcast eth4 239.0.0.9 700 1 0\nserial /dev/ttyS0\n");
    const auto& media = folder.ir.media;
    REQUIRE(media.size() == 6);
    CHECK(media[0].kind == hakit::ir::medium_kind::bcast);
    CHECK(media[0].port == 694);
    CHECK(media[1].device == "eth1");
    CHECK(media[2].kind == hakit::ir::medium_kind::ucast);
    CHECK(media[2].peer == "192.0.2.7");
    CHECK(media[2].peer_where == hakit::location{"n1/ha.cf", 3, 12});
    CHECK(media[2].port == 695);
    CHECK(media[3].kind == hakit::ir::medium_kind::bcast); // udp is the old name of bcast
    CHECK(media[3].port == 694); // the bcast plugin read udpport at its first line
    CHECK(media[4].group == "239.0.0.9");
    CHECK(media[4].port == 700);
    CHECK(media[4].ttl == 1);
    CHECK(media[5].kind == hakit::ir::medium_kind::serial);
    CHECK(media[5].baud == 19200);

    const auto later = ha_cf("ucast eth0 192.0.2.1\nudpport 700\nucast eth1 192.0.2.2\n"
                             "bcast eth2\n");
    REQUIRE(later.ir.media.size() == 3);
    CHECK(later.ir.media[1].port == 694); // the ucast plugin keeps its first line's port
    CHECK(later.ir.media[2].port == 700); // the bcast plugin's first line comes after udpport
}

TEST_CASE("mcast fields are checked like the plugin does", "[resolve]") {
    const auto folder = ha_cf("mcast eth0 10.0.0.1 694 5 2\n");
    CHECK(folder.ir.media.empty());
    CHECK(problem_texts(folder) ==
          std::vector<std::string>{
              "n1/ha.cf:1:12: mcast group '10.0.0.1' is not a multicast address (224.0.0.0/4)",
              "n1/ha.cf:1:25: mcast ttl '5' must be 0..4 (Heartbeat 3.0.6 refuses more, "
              "whatever its docs say)",
              "n1/ha.cf:1:27: mcast loop '2' must be 0 or 1"});
}

TEST_CASE("ping and ping_group make ping nodes", "[resolve]") {
    const auto folder = ha_cf("ping 192.0.2.1 192.0.2.2\nping_group gw 192.0.2.3 192.0.2.4\n");
    REQUIRE(folder.ir.ping_nodes.size() == 3);
    CHECK(folder.ir.ping_nodes[2].kind == hakit::ir::ping_kind::ping_group);
    CHECK(folder.ir.ping_nodes[2].hosts == std::vector<std::string>{"192.0.2.3", "192.0.2.4"});
}

TEST_CASE("booleans, facilities and choices", "[resolve]") {
    const auto folder = ha_cf("auto_failback Yes\nlogfacility LOCAL0\nuse_logd no\n"
                              "hbgenmethod FILE\ncoredumps maybe\n");
    CHECK(folder.ir.failback.v == hakit::ir::failback_policy::on);
    REQUIRE(folder.ir.log.use_logd);
    CHECK_FALSE(folder.ir.log.use_logd->v);
    CHECK_FALSE(folder.ir.log.logfacility);
    CHECK(problem_texts(folder) ==
          std::vector<std::string>{
              "n1/ha.cf:2:13: logfacility 'LOCAL0' is not a syslog facility (names are lower "
              "case: daemon, local0..local7, ..., or none)",
              "n1/ha.cf:4:13: hbgenmethod 'FILE' is not one of: file, time (case-sensitive)",
              "n1/ha.cf:5:11: coredumps 'maybe' is not a boolean (on/off, yes/no, true/false, "
              "y/n, 1/0)"});
}

TEST_CASE("nice_failback depends on what came before it", "[resolve]") {
    CHECK(ha_cf("nice_failback on\nauto_failback on\n").ir.failback.v ==
          hakit::ir::failback_policy::on);
    CHECK(ha_cf("nice_failback on\n").ir.failback.v == hakit::ir::failback_policy::legacy);
    CHECK(ha_cf("nice_failback off\n").ir.failback.v == hakit::ir::failback_policy::legacy);
    CHECK(ha_cf("auto_failback on\nnice_failback on\n").ir.failback.v ==
          hakit::ir::failback_policy::off);
}

TEST_CASE("directives Heartbeat refuses twice, or in the wrong order", "[resolve]") {
    const auto folder = ha_cf("baud 19200\nbaud 38400\nwatchdog /dev/watchdog\n"
                              "watchdog /dev/watchdog\ncrm on\npacemaker on\n"
                              "crmd_spawns_pengine yes\n");
    std::vector<problem_kind> kinds;
    for (const auto& p : folder.ir.problems) {
        kinds.push_back(p.kind);
    }
    CHECK(kinds == std::vector<problem_kind>{
                       problem_kind::repeated_directive, problem_kind::repeated_directive,
                       problem_kind::repeated_directive, problem_kind::misplaced_directive});
    CHECK(folder.ir.problems[0].notes.at(0).where == hakit::location{"n1/ha.cf", 1, 6});
    CHECK(folder.ir.pacemaker_enabled);
}

TEST_CASE("crm_daemon_dir is only accepted after pacemaker (Heartbeat's inverted check)",
          "[resolve]") {
    CHECK(ha_cf("crm_daemon_dir /usr/lib/pacemaker\n").ir.problems.size() == 1);
    CHECK(ha_cf("pacemaker on\ncrm_daemon_dir /usr/lib/pacemaker\n").ir.problems.empty());
}

TEST_CASE("respawn needs a full path; apiauth needs ids", "[resolve]") {
    const auto folder =
        ha_cf("respawn hacluster ipfail\nrespawn hacluster /usr/lib/heartbeat/ipfail\n"
              "apiauth ipfail uid=hacluster,root gid=haclient\n"
              "apiauth ipfail uid=root\n");
    REQUIRE(folder.ir.children.size() == 1);
    CHECK(folder.ir.children[0].command == "/usr/lib/heartbeat/ipfail");
    REQUIRE(folder.ir.api_auths.size() == 1);
    CHECK(folder.ir.api_auths[0].uids == std::vector<std::string>{"hacluster", "root"});
    CHECK(folder.ir.api_auths[0].gids == std::vector<std::string>{"haclient"});
    REQUIRE(folder.ir.problems.size() == 2);
    CHECK(folder.ir.problems[0].kind == problem_kind::invalid_value);
    CHECK(folder.ir.problems[0].where == hakit::location{"n1/ha.cf", 1, 19});
    CHECK(folder.ir.problems[1].kind == problem_kind::repeated_directive);
}

TEST_CASE("CRLF and a missing final newline change nothing", "[resolve]") {
    const auto crlf = ha_cf("keepalive 2\r\ndeadtime 30\r\nnode a\r\n");
    const auto bare = ha_cf("keepalive 2\ndeadtime 30\nnode a");
    CHECK(crlf.ir.times.keepalive_ms.v == 2000);
    CHECK(crlf.ir.times.deadtime_ms.v == bare.ir.times.deadtime_ms.v);
    CHECK(crlf.ir.nodes.at(0).name == "a");
    CHECK(bare.ir.nodes.at(0).name == "a");
    CHECK(crlf.ir.problems.empty());
}

TEST_CASE("authkeys: auth1, active key, indexes and methods", "[resolve]") {
    const auto folder = folder_with({{"authkeys", "auth1\n1 sha1 0123456789abcdef\n"
                                                  "2 md5 secretsecret\n16 sha1 x\n3 SHA1 y\n"}});
    const auto& auth = folder.ir.auth;
    CHECK(auth.present);
    REQUIRE(auth.active);
    CHECK(auth.active->v == 1);
    CHECK(auth.active->where == hakit::location{"n1/authkeys", 1, 5});
    REQUIRE(auth.keys.size() == 2);
    CHECK(auth.keys.at(1).method == hakit::ir::auth_method::sha1);
    CHECK(auth.keys.at(1).key->reveal() == "0123456789abcdef");
    CHECK(auth.keys.at(2).method == hakit::ir::auth_method::md5);
    CHECK(problem_texts(folder) ==
          std::vector<std::string>{
              "n1/authkeys:4:1: authkeys index 16 is outside 0..15 (Heartbeat: \"Invalid "
              "authnum [16]\")",
              "n1/authkeys:5:3: 'SHA1' is not an auth method: Heartbeat has crc, md5 and sha1 "
              "(lower case)"});
}

TEST_CASE("authkeys: a key line before its auth line is not selected", "[resolve]") {
    const auto folder = folder_with({{"authkeys", "1 sha1 abc\nauth 1\n"}});
    CHECK_FALSE(folder.ir.auth.active);
    CHECK(folder.ir.auth.auth_lines.size() == 1);
}

TEST_CASE("authkeys: '1 crc # comment' makes '#' the crc key", "[resolve]") {
    const auto folder = folder_with({{"authkeys", "auth 1\n1 crc # comment\n"}});
    REQUIRE(folder.ir.auth.keys.at(1).key);
    CHECK(folder.ir.auth.keys.at(1).key->reveal() == "#");
    CHECK(folder.ir.auth.active->v == 1);
}

TEST_CASE("haresources: groups, owners lowercased, IPaddr split", "[resolve]") {
    const auto folder =
        folder_with({{"haresources", "Node1 IPaddr::192.0.2.10/24/eth0/192.0.2.255 \\\n"
                                     "  Filesystem::/dev/sda1::/data::ext3 httpd\n"
                                     "node2 198.51.100.5 # comment\n"}});
    const auto& groups = folder.ir.groups;
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].owner.v == "node1");
    CHECK(groups[0].key == "IPaddr::192.0.2.10/24/eth0/192.0.2.255");
    REQUIRE(groups[0].resources.size() == 3);
    const auto& ip = groups[0].resources[0].ip;
    REQUIRE(ip);
    CHECK(ip->ip == "192.0.2.10");
    CHECK(ip->cidr_bits == 24);
    CHECK(ip->nic == "eth0");
    CHECK(ip->broadcast == "192.0.2.255");
    CHECK(groups[0].resources[1].args == std::vector<std::string>{"/dev/sda1", "/data", "ext3"});
    CHECK(groups[0].resources[1].where == hakit::location{"n1/haresources", 2, 3});
    CHECK(groups[1].resources.size() == 1);
    CHECK(groups[1].resources[0].bare_ip);
    CHECK(groups[1].resources[0].script == "IPaddr");
    REQUIRE(groups[1].resources[0].ip);
    CHECK(groups[1].resources[0].ip->ip == "198.51.100.5");
}

TEST_CASE("haresources: '#' on a continuation line becomes resources", "[resolve]") {
    const auto folder = folder_with({{"haresources", "node1 10.0.0.1 \\\n  httpd # trailing\n"}});
    REQUIRE(folder.ir.groups.size() == 1);
    std::vector<std::string> scripts;
    for (const auto& r : folder.ir.groups[0].resources) {
        scripts.push_back(r.script);
    }
    CHECK(scripts == std::vector<std::string>{"IPaddr", "httpd", "#", "trailing"});
}

TEST_CASE("local node name: nodeinfo first, then the given name, both lowercased", "[resolve]") {
    const auto from_file = folder_with({{"ha.cf", "node a\n"}, {"nodeinfo", "Srv5\n"}});
    REQUIRE(from_file.ir.local_name);
    CHECK(from_file.ir.local_name->v == "srv5");
    CHECK(from_file.ir.local_name->where == hakit::location{"n1/nodeinfo", 1, 1});
    const auto both = folder_with({{"ha.cf", "node a\n"}, {"nodeinfo", "srv5\n"}}, "A");
    CHECK(both.ir.local_name->v == "srv5");
    const auto given = folder_with({{"ha.cf", "node a\n"}}, "A");
    CHECK(given.ir.local_name->v == "a");
    CHECK(given.ir.local_name->where == hakit::location{"n1", 0, 0});
    const auto crlf = folder_with({{"nodeinfo", "srv5\r\n"}});
    CHECK(crlf.ir.local_name->v == "srv5\r"); // Heartbeat keeps the '\r' too
}

TEST_CASE("the directive table and the grammar agree on which directives take the whole line",
          "[resolve]") {
    for (const auto& entry : hakit::resolve::all_directives()) {
        INFO(entry.name);
        CHECK((entry.whole_line != nullptr) == hakit::grammar::is_whole_line_directive(entry.name));
        CHECK((entry.whole_line != nullptr) != (entry.per_token != nullptr));
    }
}
