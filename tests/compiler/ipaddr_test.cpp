// Splitting IPaddr / IPaddr2 arguments as the Heartbeat wrappers do (reference §2.7, corpus
// notes §2), and the problems we report for arguments the resource agent would reject.
#include "ipaddr.hpp"

#include <catch2/catch.hpp>

#include <string>

using hakit::ipaddr::split_argument;

TEST_CASE("an IPaddr argument with every field") {
    const auto split = split_argument("192.0.2.10/24/eth0/192.0.2.255");
    CHECK(split.problem.empty());
    CHECK(split.args.ip == "192.0.2.10");
    CHECK(split.args.netmask == "24");
    CHECK(split.args.cidr_bits == 24);
    CHECK(split.args.nic == "eth0");
    CHECK(split.args.broadcast == "192.0.2.255");
}

TEST_CASE("a bare IP has no optional fields") {
    const auto split = split_argument("10.0.0.5");
    CHECK(split.problem.empty());
    CHECK(split.args.ip == "10.0.0.5");
    CHECK_FALSE(split.args.netmask.has_value());
    CHECK_FALSE(split.args.cidr_bits.has_value());
    CHECK_FALSE(split.args.nic.has_value());
    CHECK_FALSE(split.args.broadcast.has_value());
}

TEST_CASE("slashes right after the ip are eaten, as the wrapper's sed does") {
    const auto split = split_argument("10.0.30.15//8/eth0:10");
    CHECK(split.problem.empty());
    CHECK(split.args.ip == "10.0.30.15");
    CHECK(split.args.netmask == "8");
    CHECK(split.args.cidr_bits == 8);
    CHECK(split.args.nic == "eth0:10");
    CHECK_FALSE(split.args.broadcast.has_value());

    const auto only_slashes = split_argument("10.0.30.15//");
    CHECK(only_slashes.problem.empty());
    CHECK_FALSE(only_slashes.args.netmask.has_value());
}

TEST_CASE("a run of slashes between the fields is one separator, as the wrapper's sed reads it") {
    const auto split = split_argument("1.2.3.4/24//eth0");
    CHECK(split.problem.empty());
    CHECK(split.args.cidr_bits == 24);
    CHECK(split.args.nic == "eth0");
    CHECK_FALSE(split.args.broadcast.has_value());

    const auto broadcast = split_argument("1.2.3.4/24/eth0///1.2.3.255");
    CHECK(broadcast.problem.empty());
    CHECK(broadcast.args.nic == "eth0");
    CHECK(broadcast.args.broadcast == "1.2.3.255");
}

TEST_CASE("a trailing slash is fine") {
    const auto split = split_argument("1.2.3.4/24/eth0/");
    CHECK(split.problem.empty());
    CHECK(split.args.netmask == "24");
    CHECK(split.args.nic == "eth0");
    CHECK_FALSE(split.args.broadcast.has_value());

    const auto after_mask = split_argument("1.2.3.4/24/");
    CHECK(after_mask.problem.empty());
    CHECK(after_mask.args.cidr_bits == 24);
    CHECK_FALSE(after_mask.args.nic.has_value());
}

TEST_CASE("a third field starting with a digit is the broadcast, not the nic") {
    const auto split = split_argument("1.2.3.4/24/1.2.3.255");
    CHECK(split.problem.empty());
    CHECK(split.args.broadcast == "1.2.3.255");
    CHECK_FALSE(split.args.nic.has_value());
}

TEST_CASE("an IPaddr2 nic label is kept whole") {
    const auto split = split_argument("192.168.1.100/24/eth1:web/192.168.1.255");
    CHECK(split.problem.empty());
    CHECK(split.args.nic == "eth1:web");
    CHECK(split.args.broadcast == "192.168.1.255");
}

TEST_CASE("a dotted netmask is kept as written and converted to bits") {
    const auto split = split_argument("1.2.3.4/255.255.255.0");
    CHECK(split.problem.empty());
    CHECK(split.args.netmask == "255.255.255.0");
    CHECK(split.args.cidr_bits == 24);

    CHECK(split_argument("1.2.3.4/255.255.255.255").args.cidr_bits == 32);
    CHECK(split_argument("1.2.3.4/255.255.128.0").args.cidr_bits == 17);
    CHECK(split_argument("1.2.3.4/0.0.0.0").args.cidr_bits == 0);
}

TEST_CASE("a non-contiguous dotted netmask is a problem") {
    const auto split = split_argument("1.2.3.4/255.0.255.0");
    CHECK(split.problem == "netmask 255.0.255.0 is not contiguous");
    CHECK(split.args.netmask == "255.0.255.0");
    CHECK_FALSE(split.args.cidr_bits.has_value());
    CHECK(split_argument("1.2.3.4/0.255.255.255").problem ==
          "netmask 0.255.255.255 is not contiguous");
}

