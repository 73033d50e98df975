#include "cluster.hpp"
#include "tool/process.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace hakit::test {
namespace {

namespace fs = std::filesystem;

const fs::path ipaddr_script = "/etc/ha.d/resource.d/IPaddr";

std::string node_name(char node) {
    return node == 'a' ? "srv5.localdomain" : "srv6.localdomain";
}
std::string heartbeat_address(char node) {
    return node == 'a' ? "192.0.2.1" : "192.0.2.2";
}
std::string external_address(char node) {
    return node == 'a' ? "198.51.100.11" : "198.51.100.12";
}
char other(char node) {
    return node == 'a' ? 'b' : 'a';
}

std::atomic<int> cluster_count{0};

} // namespace

std::optional<std::string> cannot_run_cluster() {
    if (::geteuid() != 0) {
        return "network namespaces need root";
    }
    if (::access(ipaddr_script.c_str(), X_OK) != 0) {
        return ipaddr_script.string() + " is missing (Debian package heartbeat)";
    }
    return std::nullopt;
}

cluster::cluster(cluster_settings settings) : settings_(std::move(settings)) {
    prefix_ = fmt::format("harun{}x{}", ::getpid(), cluster_count++);
    try {
        for (char ns : {'a', 'b', 'c', 'h'}) {
            sh({"ip", "netns", "add", ns_name(ns)});
            namespaces_.push_back(ns_name(ns));
            sh({"ip", "-n", ns_name(ns), "link", "set", "lo", "up"});
        }
        sh({"ip", "-n", ns_name('c'), "link", "add", "br0", "type", "bridge"});
        sh({"ip", "-n", ns_name('c'), "addr", "add", "198.51.100.1/24", "dev", "br0"});
        sh({"ip", "-n", ns_name('c'), "link", "set", "br0", "up"});
        for (char node : {'a', 'b'}) {
            const std::string port = std::string("p") + node;
            sh({"ip", "-n", ns_name(node), "link", "add", "eth0", "type", "veth", "peer", "name",
                port, "netns", ns_name('c')});
            sh({"ip", "-n", ns_name('c'), "link", "set", port, "master", "br0", "up"});
            sh({"ip", "-n", ns_name(node), "addr", "add", external_address(node) + "/24", "dev",
                "eth0"});
            sh({"ip", "-n", ns_name(node), "link", "set", "eth0", "up"});
        }
        // The heartbeat link is a switch too, so that a third party can talk on it.
        sh({"ip", "-n", ns_name('h'), "link", "add", "hbr", "type", "bridge"});
        sh({"ip", "-n", ns_name('h'), "addr", "add", "192.0.2.9/24", "dev", "hbr"});
        sh({"ip", "-n", ns_name('h'), "link", "set", "hbr", "up"});
        for (char node : {'a', 'b'}) {
            const std::string port = std::string("h") + node;
            sh({"ip", "-n", ns_name(node), "link", "add", "eth1", "type", "veth", "peer", "name",
                port, "netns", ns_name('h')});
            sh({"ip", "-n", ns_name('h'), "link", "set", port, "master", "hbr", "up"});
        }
        for (char node : {'a', 'b'}) {
            sh({"ip", "-n", ns_name(node), "addr", "add", heartbeat_address(node) + "/24", "dev",
                "eth1"});
            sh({"ip", "-n", ns_name(node), "link", "set", "eth1", "up"});
            write_config(node);
            const fs::path www = dir() / (std::string("www-") + node);
            fs::create_directories(www);
            write_file(www / "index.html", node == 'a' ? "NodeA" : "NodeB");
            servers_.push_back(std::make_unique<background_process>(
                std::vector<std::string>{"ip", "netns", "exec", ns_name(node), "/usr/bin/python3",
                                         "-m", "http.server", "8080", "--bind", "0.0.0.0",
                                         "--directory", www.string()},
                dir() / (std::string("http-") + node + ".log")));
        }
        // The plan of node a, as an operator makes it: hacompile over both node folders, or
        // over node a's alone when the test gives the nodes different keys on purpose (the
        // cross-node check would refuse them together).
        std::vector<std::string> args{"--target",
                                      "plan",
                                      "--include-secrets",
                                      "-o",
                                      (dir() / "plan").string(),
                                      (dir() / "srv5").string()};
        if (settings_.authkeys_a == settings_.authkeys_b) {
            args.push_back((dir() / "srv6").string());
        }
        const auto compiled = run_process(HACOMPILE_PATH, args);
        if (compiled.exit_code != 0) {
            throw std::runtime_error("hacompile failed: " + compiled.err);
        }
    } catch (...) {
        teardown();
        throw;
    }
}

