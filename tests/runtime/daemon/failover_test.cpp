// End to end: two harun nodes in network namespaces serving a VIP added by Debian's IPaddr.
#include "cluster.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

namespace {

using hakit::test::cluster;
using hakit::test::cluster_settings;
using std::chrono::milliseconds;

// deadtime 1 s in the suite's configuration.
constexpr milliseconds deadtime{1000};
constexpr milliseconds settle_limit{15000};

void require_vip(const cluster& nodes, const std::string& body, milliseconds limit) {
    const auto took = nodes.wait_for_vip(body, limit);
    INFO("node a's log:\n" << nodes.log_of('a') << "\nnode b's log:\n" << nodes.log_of('b'));
    REQUIRE(took.has_value());
}

// Polls the node's log (every 50 ms, at most `limit`) until it contains `text`.
bool wait_for_log(const cluster& nodes, char node, const std::string& text, milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (nodes.log_of(node).find(text) == std::string::npos) {
        if (std::chrono::steady_clock::now() >= until) {
            return false;
        }
        std::this_thread::sleep_for(milliseconds(50));
    }
    return true;
}

bool held_by_owner_only(const nlohmann::json& status) {
    const auto& group = status["groups"][0];
    return group["holder"] == "srv5.localdomain" &&
           (group["state"] == "running" || group["state"] == "stopped");
}

} // namespace

TEST_CASE("harun: the peer serves the VIP within deadtime + 1 s of cutting the owner's links, "
          "the owner again once they are back",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes;
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    REQUIRE(nodes.wait_until_settled('b', deadtime, settle_limit));

    nodes.cut_links('a');
    const auto failover = nodes.wait_for_vip("NodeB", milliseconds(10000));
    INFO("node a's log:\n" << nodes.log_of('a') << "\nnode b's log:\n" << nodes.log_of('b'));
    REQUIRE(failover.has_value());
    INFO("failover took " << failover->count() << " ms");
    CHECK(*failover <= deadtime + milliseconds(1000));
    // Early address claim: b put the VIP up itself, IPaddr's status then found it running.
    CHECK_THAT(nodes.log_of('b'), Catch::Contains("claimed 198.51.100.100/32 on eth0:0 ahead of "
                                                  "IPaddr::198.51.100.100/32"));
    CHECK(wait_for_log(nodes, 'b',
                       "IPaddr::198.51.100.100/32 is already running, not started again",
                       milliseconds(5000)));

    nodes.restore_links('a');
    // Exactly one holder after the partition healed: the owner, as auto_failback is on.
    for (char node : {'a', 'b'}) {
        INFO("node " << node);
        CHECK(nodes.wait_for_status(node, held_by_owner_only, settle_limit));
    }
    require_vip(nodes, "NodeA", settle_limit);
    // b's IPaddr stop removed the address b claimed.
    CHECK(nodes.run_in('b', {"ip", "-4", "-o", "addr"}).out.find(hakit::test::vip) ==
          std::string::npos);
}

TEST_CASE("harun: SIGKILL of the owner moves the VIP to the peer within deadtime + 1 s; the "
          "restarted owner removes its stale VIP and gets the group back",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes;
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    REQUIRE(nodes.wait_until_settled('b', deadtime, settle_limit));

    nodes.stop('a', SIGKILL);
    const auto failover = nodes.wait_for_vip("NodeB", milliseconds(10000));
    INFO("node a's log:\n" << nodes.log_of('a') << "\nnode b's log:\n" << nodes.log_of('b'));
    REQUIRE(failover.has_value());
    INFO("failover took " << failover->count() << " ms");
    CHECK(*failover <= deadtime + milliseconds(1000));

    nodes.wait_exit('a', milliseconds(2000));
    nodes.start('a'); // its VIP is still configured: killed, it released nothing
    for (char node : {'a', 'b'}) {
        INFO("node " << node);
        CHECK(nodes.wait_for_status(node, held_by_owner_only, settle_limit));
    }
    require_vip(nodes, "NodeA", settle_limit);
    CHECK(nodes.log_of('a').find("removing it before joining") != std::string::npos);
}