TEST_CASE("netmask bits must be 0..32") {
    CHECK(split_argument("1.2.3.4/0").problem.empty());
    CHECK(split_argument("1.2.3.4/32").args.cidr_bits == 32);

    const auto too_many = split_argument("1.2.3.4/33/eth0");
    CHECK(too_many.problem == "netmask /33 is not in 0..32");
    CHECK_FALSE(too_many.args.cidr_bits.has_value());
    CHECK(too_many.args.nic == "eth0");

    CHECK(split_argument("1.2.3.4/-1").problem == "netmask /-1 is not in 0..32");
    CHECK(split_argument("1.2.3.4/99999999999999999999").problem ==
          "netmask /99999999999999999999 is not in 0..32");
}

TEST_CASE("a netmask that is neither bits nor a dotted mask is a problem") {
    const auto split = split_argument("1.2.3.4/eth0");
    CHECK(split.problem == "netmask 'eth0' is neither a bit count nor a dotted mask");
    CHECK(split.args.netmask == "eth0");
    CHECK(split_argument("1.2.3.4/24x").problem ==
          "netmask '24x' is neither a bit count nor a dotted mask");
}

TEST_CASE("an ip that is not an IPv4 address is a problem") {
    const auto not_an_address = split_argument("virtual-ip");
    CHECK(not_an_address.problem == "'virtual-ip' is not an IPv4 address");
    CHECK(not_an_address.args.ip == "virtual-ip");

    CHECK(split_argument("10.0.0.256/24").problem == "'10.0.0.256' is not an IPv4 address");
    CHECK(split_argument("NNN.NNN.NNN.NNN").problem == "'NNN.NNN.NNN.NNN' is not an IPv4 address");
    CHECK(split_argument("").problem == "the IP address is missing");
    CHECK(split_argument("/24").problem == "the IP address is missing");
}

TEST_CASE("the first problem is reported, but every field is still split") {
    const auto split = split_argument("virtual-ip/33/eth0");
    CHECK(split.problem == "'virtual-ip' is not an IPv4 address");
    CHECK(split.args.netmask == "33");
    CHECK(split.args.nic == "eth0");
}

TEST_CASE("a broadcast that is not an IPv4 address is a problem") {
    CHECK(split_argument("1.2.3.4/24/eth0/1.2.3").problem ==
          "broadcast '1.2.3' is not an IPv4 address");
    CHECK(split_argument("1.2.3.4/24/eth0/bcast").problem ==
          "broadcast 'bcast' is not an IPv4 address");
    CHECK(split_argument("1.2.3.4/24/1.2.3.256").problem ==
          "broadcast '1.2.3.256' is not an IPv4 address");
}

TEST_CASE("the broadcast must lie in the ip's network") {
    const auto split = split_argument("192.0.2.10/24/eth0/10.0.0.255");
    CHECK(split.problem == "broadcast 10.0.0.255 is not in 192.0.2.0/24");
    CHECK(split.args.broadcast == "10.0.0.255");

    CHECK(split_argument("10.1.2.3/255.255.0.0/10.1.255.255").problem.empty());
    CHECK(split_argument("10.1.2.3/255.255.0.0/10.2.255.255").problem ==
          "broadcast 10.2.255.255 is not in 10.1.0.0/16");
    CHECK(split_argument("10.1.2.3/0/eth0/192.168.0.255").problem.empty());
    CHECK(split_argument("10.1.2.3/32/eth0/10.1.2.4").problem ==
          "broadcast 10.1.2.4 is not in 10.1.2.3/32");
}

TEST_CASE("fields after the broadcast are a problem") {
    CHECK(split_argument("1.2.3.4/24/eth0/1.2.3.255/extra").problem ==
          "unexpected field 'extra' after the broadcast address");
    CHECK(split_argument("1.2.3.4/24/1.2.3.255/eth0").problem ==
          "unexpected field 'eth0' after the broadcast address");
    CHECK(split_argument("1.2.3.4/24/eth0/1.2.3.255/").problem.empty());
}

TEST_CASE("only IPaddr and IPaddr2 take an ip argument") {
    using hakit::ipaddr::takes_ip_argument;
    CHECK(takes_ip_argument("IPaddr"));
    CHECK(takes_ip_argument("IPaddr2"));
    CHECK_FALSE(takes_ip_argument("ipaddr"));
    CHECK_FALSE(takes_ip_argument("IPsrcaddr"));
    CHECK_FALSE(takes_ip_argument("IPv6addr"));
    CHECK_FALSE(takes_ip_argument("SendArp"));
    CHECK_FALSE(takes_ip_argument(""));
}
