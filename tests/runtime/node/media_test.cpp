#include "tool/process.hpp"

#include <hakit/runtime/node/media.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <thread>
#include <unistd.h>

namespace {

using hakit::runtime::node::media_set;
using hakit::runtime::node::medium;
using hakit::runtime::node::medium_kind;
using hakit::runtime::node::received_datagram;

constexpr std::uint16_t udpport = 694;

void ip(const std::vector<std::string>& args) {
    const auto result = hakit::test::run_process("ip", args);
    INFO("ip " << fmt::format("{}", fmt::join(args, " ")) << ": "
               << hakit::test::describe_end(result) << " " << result.err);
    REQUIRE((result.exited() && result.exit_code == 0));
}

// A named network namespace, deleted (with every device in it) when the object goes away.
class network_namespace {
  public:
    explicit network_namespace(std::string name) : name_(std::move(name)) {
        ip({"netns", "add", name_});
    }
    network_namespace(const network_namespace&) = delete;
    network_namespace& operator=(const network_namespace&) = delete;
    ~network_namespace() { hakit::test::run_process("ip", {"netns", "del", name_}); }

    const std::string& name() const { return name_; }

  private:
    std::string name_;
};

// Two network namespaces joined by a veth pair: a (192.0.2.1/24) and b (192.0.2.2/24).
// Members are destroyed even when setting up the pair fails half-way, so nothing is left.
class two_namespaces {
  public:
    two_namespaces()
        : a_(fmt::format("hakit-r4-{}-a", ::getpid())),
          b_(fmt::format("hakit-r4-{}-b", ::getpid())) {
        ip({"link", "add", device_a, "netns", a_.name(), "type", "veth", "peer", "name", device_b,
            "netns", b_.name()});
        configure(a_.name(), device_a, "192.0.2.1/24");
        configure(b_.name(), device_b, "192.0.2.2/24");
    }

    // Opens `media` from inside a namespace: a socket belongs to the namespace of the thread
    // that created it, and setns(CLONE_NEWNET) changes only the calling thread's.
    media_set open_in(bool in_a, const std::vector<medium>& media) const {
        const std::string name = in_a ? a_.name() : b_.name();
        std::optional<hakit::runtime::node::outcome<media_set>> opened;
        std::string setns_error;
        std::thread inside([&] {
            const int fd = ::open(fmt::format("/run/netns/{}", name).c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0 || ::setns(fd, CLONE_NEWNET) != 0) {
                setns_error = fmt::format("cannot enter namespace {}", name);
            } else {
                opened.emplace(media_set::open(media));
            }
            if (fd >= 0) {
                ::close(fd);
            }
        });
        inside.join();
        INFO(setns_error);
        REQUIRE(opened.has_value());
        INFO(opened->error());
        REQUIRE(opened->has_value());
        return std::move(opened->value());
    }

    static constexpr const char* device_a = "r4veth-a";
    static constexpr const char* device_b = "r4veth-b";

  private:
    static void configure(const std::string& ns, const std::string& device,
                          const std::string& address) {
        ip({"-n", ns, "link", "set", "lo", "up"});
        ip({"-n", ns, "addr", "add", address, "brd", "+", "dev", device});
        ip({"-n", ns, "link", "set", device, "up"});
    }

    network_namespace a_;
    network_namespace b_;
};

medium ucast(const std::string& device, const std::string& peer) {
    medium m;
    m.kind = medium_kind::ucast;
    m.device = device;
    m.peer = peer;
    m.port = udpport;
    return m;
}

medium bcast(const std::string& device) {
    medium m;
    m.kind = medium_kind::bcast;
    m.device = device;
    m.port = udpport;
    return m;
}

medium mcast(const std::string& device) {
    medium m;
    m.kind = medium_kind::mcast;
    m.device = device;
    m.group = "225.0.0.7";
    m.port = 6940;
    m.ttl = 1;
    m.loop = 0;
    return m;
}

// Everything that arrives at `receiver` within `wait`, from any of its sockets.
std::vector<received_datagram> collect(media_set& receiver, std::chrono::milliseconds wait) {
    std::vector<received_datagram> all;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < deadline) {
        std::vector<pollfd> waits;
        for (const int fd : receiver.fds()) {
            waits.push_back({fd, POLLIN, 0});
        }
        if (::poll(waits.data(), waits.size(), 10) <= 0) {
            continue;
        }
        for (const auto& ready : waits) {
            if ((ready.revents & POLLIN) != 0) {
                auto got = receiver.receive(ready.fd);
                all.insert(all.end(), got.begin(), got.end());
            }
        }
    }
    return all;
}

std::vector<received_datagram> with_payload(const std::vector<received_datagram>& all,
                                            const std::string& payload) {
    std::vector<received_datagram> matching;
    std::copy_if(all.begin(), all.end(), std::back_inserter(matching),
                 [&](const auto& datagram) { return datagram.bytes == payload; });
    return matching;
}

