// Debian's real IPaddr wrapper (package heartbeat, backed by resource-agents), run unchanged
// inside a network namespace this test creates. The script is run through the runner's
// command prefix `ip netns exec <ns>` rather than setns() in the child: posix_spawn has no
// hook for it, and the prefix is what an operator would type.
#include "drive.hpp"
#include "tool/process.hpp"

#include <hakit/runtime/resources/group_runner.hpp>
#include <hakit/runtime/resources/launch.hpp>
#include <hakit/runtime/resources/status.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <variant>

using namespace hakit::runtime::resources;
using namespace std::chrono_literals;
using hakit::test::drive_group;
using hakit::test::run_process;

namespace {

const std::filesystem::path debian_ipaddr = "/etc/ha.d/resource.d/IPaddr";

// A namespace with one veth end called eth0 (the OCF IPaddr's default nic) at 192.0.2.1/24,
// deleted with its veth pair when the object goes away, whatever the test did.
class test_namespace {
  public:
    test_namespace()
        : name_("hakit-r3-" + std::to_string(::getpid())),
          host_end_("hkr3h" + std::to_string(::getpid() % 100000)) {
        ip({"netns", "add", name_});
        ip({"link", "add", host_end_, "type", "veth", "peer", "name", "eth0", "netns", name_});
        ip({"-n", name_, "addr", "add", "192.0.2.1/24", "dev", "eth0"});
        ip({"-n", name_, "link", "set", "eth0", "up"});
        ip({"-n", name_, "link", "set", "lo", "up"});
    }
    test_namespace(const test_namespace&) = delete;
    test_namespace& operator=(const test_namespace&) = delete;
    ~test_namespace() {
        run_process("ip", {"link", "del", host_end_});
        run_process("ip", {"netns", "del", name_});
    }

    const std::string& name() const { return name_; }
    bool ok() const { return failures_.empty(); }
    const std::string& failures() const { return failures_; }

    std::string addresses() const {
        return run_process("ip", {"-n", name_, "-4", "addr", "show", "dev", "eth0"}).out;
    }

  private:
    void ip(const std::vector<std::string>& args) {
        auto result = run_process("ip", args);
        if (!result.exited() || result.exit_code != 0) {
            failures_ += "ip " + args.front() + ": " + result.err;
        }
    }

    std::string name_;
    std::string host_end_;
    std::string failures_;
};

child_result run_status(const resource_ref& resource, const script_setup& setup) {
    auto launched =
        launch_script(resource, script_action::status, setup, std::chrono::steady_clock::now());
    if (auto* failed = std::get_if<child_result>(&launched)) {
        return *failed;
    }
    auto result = hakit::test::run_to_end(std::get<child_process>(launched));
    REQUIRE(result);
    return *result;
}

} // namespace

TEST_CASE("Debian's IPaddr adds, reports and removes a VIP in a namespace",
          "[runtime][resources][netns]") {
    if (!std::filesystem::exists(debian_ipaddr)) {
        WARN("skipped: " << debian_ipaddr << " is missing (Debian package heartbeat)");
        return;
    }
    if (::geteuid() != 0) {
        WARN("skipped: creating a network namespace needs root");
        return;
    }
    test_namespace ns;
    REQUIRE(ns.ok());
    INFO(ns.failures());

    script_setup setup; // the default /etc/ha.d/resource.d and /etc/init.d
    setup.command_prefix = {"ip", "netns", "exec", ns.name()};
    setup.options.time_limit = 20s;
    const resource_ref vip = parse_resource_token("192.0.2.10/24");
    REQUIRE(vip.script == "IPaddr");
    group_runner group("192.0.2.10/24", {vip});

    auto started = drive_group(group, group.start(std::chrono::steady_clock::now()), setup);
    REQUIRE(started.finished);
    CHECK(started.finished->outcome == group_outcome::started);
    CHECK_THAT(ns.addresses(), Catch::Contains("inet 192.0.2.10/24"));
    auto status = run_status(vip, setup);
    INFO("status printed: " << status.out);
    CHECK(status_says_running(status.out));

    auto stopped = drive_group(group, group.stop(std::chrono::steady_clock::now()), setup);
    REQUIRE(stopped.finished);
    CHECK(stopped.finished->outcome == group_outcome::stopped);
    CHECK_THAT(ns.addresses(), !Catch::Contains("192.0.2.10"));
    CHECK_THAT(ns.addresses(), Catch::Contains("inet 192.0.2.1/24"));
    CHECK_FALSE(status_says_running(run_status(vip, setup).out));
}