cluster::~cluster() {
    teardown();
}

void cluster::teardown() {
    harun_a_.reset();
    harun_b_.reset();
    servers_.clear();
    for (const std::string& name : namespaces_) {
        // Whatever is left: a detached heartbeat, its mach_down children, send_arp children of
        // IPaddr. A process may fork while the sweep kills its parent, so sweep until the
        // namespace is empty (bounded: 50 rounds, 20 ms apart).
        for (int round = 0; round < 50; ++round) {
            const auto pids = run_process("ip", {"netns", "pids", name});
            std::istringstream list(pids.out);
            bool any = false;
            for (std::string pid; list >> pid;) {
                run_process("kill", {"-9", pid});
                any = true;
            }
            if (!any) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        run_process("ip", {"netns", "del", name});
    }
    namespaces_.clear();
}

std::string cluster::ns_name(char ns) const {
    return prefix_ + ns;
}

void cluster::sh(const std::vector<std::string>& command) const {
    const auto result =
        run_process(command.front(), std::vector<std::string>(command.begin() + 1, command.end()));
    if (result.exit_code != 0) {
        std::string line;
        for (const auto& word : command) {
            line += word + " ";
        }
        throw std::runtime_error(
            fmt::format("{}failed: {}{}", line, describe_end(result), result.err));
    }
}

run_result cluster::run_in(char ns, const std::vector<std::string>& command) const {
    std::vector<std::string> args{"netns", "exec", ns_name(ns)};
    args.insert(args.end(), command.begin(), command.end());
    return run_process("ip", args);
}

// The seed's ha.cf, haresources and authkeys (examples/seed) with documentation addresses,
// fast timings and the log in the test directory.
void cluster::write_config(char node) const {
    const fs::path folder = dir() / (node == 'a' ? "srv5" : "srv6");
    fs::create_directories(folder);
    write_file(folder / "ha.cf",
               fmt::format("logfile {}\n"
                           "logfacility local0\n"
                           "keepalive {}\nwarntime {}\ndeadtime {}\ninitdead {}\n"
                           "udpport 694\n"
                           "ucast eth1 {}\n"
                           "auto_failback {}\n"
                           "node srv5.localdomain\nnode srv6.localdomain\n"
                           "{}",
                           (dir() / (std::string("node-") + node + ".log")).string(),
                           settings_.keepalive, settings_.warntime, settings_.deadtime,
                           settings_.initdead, heartbeat_address(other(node)),
                           settings_.auto_failback,
                           settings_.ipfail ? "ping 198.51.100.1 192.0.2.7\n"
                                              "respawn hacluster /usr/lib/heartbeat/ipfail\n"
                                            : ""));
    write_file(folder / "haresources", "srv5.localdomain IPaddr::198.51.100.100/32\n");
    write_file(folder / "authkeys", node == 'a' ? settings_.authkeys_a : settings_.authkeys_b);
    fs::permissions(folder / "authkeys", fs::perms::owner_read | fs::perms::owner_write);
    write_file(folder / "nodeinfo", node_name(node) + "\n");
}

void cluster::start(char node) {
    const fs::path state = dir() / (std::string("state-") + node);
    std::vector<std::string> command{"ip", "netns", "exec", ns_name(node), HARUN_PATH, "run"};
    if (node == 'a') {
        command.insert(command.end(), {"--plan", (dir() / "plan" / "plan.json").string()});
    } else {
        command.insert(command.end(), {"--config", (dir() / "srv6").string()});
    }
    command.insert(command.end(),
                   {"--node", node_name(node), "--state-dir", state.string(), "--foreground"});
    command.insert(command.end(), settings_.harun_options.begin(), settings_.harun_options.end());
    auto& slot = node == 'a' ? harun_a_ : harun_b_;
    slot.reset();
    slot = std::make_unique<background_process>(command,
                                                dir() / (std::string("stderr-") + node + ".log"));
}

void cluster::stop(char node, int signal) {
    auto& slot = node == 'a' ? harun_a_ : harun_b_;
    if (slot) {
        slot->signal(signal);
    }
}

int cluster::wait_exit(char node, milliseconds limit) {
    auto& slot = node == 'a' ? harun_a_ : harun_b_;
    return slot ? slot->wait(limit) : -1;
}

bool cluster::running(char node) {
    auto& slot = node == 'a' ? harun_a_ : harun_b_;
    return slot && slot->running();
}

void cluster::cut_links(char node) {
    for (const char* device : {"eth0", "eth1"}) {
        sh({"ip", "-n", ns_name(node), "link", "set", device, "down"});
    }
}

void cluster::restore_links(char node) {
    for (const char* device : {"eth0", "eth1"}) {
        sh({"ip", "-n", ns_name(node), "link", "set", device, "up"});
    }
}

std::string cluster::ask_vip() const {
    run_options options;
    options.time_limit = milliseconds(3000);
    const auto result = run_process("ip",
                                    {"netns", "exec", ns_name('c'), "curl", "-s", "--max-time",
                                     "0.25", fmt::format("http://{}:8080/", vip)},
                                    options);
    return result.exit_code == 0 ? result.out : std::string();
}

std::optional<milliseconds> cluster::wait_for_vip(const std::string& body,
                                                  milliseconds limit) const {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < limit) {
        if (ask_vip() == body) {
            return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() -
                                                            start);
        }
        std::this_thread::sleep_for(milliseconds(50));
    }
    return std::nullopt;
}