TEST_CASE("harun: a graceful stop releases the VIP and the peer takes over at once, without "
          "waiting for deadtime",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster_settings settings;
    settings.keepalive = "500ms";
    settings.warntime = "2";
    settings.deadtime = "5";
    settings.initdead = "10";
    cluster nodes(settings);
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);

    nodes.stop('a', SIGTERM);
    const auto takeover = nodes.wait_for_vip("NodeB", milliseconds(10000));
    INFO("node a's log:\n" << nodes.log_of('a') << "\nnode b's log:\n" << nodes.log_of('b'));
    REQUIRE(takeover.has_value());
    CHECK(*takeover < milliseconds(3000)); // deadtime is 5 s
    CHECK(nodes.wait_exit('a', milliseconds(5000)) == 0);
    CHECK(nodes.log_of('a').find("shutdown complete") != std::string::npos);
}

TEST_CASE("harun: with --no-early-claim the IPaddr script alone adds the VIP, and harun still "
          "announces it",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster_settings settings;
    settings.harun_options = {"--no-early-claim"};
    cluster nodes(settings);
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);

    nodes.stop('a', SIGTERM);
    require_vip(nodes, "NodeB", milliseconds(5000));
    CHECK(nodes.wait_exit('a', milliseconds(5000)) == 0);
    CHECK(wait_for_log(nodes, 'b', "announced 198.51.100.100", milliseconds(2000)));
    for (char node : {'a', 'b'}) {
        INFO("node " << node << "'s log:\n" << nodes.log_of(node));
        CHECK(nodes.log_of(node).find("claimed") == std::string::npos);
        CHECK(nodes.log_of(node).find("is already running, not started again") ==
              std::string::npos);
    }
}

TEST_CASE("harun: with auto_failback off the group stays with the peer when the owner returns",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster_settings settings;
    settings.auto_failback = "off";
    cluster nodes(settings);
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    REQUIRE(nodes.wait_until_settled('b', deadtime, settle_limit));

    nodes.stop('a', SIGKILL);
    require_vip(nodes, "NodeB", milliseconds(10000));
    nodes.wait_exit('a', milliseconds(2000));
    nodes.start('a');
    auto held_by_peer_only = [](const nlohmann::json& status) {
        const auto& group = status["groups"][0];
        return group["holder"] == "srv6.localdomain" && group["state"] != "starting";
    };
    REQUIRE(nodes.wait_until_settled('a', deadtime, settle_limit));
    for (char node : {'a', 'b'}) {
        INFO("node " << node << "\n" << nodes.log_of(node));
        CHECK(nodes.wait_for_status(node, held_by_peer_only, settle_limit));
    }
    // Still there a few keepalives later.
    std::this_thread::sleep_for(milliseconds(1000));
    CHECK(nodes.ask_vip() == "NodeB");
}

TEST_CASE("harun: two nodes started at the same moment settle at once, the owner holding the "
          "VIP and the peer never taking it",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes;
    nodes.start('a');
    nodes.start('b');
    const auto settled = nodes.wait_for_vip("NodeA", settle_limit);
    INFO("node a's log:\n" << nodes.log_of('a') << "\nnode b's log:\n" << nodes.log_of('b'));
    REQUIRE(settled.has_value());
    // Heartbeat 3.0.6 needs 12-13 s here whatever the timers; the start script takes ~1 s.
    CHECK(*settled < milliseconds(5000));
    CHECK(nodes.log_of('b').find("Acquiring resource group") == std::string::npos);
}

TEST_CASE("harun: a node started alone takes every group once initdead has passed",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes; // initdead 2 s
    const auto start = std::chrono::steady_clock::now();
    nodes.start('b');
    const auto served = nodes.wait_for_vip("NodeB", settle_limit);
    INFO("node b's log:\n" << nodes.log_of('b'));
    REQUIRE(served.has_value());
    const auto since_start = std::chrono::steady_clock::now() - start;
    CHECK(since_start >= milliseconds(2000));
    CHECK(since_start <= milliseconds(6000));
}

