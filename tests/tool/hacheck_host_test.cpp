// hacheck --host for real, inside network namespaces the tests create (`ip netns add`) with
// dummy and veth interfaces up and down, addresses from the documentation ranges only, and a
// private UTS namespace (`unshare --uts`) for the node name. hacheck only reads interfaces;
// the namespaces and every process are removed when each test ends. Needs root: a namespace
// that cannot be created fails the test (no skipping).
#include "hacheck.hpp"
#include "process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using hakit::test::run_process;
using hakit::test::run_result;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void ip(const std::vector<std::string>& args) {
    const run_result result = run_process("ip", args);
    INFO("ip " << args.front() << " ...: " << hakit::test::describe_end(result) << "\n"
               << result.err);
    REQUIRE(result.exited());
    REQUIRE(result.exit_code == 0);
}

// `ip netns add NAME`, and `ip netns del NAME` when it goes away (also when the setup after it
// fails a REQUIRE): the namespace and its interfaces vanish with it.
class named_namespace {
  public:
    explicit named_namespace(std::string name) : name_(std::move(name)) {
        const run_result added = run_process("ip", {"netns", "add", name_});
        INFO("ip netns add " << name_ << ": " << hakit::test::describe_end(added) << "\n"
                             << added.err
                             << "on-node tests need root and a usable `ip netns` (no skipping)");
        REQUIRE(added.exited());
        REQUIRE(added.exit_code == 0);
    }
    named_namespace(const named_namespace&) = delete;
    named_namespace& operator=(const named_namespace&) = delete;
    ~named_namespace() { run_process("ip", {"netns", "del", name_}); }

    const std::string& name() const { return name_; }

  private:
    std::string name_;
};

// A network namespace with (veth pairs only: they need no kernel module beyond veth):
//   d0/d0p  both ends up: d0 up and running, 192.0.2.1/24 and 2001:db8::1/64
//   d1/d1p  both ends down: d1 down, 198.51.100.1/24
//   v0/v1   v0 up with 203.0.113.1/24, v1 down: v0 up without carrier (not running)
class network_namespace {
  public:
    network_namespace() : space_("hakit-l6-" + std::to_string(::getpid())) {
        in_namespace({"link", "set", "lo", "up"});
        in_namespace({"link", "add", "d0", "type", "veth", "peer", "name", "d0p"});
        in_namespace({"addr", "add", "192.0.2.1/24", "dev", "d0"});
        in_namespace({"addr", "add", "2001:db8::1/64", "dev", "d0"});
        in_namespace({"link", "set", "d0p", "up"});
        in_namespace({"link", "set", "d0", "up"});
        in_namespace({"link", "add", "d1", "type", "veth", "peer", "name", "d1p"});
        in_namespace({"addr", "add", "198.51.100.1/24", "dev", "d1"});
        in_namespace({"link", "add", "v0", "type", "veth", "peer", "name", "v1"});
        in_namespace({"addr", "add", "203.0.113.1/24", "dev", "v0"});
        in_namespace({"link", "set", "v0", "up"});
        wait_until_running("d0");
    }

    // hacheck ARGS run in the namespace, with `node_name` as uname -n (own UTS namespace).
    run_result hacheck(const std::string& node_name, const std::vector<std::string>& args,
                       const fs::path& working_dir) const {
        std::vector<std::string> command{"netns",
                                         "exec",
                                         space_.name(),
                                         "unshare",
                                         "--uts",
                                         "/bin/sh",
                                         "-c",
                                         "hostname \"$1\" && shift && exec \"$@\"",
                                         "sh",
                                         node_name,
                                         hakit::test::hacheck_path};
        command.insert(command.end(), args.begin(), args.end());
        hakit::test::run_options options;
        options.working_dir = working_dir;
        options.time_limit = std::chrono::milliseconds{30'000};
        return run_process("ip", command, options);
    }

  private:
    void in_namespace(std::vector<std::string> args) const {
        args.insert(args.begin(), {"-n", space_.name()});
        ip(args);
    }

    // The kernel reports a link's carrier (IFF_RUNNING) shortly after it comes up; wait for
    // it, at most 5 s.
    void wait_until_running(const std::string& device) const {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const run_result shown =
                run_process("ip", {"-n", space_.name(), "-o", "link", "show", "dev", device});
            if (shown.exited() && shown.exit_code == 0 && contains(shown.out, "state UP")) {
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds{100});
        }
        FAIL(device << " did not come up in the test namespace");
    }

