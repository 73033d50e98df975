// Value parsers against the behaviour measured on Heartbeat 3.0.6 / cluster-glue (reference
// §1.2-§1.4), and against the C library where we re-implement one of its functions.
#include "support/corpus_manifest.hpp"

#include <hakit/compiler/ir.hpp>
#include <hakit/compiler/load.hpp>
#include <hakit/compiler/values.hpp>

#include <catch2/catch.hpp>
#include <climits>

#include <arpa/inet.h>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace hakit;

namespace {

struct msec_case {
    std::string text;
    std::optional<long> expected;
};

} // namespace

TEST_CASE("parse_msec reproduces the values measured with libplumb's cl_get_msec") {
    const std::vector<msec_case> measured{
        {"1", 1000},          {"1.5", 1500},          {".5", 500},          {"0.1", 100},
        {"1500MS", 1500},     {"10msec", 10},         {"501us", 1},         {"499us", 0},
        {"2s", std::nullopt}, {"5min", std::nullopt}, {"-1", std::nullopt}, {"1,5", std::nullopt},
        {"1.2.3", 1200},      {"1e3", std::nullopt},  {"  2", 2000},        {"2 ms", 2},
        {"", std::nullopt},
    };
    for (const auto& [text, expected] : measured) {
        INFO("cl_get_msec(\"" << text << "\")");
        CHECK(values::parse_msec(text) == expected);
    }
}

TEST_CASE("parse_msec follows cl_get_msec on inputs the reference derives from the source") {
    const std::vector<msec_case> derived{
        // Suffixes: only the first two letters count, in any case.
        {"2Ms", 2},
        {"2mS", 2},
        {"5msfoo", 5},
        {"7US", 0},
        {"1500us", 2}, // 1.5 + 0.5 truncates to 2
        {"1499usec", 1},
        {"2.5ms", 3}, // rounding is half up
        {"2.4ms", 2},
        // Whitespace: leading and before the suffix or the end is skipped.
        {"\t3", 3000},
        {"2 \t", 2000},
        {"2\r", 2000},
        {"4\n", 4000},
        {"2\tms", 2},
        // The numeric part is the longest run of [0-9.], read by atof.
        {".", 0},
        {"5.", 5000},
        {"1.2.3ms", 1},
        {"0.0.5", 0},
        {"007", 7000},
        // Anything else after the number is an error.
        {"2 s", std::nullopt},
        {"0x2", std::nullopt},
        {"2h", std::nullopt},
        {"1 5", std::nullopt},
        {"+2", std::nullopt},
        {"abc", std::nullopt},
        {"   ", std::nullopt},
        {"ms", std::nullopt},
    };
    for (const auto& [text, expected] : derived) {
        INFO("cl_get_msec(\"" << text << "\")");
        CHECK(values::parse_msec(text) == expected);
    }
}

TEST_CASE("parse_msec stops at a NUL byte as the C function does") {
    using namespace std::string_literals;
    CHECK(values::parse_msec("3\0ms"s) == 3000);
    CHECK(values::parse_msec("\0"s
                             "3"s) == std::nullopt);
}

TEST_CASE("parse_msec rejects values too large for a long instead of overflowing") {
    CHECK(values::parse_msec(std::string(400, '9')) == std::nullopt);
    CHECK(values::parse_msec("9223372036854775807") == std::nullopt); // * 1000 overflows
    CHECK(values::parse_msec("1000000000000ms") == 1000000000000L);
    // Underflow in atof is (nearly) zero, not an error.
    CHECK(values::parse_msec("0." + std::string(400, '0') + "1") == 0);
}