TEST_CASE("harun: replayed, forged and garbage packets from a third namespace are counted and "
          "change nothing",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes;
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    REQUIRE(nodes.wait_until_settled('a', deadtime, settle_limit));

    const std::string script =
        std::string(HAKIT_SOURCE_DIR) + "/tests/runtime/daemon/inject_packets.py";
    const auto injected =
        nodes.run_in('h', {"/usr/bin/python3", script, "hb", "192.0.2.2", "192.0.2.1", "694", "5",
                           // 16 recent sequence numbers are duplicates; 5 s is 25 keepalives
                           "5"});
    INFO(injected.out << injected.err);
    REQUIRE(injected.exit_code == 0);
    const auto counted = [](const nlohmann::json& status) {
        const auto& dropped = status["dropped"];
        return dropped["replayed"].get<int>() >= 5 && dropped["unauthenticated"].get<int>() >= 5 &&
               dropped["garbage"].get<int>() >= 5;
    };
    const bool all_counted = nodes.wait_for_status('a', counted, milliseconds(5000));
    const auto status = nodes.status('a');
    INFO(status.dump(2) << "\nnode a's log:\n" << nodes.log_of('a'));
    CHECK(all_counted);
    CHECK(status["nodes"][1]["state"] == "active");
    CHECK(held_by_owner_only(status));
    CHECK(nodes.log_of('a').find("is dead") == std::string::npos);
    CHECK(nodes.ask_vip() == "NodeA");
}

TEST_CASE("harun: standby hands the VIP to the peer, takeover brings it back, and status tells "
          "who holds it",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes;
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    REQUIRE(nodes.wait_until_settled('a', deadtime, settle_limit));
    const std::string state_a = (nodes.dir() / "state-a").string();

    const auto text = hakit::test::run_process(HARUN_PATH, {"status", "--state-dir", state_a});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("srv6.localdomain") != std::string::npos);
    CHECK(text.out.find("held by srv5.localdomain") != std::string::npos);
    CHECK(text.out.find("link ucast eth1 192.0.2.2") != std::string::npos);

    const auto standby =
        hakit::test::run_process(HARUN_PATH, {"standby", "all", "--state-dir", state_a});
    CHECK(standby.exit_code == 0);
    require_vip(nodes, "NodeB", settle_limit);
    // A takeover is refused while the standby exchange is still in flux.
    CHECK(nodes.wait_for_status(
        'a',
        [](const nlohmann::json& status) {
            return status["groups"][0]["holder"] == "srv6.localdomain" &&
                   status.value("stable", false);
        },
        settle_limit));

    const auto takeover =
        hakit::test::run_process(HARUN_PATH, {"takeover", "all", "--state-dir", state_a});
    CHECK(takeover.exit_code == 0);
    require_vip(nodes, "NodeA", settle_limit);

    // With the peer gone, nobody could take the groups: the command says so and fails.
    nodes.stop('b', SIGTERM);
    CHECK(nodes.wait_exit('b', milliseconds(5000)) == 0);
    CHECK(nodes.wait_for_status(
        'a', [](const nlohmann::json& status) { return status.value("stable", false); },
        settle_limit));
    const auto refused =
        hakit::test::run_process(HARUN_PATH, {"standby", "all", "--state-dir", state_a});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err ==
          "harun: error: standby all refused: node srv6.localdomain is not up to take the "
          "groups\n");
    require_vip(nodes, "NodeA", settle_limit);
}

TEST_CASE("harun: SIGHUP keeps the running plan when the new one is invalid",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes;
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    const auto plan = nodes.dir() / "plan" / "plan.json";
    const std::string good = hakit::test::read_file(plan);

    hakit::test::write_file(plan, "{\"version\": 7}");
    nodes.stop('a', SIGHUP);
    const auto logged = [&](const std::string& text) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (nodes.log_of('a').find(text) != std::string::npos) {
                return true;
            }
            std::this_thread::sleep_for(milliseconds(100));
        }
        return false;
    };
    INFO(nodes.log_of('a'));
    CHECK(logged("reload refused, keeping the running plan"));
    CHECK(nodes.running('a'));
    CHECK(nodes.ask_vip() == "NodeA");

    hakit::test::write_file(plan, good);
    nodes.stop('a', SIGHUP);
    CHECK(logged("plan reloaded"));
    CHECK(nodes.running('a'));
}