    named_namespace space_;
};

void write_script(const fs::path& file, fs::perms mode) {
    fs::create_directories(file.parent_path());
    hakit::test::write_file(file, "#!/bin/sh\nexit 0\n");
    fs::permissions(file, mode);
}

// A node folder n1 using the namespace's interfaces, and resource directories beside it.
fs::path make_folder(const hakit::test::temp_dir& dir, const std::string& ha_cf,
                     const std::string& haresources) {
    const fs::path folder = dir.path() / "n1";
    fs::create_directories(folder);
    hakit::test::write_file(folder / "ha.cf", ha_cf);
    hakit::test::write_file(folder / "haresources", haresources);
    hakit::test::write_file(folder / "authkeys", "auth 1\n1 sha1 a-long-enough-secret-key\n");
    fs::permissions(folder / "authkeys", fs::perms::owner_read | fs::perms::owner_write);
    write_script(dir.path() / "resource.d" / "IPaddr", fs::perms::owner_all);
    write_script(dir.path() / "resource.d" / "drbddisk", fs::perms::owner_read);
    write_script(dir.path() / "init.d" / "drbddisk", fs::perms::owner_all);
    write_script(dir.path() / "init.d" / "mysql", fs::perms::owner_read | fs::perms::group_read);
    return folder;
}

const std::string common_ha_cf = "keepalive 2\n"
                                 "deadtime 30\n"
                                 "initdead 60\n"
                                 "auto_failback off\n"
                                 "logfacility local0\n"
                                 "node alpha beta\n";

std::size_t lines_with(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos;
         at = text.find(part, at + part.size())) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("hacheck --host reads interfaces, flags, networks and the node name of its namespace",
          "[host][netns]") {
    REQUIRE(::geteuid() == 0); // CI runs as root: namespaces are part of the suite
    const network_namespace space;
    const hakit::test::temp_dir dir;
    make_folder(dir,
                common_ha_cf + "bcast d0\n"
                               "ucast d0 192.0.2.2\n"
                               "ucast d1 198.51.100.2\n"
                               "ucast v0 203.0.113.2\n"
                               "ucast d0 198.51.100.7\n",
                "alpha 192.0.2.10 IPaddr::198.51.100.10/24/d1 IPaddr::203.0.113.99\n");
    const std::vector<std::string> args{"--host", "--select", "HA5", "--format", "gcc", "n1"};

    const run_result on_alpha = space.hacheck("alpha", args, dir.path());
    INFO(on_alpha.out << on_alpha.err);
    REQUIRE(on_alpha.exited());
    CHECK(on_alpha.exit_code == 1);
    CHECK(contains(on_alpha.out, "n1/ha.cf:9:7: error: ucast interface d1 is down: no heartbeat "
                                 "passes on this medium [HA502 media-interface-down]"));
    CHECK(contains(on_alpha.out,
                   "n1/ha.cf:10:7: error: ucast interface v0 is up but has no carrier (not "
                   "running): no heartbeat passes on this medium [HA502 media-interface-down]"));
    CHECK(contains(on_alpha.out, "n1/ha.cf:11:10: warning: ucast peer 198.51.100.7 is not on "
                                 "the network of d0 (192.0.2.1/24) it is sent through"));
    // 198.51.100.10 is on d1's network (d1 is down, which HA502 reports), and 203.0.113.99 on
    // v0's; no interface is missing, the node name is declared.
    CHECK_FALSE(contains(on_alpha.out, "HA506"));
    CHECK_FALSE(contains(on_alpha.out, "HA501"));
    CHECK_FALSE(contains(on_alpha.out, "HA503"));
    CHECK(lines_with(on_alpha.out, "[HA5") == 3);

    const run_result on_gamma = space.hacheck("Gamma", args, dir.path());
    INFO(on_gamma.out << on_gamma.err);
    REQUIRE(on_gamma.exited());
    CHECK(contains(on_gamma.out, "n1/ha.cf:6:6: error: this machine's node name gamma (uname -n) "
                                 "is not a declared node"));
    // A nodeinfo file names the node instead of uname -n.
    hakit::test::write_file(dir.path() / "n1" / "nodeinfo", "alpha\n");
    const run_result with_nodeinfo = space.hacheck("gamma", args, dir.path());
    REQUIRE(with_nodeinfo.exited());
    CHECK_FALSE(contains(with_nodeinfo.out, "HA503"));
}