TEST_CASE("parse_boolean accepts exactly cl_str_to_boolean's words, in any case") {
    for (const char* word : {"true", "TRUE", "on", "On", "yes", "YeS", "y", "Y", "1"}) {
        INFO(word);
        CHECK(values::parse_boolean(word) == true);
    }
    for (const char* word : {"false", "False", "off", "OFF", "no", "No", "n", "N", "0"}) {
        INFO(word);
        CHECK(values::parse_boolean(word) == false);
    }
    for (const char* word : {"2", "enable", "", "yes ", " on", "tru", "offf", "nein", "01"}) {
        INFO(word);
        CHECK_FALSE(values::parse_boolean(word).has_value());
    }
}

TEST_CASE("is_syslog_facility knows the glibc names and none, case-sensitively") {
    for (const char* name :
         {"auth",   "authpriv", "cron",     "daemon", "ftp",    "kern",   "lpr",    "mail",
          "mark",   "news",     "security", "syslog", "user",   "uucp",   "local0", "local1",
          "local2", "local3",   "local4",   "local5", "local6", "local7", "none"}) {
        INFO(name);
        CHECK(values::is_syslog_facility(name));
    }
    for (const char* name :
         {"LOCAL0", "Daemon", "local8", "local10", "local", "", "daemon ", "kernel", "NONE"}) {
        INFO(name);
        CHECK_FALSE(values::is_syslog_facility(name));
    }
}

TEST_CASE("c_atoi behaves like C atoi and saturates") {
    CHECK(values::c_atoi("42") == 42);
    CHECK(values::c_atoi("  -7x") == -7);
    CHECK(values::c_atoi("+5") == 5);
    CHECK(values::c_atoi("\t\n12") == 12);
    CHECK(values::c_atoi("0x10") == 0);
    CHECK(values::c_atoi("abc") == 0);
    CHECK(values::c_atoi("") == 0);
    CHECK(values::c_atoi("- 3") == 0);
    CHECK(values::c_atoi("300 ms") == 300);
    CHECK(values::c_atoi("9223372036854775807") == LONG_MAX);
    CHECK(values::c_atoi("-9223372036854775808") == LONG_MIN);
    CHECK(values::c_atoi("99999999999999999999999") == LONG_MAX);
    CHECK(values::c_atoi("-99999999999999999999999") == LONG_MIN);
}

TEST_CASE("is_integer wants an optional sign and at least one digit, nothing else") {
    for (const char* text : {"0", "12", "-3", "+4", "0007"}) {
        INFO(text);
        CHECK(values::is_integer(text));
    }
    for (const char* text : {"", "-", "+", "1a", " 1", "1 ", "1.0", "--1", "0x1"}) {
        INFO(text);
        CHECK_FALSE(values::is_integer(text));
    }
}

TEST_CASE("is_valid_baud accepts the seven rates heartbeat knows") {
    for (const long rate : {9600L, 19200L, 38400L, 57600L, 115200L, 230400L, 460800L}) {
        CHECK(values::is_valid_baud(rate));
    }
    for (const long rate : {0L, -9600L, 4800L, 9601L, 921600L}) {
        CHECK_FALSE(values::is_valid_baud(rate));
    }
}

TEST_CASE("parse_ipv4 returns the four octets") {
    const auto address = values::parse_ipv4("192.0.2.10");
    REQUIRE(address.has_value());
    CHECK(*address == std::array<std::uint8_t, 4>{192, 0, 2, 10});
    CHECK(values::parse_ipv4("0.0.0.0") == std::array<std::uint8_t, 4>{0, 0, 0, 0});
    CHECK(values::parse_ipv4("255.255.255.255") == std::array<std::uint8_t, 4>{255, 255, 255, 255});
    for (const char* text : {"1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", " 1.2.3.4",
                             "1.2.3.4 ", "", "a.b.c.d", "1.2.3.4/24", "1.2.3.", ".1.2.3"}) {
        INFO(text);
        CHECK_FALSE(values::parse_ipv4(text).has_value());
    }
}