nlohmann::json cluster::status(char node) const {
    const fs::path state = dir() / (std::string("state-") + node);
    const auto result =
        run_process(HARUN_PATH, {"status", "--json", "--state-dir", state.string()});
    if (result.exit_code != 0) {
        return nullptr;
    }
    return nlohmann::json::parse(result.out, nullptr, false);
}

std::string cluster::log_of(char node) const {
    std::string text;
    for (const char* kind : {"stderr-"}) {
        const fs::path file = dir() / (std::string(kind) + node + ".log");
        if (fs::exists(file)) {
            text += "--- " + file.filename().string() + "\n" + read_file(file);
        }
    }
    return text;
}

} // namespace hakit::test

namespace hakit::test {

bool cluster::wait_for_status(char node, const std::function<bool(const nlohmann::json&)>& accept,
                              milliseconds limit) const {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < limit) {
        const nlohmann::json document = status(node);
        if (document.is_object() && accept(document)) {
            return true;
        }
        std::this_thread::sleep_for(milliseconds(100));
    }
    return false;
}

bool cluster::wait_until_settled(char node, milliseconds deadtime, milliseconds limit) const {
    return wait_for_status(
        node,
        [&](const nlohmann::json& document) {
            for (const auto& member : document.value("nodes", nlohmann::json::array())) {
                if (!member.value("local", true) &&
                    member.value("dead_timeout_ms", std::int64_t{0}) != deadtime.count()) {
                    return false;
                }
            }
            return document.value("comm_up", false);
        },
        limit);
}

} // namespace hakit::test

namespace hakit::test {

void cluster::start_heartbeat(char node) {
    const std::string script =
        std::string(HAKIT_SOURCE_DIR) + "/tests/runtime/daemon/run_heartbeat.sh";
    const fs::path work = dir() / (std::string("heartbeat-") + node);
    sh({"ip", "netns", "exec", ns_name(node), "/bin/sh", script, node_name(node),
        (dir() / (node == 'a' ? "srv5" : "srv6")).string(), work.string()});
}

std::string cluster::config_log_of(char node) const {
    const fs::path file = dir() / (std::string("node-") + node + ".log");
    return fs::exists(file) ? read_file(file) : std::string();
}

} // namespace hakit::test
