// Early address claim against the real thing: harun's netlink add/remove in a namespace this
// test creates, and Debian's unchanged IPaddr / IPaddr2 wrappers judging the claimed address.
#include "cluster.hpp"
#include "tool/process.hpp"

#include <hakit/runtime/daemon/address_claim.hpp>
#include <hakit/runtime/daemon/interface_addresses.hpp>
#include <hakit/runtime/resources/status.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fcntl.h>
#include <sched.h>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

using namespace hakit::runtime;
using hakit::test::run_process;

namespace {

// A namespace with a veth pair inside it (eth0 at 198.51.100.1/24, its peer p0), deleted with
// everything in it when the object goes away.
class claim_namespace {
  public:
    claim_namespace() : name_("harun-claim-" + std::to_string(::getpid())) {
        ip({"netns", "add", name_});
        ip({"-n", name_, "link", "add", "eth0", "type", "veth", "peer", "name", "p0"});
        ip({"-n", name_, "addr", "add", "198.51.100.1/24", "dev", "eth0"});
        for (const char* device : {"eth0", "p0", "lo"}) {
            ip({"-n", name_, "link", "set", device, "up"});
        }
    }
    claim_namespace(const claim_namespace&) = delete;
    claim_namespace& operator=(const claim_namespace&) = delete;
    ~claim_namespace() { run_process("ip", {"netns", "del", name_}); }

    const std::string& name() const { return name_; }
    const std::string& failures() const { return failures_; }

    // Runs a Debian wrapper script inside the namespace; its stdout.
    std::string script(const std::string& name, const std::string& argument,
                       const std::string& action) const {
        return run_process(
                   "ip", {"netns", "exec", name_, "/etc/ha.d/resource.d/" + name, argument, action})
            .out;
    }
    std::string addresses() const {
        return run_process("ip", {"-n", name_, "-4", "-o", "addr", "show"}).out;
    }

  private:
    void ip(const std::vector<std::string>& args) {
        const auto result = run_process("ip", args);
        if (!result.exited() || result.exit_code != 0) {
            failures_ += "ip " + args.front() + ": " + result.err;
        }
    }

    std::string name_;
    std::string failures_;
};

// This thread works inside the namespace while the object lives (setns affects one thread).
class inside {
  public:
    explicit inside(const std::string& ns)
        : home_(::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) {
        const int target = ::open(("/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
        entered_ = home_ >= 0 && target >= 0 && ::setns(target, CLONE_NEWNET) == 0;
        if (target >= 0) {
            ::close(target);
        }
    }
    inside(const inside&) = delete;
    inside& operator=(const inside&) = delete;
    ~inside() {
        if (entered_) {
            ::setns(home_, CLONE_NEWNET);
        }
        if (home_ >= 0) {
            ::close(home_);
        }
    }
    bool entered() const { return entered_; }

  private:
    int home_;
    bool entered_ = false;
};

std::vector<daemon::interface_address> listed() {
    auto result = daemon::list_interface_addresses();
    INFO((std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : ""));
    REQUIRE(std::holds_alternative<std::vector<daemon::interface_address>>(result));
    return std::get<std::vector<daemon::interface_address>>(result);
}

daemon::address_claim claim_for(const std::string& ip) {
    node::ip_arguments arguments;
    arguments.ip = ip;
    auto planned = daemon::plan_address_claim(arguments, listed());
    REQUIRE(std::holds_alternative<daemon::address_claim>(planned));
    return std::get<daemon::address_claim>(planned);
}

bool has(const std::vector<daemon::interface_address>& present, const std::string& label,
         const std::string& ip, int prefix) {
    return std::any_of(present.begin(), present.end(), [&](const auto& entry) {
        return entry.label == label && daemon::dotted(entry.address) == ip &&
               entry.prefix == prefix;
    });
}

} // namespace

TEST_CASE("address claim: netlink lists, adds and removes addresses; Debian's IPaddr and IPaddr2 "
          "see a claimed address as running and IPaddr's stop removes it",
          "[runtime][daemon][netns]") {
    HAKIT_SKIP_WITHOUT_NAMESPACES();
    claim_namespace ns;
    REQUIRE(ns.failures().empty());
    const std::string vip = "198.51.100.100";
    {
        inside here(ns.name());
        REQUIRE(here.entered());
        CHECK(has(listed(), "eth0", "198.51.100.1", 24));
        const daemon::address_claim claim = claim_for(vip);
        CHECK(claim.label == "eth0:0");
        REQUIRE(daemon::add_interface_address(claim).empty());
        CHECK(has(listed(), "eth0:0", vip, 24));
        CHECK_FALSE(daemon::add_interface_address(claim).empty()); // it exists now
    }
    INFO(ns.addresses());
    CHECK(ns.addresses().find("inet 198.51.100.100/24 brd 198.51.100.255 scope global "
                              "secondary eth0:0") != std::string::npos);
    CHECK(resources::status_says_running(ns.script("IPaddr", vip, "status")));
    CHECK(resources::status_says_running(ns.script("IPaddr", vip + "/24/eth0", "status")));
    CHECK(resources::status_says_running(ns.script("IPaddr2", vip, "status")));
    CHECK(resources::status_says_running(ns.script("IPaddr2", vip + "/24/eth0", "status")));

    ns.script("IPaddr", vip, "stop");
    CHECK(ns.addresses().find(vip) == std::string::npos);
    CHECK_FALSE(resources::status_says_running(ns.script("IPaddr", vip, "status")));

    inside here(ns.name());
    REQUIRE(here.entered());
    const daemon::address_claim again = claim_for(vip);
    REQUIRE(daemon::add_interface_address(again).empty());
    CHECK(daemon::remove_interface_address(again).empty());
    CHECK_FALSE(has(listed(), "eth0:0", vip, 24));
    CHECK(daemon::remove_interface_address(again).empty()); // gone already: nothing to do
}