namespace {

// Inputs on which our inet_pton ports must agree with the C library's.
const std::vector<std::string> address_inputs{
    "",
    "1.2.3.4",
    "0.0.0.0",
    "255.255.255.255",
    "256.0.0.1",
    "1.2.3",
    "1.2.3.4.5",
    "01.2.3.4",
    "1.02.3.4",
    "1.2.3.0",
    "1..2.3",
    "1.2.3.4.",
    ".1.2.3.4",
    "1.2.3.-4",
    "1.2.3.4a",
    "a.b.c.d",
    "224.0.0.1",
    "0x1.2.3.4",
    "1234.1.1.1",
    "::",
    ":::",
    "::1",
    "1::",
    "1:",
    ":1",
    "fe80::1",
    "FE80::ABCD",
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8::",
    "::1:2:3:4:5:6:7:8",
    "1::2::3",
    "12345::",
    "1:2:3:4:5:6:7:",
    "g::1",
    "::ffff:1.2.3.4",
    "::1.2.3.4",
    "1:2:3:4:5:6:1.2.3.4",
    "1:2:3:4:5:6:7:1.2.3.4",
    "1:2:3:4:5:1.2.3.4",
    "::1.2.3",
    "::1.2.3.4:5",
    "1.2.3.4::",
    "ff02::1",
    "ff02::1%eth0",
    "0:0:0:0:0:0:0:0",
    "00000::1",
    "0000::1",
    "1:2:3:4:5:6::1.2.3.4",
    "::ffff:01.2.3.4",
    "2001:db8::",
    "[::1]",
    " ::1",
    "::1 ",
};

} // namespace

TEST_CASE("parse_ipv4 and is_ipv6 agree with the C library's inet_pton") {
    for (const auto& text : address_inputs) {
        INFO("inet_pton(\"" << text << "\")");
        std::array<unsigned char, 16> buffer{};
        const bool c_v4 = ::inet_pton(AF_INET, text.c_str(), buffer.data()) == 1;
        CHECK(values::parse_ipv4(text).has_value() == c_v4);
        const bool c_v6 = ::inet_pton(AF_INET6, text.c_str(), buffer.data()) == 1;
        CHECK(values::is_ipv6(text) == c_v6);
    }
}

TEST_CASE("multicast checks use 224.0.0.0/4 and ff00::/8") {
    CHECK(values::is_ipv4_multicast("224.0.0.1"));
    CHECK(values::is_ipv4_multicast("225.0.0.1"));
    CHECK(values::is_ipv4_multicast("239.255.255.255"));
    CHECK_FALSE(values::is_ipv4_multicast("223.255.255.255"));
    CHECK_FALSE(values::is_ipv4_multicast("240.0.0.1"));
    CHECK_FALSE(values::is_ipv4_multicast("10.0.0.1"));
    CHECK_FALSE(values::is_ipv4_multicast("ff02::1"));
    CHECK_FALSE(values::is_ipv4_multicast("224.0.0"));

    CHECK(values::is_ipv6_multicast("ff02::1"));
    CHECK(values::is_ipv6_multicast("FF05::1:3"));
    CHECK_FALSE(values::is_ipv6_multicast("fe80::1"));
    CHECK_FALSE(values::is_ipv6_multicast("::ff"));
    CHECK_FALSE(values::is_ipv6_multicast("224.0.0.1"));
    CHECK_FALSE(values::is_ipv6_multicast("ff02::1::"));
}

TEST_CASE("ASCII case helpers leave other bytes alone") {
    CHECK(values::to_lower_ascii("Node1-ÉTÉ") == "node1-ÉtÉ");
    CHECK(values::to_lower_ascii("") == "");
    CHECK(values::iequals("Node1", "NODE1"));
    CHECK(values::iequals("", ""));
    CHECK_FALSE(values::iequals("node1", "node2"));
    CHECK_FALSE(values::iequals("a", "ab"));
    CHECK_FALSE(values::iequals("É", "é"));
}