TEST_CASE("hacheck --host catches `ucast eth9`, which Heartbeat validates and then dies on",
          "[host][netns]") {
    const network_namespace space;
    const hakit::test::temp_dir dir;
    make_folder(dir, common_ha_cf + "ucast d0 192.0.2.2\nucast eth9 192.0.2.2\n",
                "alpha 192.0.2.10\n");
    const run_result without_host =
        space.hacheck("alpha", {"--select", "HA5", "--format", "gcc", "n1"}, dir.path());
    REQUIRE(without_host.exited());
    CHECK(without_host.exit_code == 0); // the files alone are fine
    const run_result result =
        space.hacheck("alpha", {"--host", "--select", "HA5", "--format", "gcc", "n1"}, dir.path());
    INFO(result.out << result.err);
    REQUIRE(result.exited());
    CHECK(result.exit_code == 1);
    CHECK(result.out == "n1/ha.cf:8:7: error: ucast interface eth9 does not exist on this "
                        "machine: Heartbeat cannot open this medium [HA501 "
                        "media-interface-missing]\n");
}

TEST_CASE("hacheck --resource-dir searches the given directories in order, with or without --host",
          "[host][netns]") {
    const network_namespace space;
    const hakit::test::temp_dir dir;
    make_folder(dir, common_ha_cf + "bcast d0\n", "alpha 192.0.2.10 drbddisk::r0 mysql httpd\n");
    const std::vector<std::string> dirs{"--resource-dir", (dir.path() / "resource.d").string(),
                                        "--resource-dir", (dir.path() / "init.d").string()};
    std::vector<std::string> args{"--select", "HA5", "--format", "gcc"};
    args.insert(args.end(), dirs.begin(), dirs.end());
    args.push_back("n1");
    const run_result result = space.hacheck("alpha", args, dir.path());
    INFO(result.out << result.err);
    REQUIRE(result.exited());
    CHECK(result.exit_code == 1);
    // drbddisk: resource.d's copy is not executable, init.d's is: found.
    CHECK_FALSE(contains(result.out, "drbddisk"));
    CHECK(contains(result.out, "n1/haresources:1:31: error: resource script " +
                                   (dir.path() / "init.d" / "mysql").string() +
                                   " is not executable"));
    CHECK(contains(result.out, "n1/haresources:1:37: error: resource script httpd is not in " +
                                   (dir.path() / "resource.d").string() + " or " +
                                   (dir.path() / "init.d").string()));
    CHECK(lines_with(result.out, "[HA5") == 2);

    // The owner rule needs --host; as root the fresh authkeys belongs to root.
    args.insert(args.begin(), "--host");
    CHECK_FALSE(contains(space.hacheck("alpha", args, dir.path()).out, "HA508"));
    REQUIRE(::chown((dir.path() / "n1" / "authkeys").c_str(), 1000, 1000) == 0);
    const run_result not_root = space.hacheck("alpha", args, dir.path());
    INFO(not_root.out << not_root.err);
    CHECK(contains(not_root.out, "n1/authkeys: warning: authkeys is owned by uid 1000, not root"));
}
