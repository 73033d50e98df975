// Where harun puts a service address ahead of the IPaddr scripts (early address claim), as the
// wrappers' findif would: pure, from a list of the node's addresses.
#include <hakit/runtime/daemon/address_claim.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

using namespace hakit::runtime;
using daemon::address_claim;
using daemon::interface_address;

namespace {

interface_address on(const std::string& device, const std::string& label, const char* ip,
                     int prefix) {
    return {device, label, *daemon::parse_dotted(ip), prefix};
}

const std::vector<interface_address> node_addresses{
    on("lo", "lo", "127.0.0.1", 8),
    on("eth0", "eth0", "198.51.100.11", 24),
    on("eth1", "eth1", "192.0.2.1", 24),
};

node::ip_arguments vip(const std::string& ip) {
    node::ip_arguments arguments;
    arguments.ip = ip;
    return arguments;
}

address_claim claimed(const node::ip_arguments& ip,
                      const std::vector<interface_address>& present = node_addresses) {
    auto planned = daemon::plan_address_claim(ip, present);
    INFO((std::holds_alternative<std::string>(planned) ? std::get<std::string>(planned) : ""));
    REQUIRE(std::holds_alternative<address_claim>(planned));
    return std::get<address_claim>(planned);
}

std::string refused(const node::ip_arguments& ip,
                    const std::vector<interface_address>& present = node_addresses) {
    auto planned = daemon::plan_address_claim(ip, present);
    REQUIRE(std::holds_alternative<std::string>(planned));
    return std::get<std::string>(planned);
}

} // namespace

TEST_CASE("address claim: a bare address goes on the interface whose subnet contains it, with "
          "that subnet's mask and broadcast and the first free label",
          "[runtime][daemon]") {
    const address_claim claim = claimed(vip("198.51.100.100"));
    CHECK(claim.device == "eth0");
    CHECK(claim.prefix == 24);
    CHECK(claim.label == "eth0:0");
    REQUIRE(claim.broadcast);
    CHECK(daemon::dotted(*claim.broadcast) == "198.51.100.255");
    CHECK(daemon::dotted(claim.address) == "198.51.100.100");
}

TEST_CASE("address claim: the nic, netmask and broadcast given in the resource win",
          "[runtime][daemon]") {
    node::ip_arguments ip = vip("203.0.113.7");
    ip.cidr_netmask = 28;
    ip.netmask = "28";
    ip.nic = "eth1";
    ip.broadcast = "203.0.113.15";
    const address_claim claim = claimed(ip);
    CHECK(claim.device == "eth1");
    CHECK(claim.prefix == 28);
    CHECK(daemon::dotted(*claim.broadcast) == "203.0.113.15");

    ip.broadcast.reset();
    CHECK(daemon::dotted(*claimed(ip).broadcast) == "203.0.113.15");
    ip.cidr_netmask = 32;
    CHECK_FALSE(claimed(ip).broadcast); // a host address has no broadcast
}

TEST_CASE("address claim: labels already used on the device are skipped", "[runtime][daemon]") {
    std::vector<interface_address> present = node_addresses;
    present.push_back(on("eth0", "eth0:0", "198.51.100.101", 24));
    present.push_back(on("eth0", "eth0:1", "198.51.100.102", 24));
    CHECK(claimed(vip("198.51.100.100"), present).label == "eth0:2");
}

TEST_CASE("address claim: left to the script when harun cannot place it as findif would",
          "[runtime][daemon]") {
    CHECK(refused(vip("198.51.100.11")) == "198.51.100.11 is configured already");
    CHECK(refused(vip("203.0.113.5")) == "no interface is on a subnet that contains 203.0.113.5");
    CHECK(refused(vip("not-an-ip")) == "'not-an-ip' is not an IPv4 address");

    std::vector<interface_address> two = node_addresses;
    two.push_back(on("eth2", "eth2", "198.51.100.200", 25));
    CHECK(refused(vip("198.51.100.130"), two) ==
          "several interfaces are on a subnet that contains 198.51.100.130");

    node::ip_arguments on_other_nic = vip("203.0.113.5");
    on_other_nic.nic = "eth1";
    CHECK(refused(on_other_nic) ==
          "no netmask given and eth1 has no subnet that contains 203.0.113.5");

    node::ip_arguments zero = vip("198.51.100.100");
    zero.cidr_netmask = 0;
    zero.netmask = "0";
    CHECK(refused(zero) == "netmask /0 cannot carry a service address");

    node::ip_arguments long_nic = vip("198.51.100.100");
    long_nic.nic = "enp0s31f6abcdef";
    long_nic.cidr_netmask = 24;
    CHECK(refused(long_nic) == "no free label on enp0s31f6abcdef (labels are at most 15 "
                               "characters)");
}