TEST_CASE("IR enums have Heartbeat's names") {
    CHECK(ir::to_string(ir::medium_kind::bcast) == "bcast");
    CHECK(ir::to_string(ir::medium_kind::mcast) == "mcast");
    CHECK(ir::to_string(ir::medium_kind::mcast6) == "mcast6");
    CHECK(ir::to_string(ir::medium_kind::ucast) == "ucast");
    CHECK(ir::to_string(ir::medium_kind::ucast6) == "ucast6");
    CHECK(ir::to_string(ir::medium_kind::serial) == "serial");
    CHECK(ir::to_string(ir::failback_policy::on) == "on");
    CHECK(ir::to_string(ir::failback_policy::off) == "off");
    CHECK(ir::to_string(ir::failback_policy::legacy) == "legacy");
    CHECK(to_string(file_kind::ha_cf) == "ha.cf");
    CHECK(to_string(file_kind::haresources) == "haresources");
    CHECK(to_string(file_kind::authkeys) == "authkeys");
}

TEST_CASE("find_node matches node names case-insensitively") {
    ir::node_config config;
    config.nodes.push_back({"node1", "Node1", location{"ha.cf", 3, 6}});
    config.nodes.push_back({"node2", "NODE2", location{"ha.cf", 3, 12}});

    const auto* first = config.find_node("NODE1");
    REQUIRE(first != nullptr);
    CHECK(first->as_written == "Node1");
    const auto* second = config.find_node("node2");
    REQUIRE(second != nullptr);
    CHECK(second->where.column == 12);
    CHECK(config.find_node("node3") == nullptr);
    CHECK(config.find_node("") == nullptr);
    CHECK(ir::node_config{}.find_node("node1") == nullptr);
}

TEST_CASE("file_kind_from_name recognises the file names found in the corpus") {
    const std::vector<std::pair<std::string, std::optional<file_kind>>> names{
        {"ha.cf", file_kind::ha_cf},
        {"ha.cf.j2", file_kind::ha_cf},
        {"1ha.cf", file_kind::ha_cf},
        {"ha.cf_bckup", file_kind::ha_cf},
        {"haresources", file_kind::haresources},
        {"__haresources__", file_kind::haresources},
        {"haresources.txt", file_kind::haresources},
        {"webServersharesources.j2", file_kind::haresources},
        {"authkeys", file_kind::authkeys},
        {"heartbeat_authkeys.conf", file_kind::authkeys},
        {"authkeys.erb", file_kind::authkeys},
        {"/etc/ha.d/haresources", file_kind::haresources},
        {"ha.cf.d/authkeys", file_kind::authkeys}, // only the base name counts
        {"haresources/ha.cf", file_kind::ha_cf},
        {"nodeinfo", std::nullopt},
        {"ha.d", std::nullopt},
        {"hacf", std::nullopt},
        {"HA.CF", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& [name, kind] : names) {
        INFO(name);
        CHECK(file_kind_from_name(name) == kind);
    }
}

TEST_CASE("file_kind_from_name agrees with the corpus manifest for every file") {
    int rows = 0;
    for (const test::corpus_file& row : test::read_corpus_manifest()) {
        const auto kind = file_kind_from_name(row.file);
        INFO(row.folder << "/" << row.file);
        REQUIRE(kind.has_value());
        CHECK(to_string(*kind) == row.type);
        ++rows;
    }
    CHECK(rows > 200);
}

TEST_CASE("a node folder expects every file, a single file only its own kind") {
    node_folder folder;
    CHECK(folder.expects(file_kind::ha_cf));
    CHECK(folder.expects(file_kind::haresources));
    CHECK(folder.expects(file_kind::authkeys));

    folder.single_file = true;
    folder.single_kind = file_kind::haresources;
    CHECK_FALSE(folder.expects(file_kind::ha_cf));
    CHECK(folder.expects(file_kind::haresources));
    CHECK_FALSE(folder.expects(file_kind::authkeys));
}