// Sends `payload` until it arrives (a fresh veth may drop the first packets), bounded to ~2 s.
std::vector<received_datagram> deliver(media_set& sender, media_set& receiver,
                                       const std::string& payload) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        CHECK(sender.send(payload).empty());
        auto got = with_payload(collect(receiver, std::chrono::milliseconds(20)), payload);
        if (!got.empty()) {
            return got;
        }
    }
    FAIL("no datagram arrived within 100 attempts");
    return {};
}

} // namespace

TEST_CASE("a link id names kind, device and peer or group", "[runtime][node]") {
    CHECK(hakit::runtime::node::link_id(ucast("eth1", "192.0.2.6")) == "ucast eth1 192.0.2.6");
    CHECK(hakit::runtime::node::link_id(bcast("eth0")) == "bcast eth0");
    CHECK(hakit::runtime::node::link_id(mcast("eth2")) == "mcast eth2 225.0.0.7");
}

TEST_CASE("media that cannot be opened are refused with the medium named", "[runtime][node]") {
    medium missing = bcast("hakit-nodev0");
    missing.where = {"ha.cf", 12, 1};
    const auto refused = media_set::open({missing});
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::Contains("bcast hakit-nodev0 (ha.cf:12)") &&
                                    Catch::Contains("no such network device"));

    medium serial;
    serial.kind = medium_kind::serial;
    serial.device = "/dev/ttyS0";
    CHECK_THAT(media_set::open({serial}).error(),
               Catch::Contains("supports the ucast, bcast and mcast media only"));

    medium not_multicast = mcast("lo");
    not_multicast.group = "192.0.2.9";
    CHECK_THAT(media_set::open({not_multicast}).error(),
               Catch::Contains("192.0.2.9 is not an IPv4 multicast group"));
}

TEST_CASE("ucast, bcast and mcast carry a datagram between two namespaces",
          "[runtime][node][netns]") {
    two_namespaces net;
    const std::string a = two_namespaces::device_a;
    const std::string b = two_namespaces::device_b;

    SECTION("ucast, from udpport to udpport") {
        auto sender = net.open_in(true, {ucast(a, "192.0.2.2")});
        auto receiver = net.open_in(false, {ucast(b, "192.0.2.1")});
        CHECK(receiver.link_ids() == std::vector<std::string>{"ucast r4veth-b 192.0.2.1"});
        const auto got = deliver(sender, receiver, "t=status ucast");
        CHECK(got.at(0).link == "ucast r4veth-b 192.0.2.1");
        CHECK(got.at(0).sender == "192.0.2.1");
        CHECK(got.at(0).sender_port == udpport);
        CHECK_FALSE(got.at(0).truncated);
    }
    SECTION("bcast to the device's broadcast address") {
        auto sender = net.open_in(true, {bcast(a)});
        auto receiver = net.open_in(false, {bcast(b)});
        const auto got = deliver(sender, receiver, "t=status bcast");
        CHECK(got.at(0).link == "bcast r4veth-b");
        CHECK(got.at(0).sender == "192.0.2.1");
        CHECK(got.at(0).sender_port == udpport);
    }
    SECTION("mcast to the group on its own port") {
        auto sender = net.open_in(true, {mcast(a)});
        auto receiver = net.open_in(false, {mcast(b)});
        const auto got = deliver(sender, receiver, "t=status mcast");
        CHECK(got.at(0).link == "mcast r4veth-b 225.0.0.7");
        CHECK(got.at(0).sender == "192.0.2.1");
        CHECK(got.at(0).sender_port == 6940);
    }
}

TEST_CASE("ucast and bcast on one device and port: each datagram reported once, on its link",
          "[runtime][node][netns]") {
    two_namespaces net;
    auto sender = net.open_in(
        true, {ucast(two_namespaces::device_a, "192.0.2.2"), bcast(two_namespaces::device_a)});
    auto receiver = net.open_in(
        false, {ucast(two_namespaces::device_b, "192.0.2.1"), bcast(two_namespaces::device_b)});
    deliver(sender, receiver, "warm-up"); // the link is up from here on

    REQUIRE(sender.send("t=status both").empty());
    // Both copies within a bounded wait (ucast may wait for ARP on a loaded machine), then a
    // little longer to see that neither is reported twice.
    std::vector<std::string> links;
    for (int round = 0; round < 40 && links.size() < 2; ++round) {
        for (const auto& datagram :
             with_payload(collect(receiver, std::chrono::milliseconds(50)), "t=status both")) {
            links.push_back(datagram.link);
        }
    }
    for (const auto& datagram :
         with_payload(collect(receiver, std::chrono::milliseconds(200)), "t=status both")) {
        links.push_back(datagram.link);
    }
    std::sort(links.begin(), links.end());
    CHECK(links == std::vector<std::string>{"bcast r4veth-b", "ucast r4veth-b 192.0.2.1"});
}
