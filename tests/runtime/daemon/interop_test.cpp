// harun next to Debian's real heartbeat 3.0.6: the same ha.cf and authkeys, one node each.
#include "cluster.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <unistd.h>

namespace {

using hakit::test::cluster;
using hakit::test::cluster_settings;
using std::chrono::milliseconds;

const char* const heartbeat_binary = "/usr/libexec/heartbeat/heartbeat";

bool log_shows(const cluster& nodes, char node, const std::string& text, milliseconds limit) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < limit) {
        if (nodes.config_log_of(node).find(text) != std::string::npos) {
            return true;
        }
        std::this_thread::sleep_for(milliseconds(100));
    }
    return false;
}

auto peer_state_is(const std::string& state) {
    return [state](const nlohmann::json& status) {
        for (const auto& member : status["nodes"]) {
            if (!member.value("local", true)) {
                return member.value("state", "") == state;
            }
        }
        return false;
    };
}

} // namespace

TEST_CASE("harun and heartbeat 3.0.6 see each other active and each declares the other dead "
          "when the link is cut",
          "[runtime][daemon][netns][interop]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    if (::access(heartbeat_binary, X_OK) != 0) {
        WARN("skipped: " << heartbeat_binary << " is missing (Debian package heartbeat)");
        return;
    }
    cluster_settings settings;
    settings.ipfail = false;
    SECTION("crc keys") {
        settings.authkeys_a = settings.authkeys_b = "auth 1\n1 crc\n";
    }
    SECTION("sha1 keys") {
        settings.authkeys_a = settings.authkeys_b = "auth 2\n2 sha1 harun-interop\n";
    }
    cluster nodes(settings);
    nodes.start('a');           // harun as srv5
    nodes.start_heartbeat('b'); // heartbeat as srv6

    INFO("harun's log:\n"
         << nodes.log_of('a') << "\nheartbeat's log:\n"
         << nodes.config_log_of('b'));
    CHECK(nodes.wait_for_status('a', peer_state_is("active"), milliseconds(20000)));
    CHECK(log_shows(nodes, 'b', "Status update for node srv5.localdomain: status active",
                    milliseconds(20000)));
    const auto status = nodes.status('a');
    CHECK(status["dropped"]["unauthenticated"] == 0);
    CHECK(status["dropped"]["garbage"] == 0);

    REQUIRE(nodes.run_in('a', {"ip", "link", "set", "eth1", "down"}).exit_code == 0);
    CHECK(nodes.wait_for_status('a', peer_state_is("dead"), milliseconds(5000)));
    CHECK(log_shows(nodes, 'b', "node srv5.localdomain: is dead", milliseconds(5000)));
}