TEST_CASE("harun: with ipfail configured, the node that loses sight of the ping nodes hands "
          "its group to the peer that still sees them",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes; // ping 198.51.100.1 (the client side) and 192.0.2.7 (nobody)
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    const auto sees_one = [](const nlohmann::json& status) {
        return status.contains("ping_nodes") && status["ping_nodes"]["visible"] == 1;
    };
    REQUIRE(nodes.wait_for_status('a', sees_one, settle_limit));
    REQUIRE(nodes.wait_for_status('b', sees_one, settle_limit));

    // Only the external link: the heartbeat link stays up, so nobody is declared dead.
    REQUIRE(nodes.run_in('a', {"ip", "link", "set", "eth0", "down"}).exit_code == 0);
    INFO("node a's log:\n" << nodes.log_of('a') << "\nnode b's log:\n" << nodes.log_of('b'));
    CHECK(nodes.wait_for_status(
        'b',
        [](const nlohmann::json& status) {
            return status["groups"][0]["holder"] == "srv6.localdomain" &&
                   status["groups"][0]["state"] == "running";
        },
        settle_limit));
    require_vip(nodes, "NodeB", settle_limit);
    CHECK(nodes.log_of('b').find("is dead") == std::string::npos);

    // Both see the same again: auto_failback on brings the group home.
    REQUIRE(nodes.run_in('a', {"ip", "link", "set", "eth0", "up"}).exit_code == 0);
    require_vip(nodes, "NodeA", settle_limit);
}

TEST_CASE("harun: when the two nodes' keys differ, the peer refuses to take over from the owner "
          "it hears but cannot authenticate",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster_settings settings;
    settings.authkeys_a = "auth 1\n1 sha1 one-secret\n";
    settings.authkeys_b = "auth 1\n1 sha1 another-secret\n";
    cluster nodes(settings);
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    // Well past initdead (2 s) and deadtime: node b has had every chance to take over.
    std::this_thread::sleep_for(milliseconds(4000));
    const auto status_b = nodes.status('b');
    INFO(status_b.dump(2) << "\nnode b's log:\n" << nodes.log_of('b'));
    REQUIRE(status_b.is_object());
    CHECK(status_b["groups"][0]["holder"] != "srv6.localdomain");
    CHECK(status_b["dropped"]["unauthenticated"].get<int>() > 0);
    CHECK(nodes.log_of('b').find("fail authentication") != std::string::npos);
    CHECK(nodes.log_of('b').find("Acquiring resource group") == std::string::npos);
    CHECK(nodes.ask_vip() == "NodeA");
}

TEST_CASE("harun: SIGTERM before comm-up ends the node at once", "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster nodes; // initdead 2 s: still waiting for the peer
    nodes.start('a');
    REQUIRE(nodes.wait_for_status(
        'a', [](const nlohmann::json&) { return true; }, settle_limit));
    nodes.stop('a', SIGTERM);
    INFO(nodes.log_of('a'));
    CHECK(nodes.wait_exit('a', milliseconds(1500)) == 0);
    CHECK(nodes.ask_vip().empty());
}

TEST_CASE("harun: keepalive 50 ms / deadtime 200 ms run without false deaths",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    cluster_settings settings;
    settings.keepalive = "50ms";
    settings.warntime = "150ms";
    settings.deadtime = "200ms";
    settings.initdead = "1";
    cluster nodes(settings);
    nodes.start('a');
    nodes.start('b');
    require_vip(nodes, "NodeA", settle_limit);
    // The first 5 s advertise deadtime + 2 s; watch 3 s of the real 200 ms after that.
    REQUIRE(nodes.wait_until_settled('a', milliseconds(200), settle_limit));
    REQUIRE(nodes.wait_until_settled('b', milliseconds(200), settle_limit));
    std::this_thread::sleep_for(milliseconds(3000));
    for (char node : {'a', 'b'}) {
        INFO("node " << node << "'s log:\n" << nodes.log_of(node));
        CHECK(nodes.log_of(node).find("is dead") == std::string::npos);
        const auto status = nodes.status(node);
        REQUIRE(status.is_object());
        CHECK(status["nodes"][1]["state"] == "active");
    }
    CHECK(nodes.ask_vip() == "NodeA");
}
