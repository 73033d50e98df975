#include <hakit/runtime/daemon/daemon.hpp>
#include <hakit/runtime/daemon/harun.hpp>
#include <hakit/runtime/daemon/status_report.hpp>
#include <hakit/runtime/node/control_socket.hpp>
#include <hakit/runtime/node/state_dir.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace hakit::runtime::daemon {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

struct command_line {
    daemon_options run;
    std::string plan_file;
    std::string config_dir;
    std::string node;
    std::string state_dir = node::default_state_dir;
    bool json = false;
    std::string set = "all";
    bool version = false;
};

// status, standby and takeover talk to the running daemon through its control socket.
int ask_daemon(const command_line& given, const nlohmann::json& request, bool print_status) {
    const auto socket = std::filesystem::path(given.state_dir) / node::control_socket_name;
    auto answer = node::control_request(socket, request);
    if (!answer) {
        std::cerr << "harun: error: " << answer.error() << '\n';
        return exit_failure;
    }
    if (!answer->value("ok", false)) {
        std::cerr << "harun: error: " << answer->value("error", "the daemon refused") << '\n';
        return exit_failure;
    }
    if (print_status) {
        if (given.json) {
            nlohmann::json shown = *answer;
            shown.erase("ok");
            std::cout << shown.dump(2) << '\n';
        } else {
            std::cout << status_text(*answer);
        }
    }
    return exit_ok;
}

} // namespace

int run_harun(int argc, const char* const* argv) {
    CLI::App app("harun: runs a Linux-HA Heartbeat v1 cluster node from a hacompile plan, "
                 "speaking heartbeat 3.0.6's wire protocol.",
                 "harun");
    app.require_subcommand(0, 1);
    command_line given;
    app.add_flag("--version", given.version, "Print the version and exit");

    CLI::App* run = app.add_subcommand("run", "Run the node (until SIGTERM)");
    auto* plan = run->add_option("--plan", given.plan_file,
                                 "A plan from `hacompile --target plan --include-secrets`")
                     ->type_name("FILE");
    auto* config = run->add_option("--config", given.config_dir,
                                   "A node folder (like /etc/ha.d), validated and compiled "
                                   "in-process; errors refuse the start")
                       ->type_name("DIR");
    plan->excludes(config);
    config->excludes(plan);
    run->add_option("--node", given.node,
                    "Local node name (default: nodeinfo, else uname -n, lowercased)")
        ->type_name("NAME");
    run->add_option("--state-dir", given.state_dir,
                    "Generation counter, node UUID and control socket")
        ->type_name("DIR")
        ->capture_default_str();
    run->add_option("--resource-dir", given.run.resource_dir, "Resource scripts, looked up first")
        ->type_name("DIR")
        ->capture_default_str();
    run->add_option("--init-dir", given.run.init_dir, "Init scripts, looked up second")
        ->type_name("DIR")
        ->capture_default_str();
    run->add_flag("--foreground", given.run.foreground, "Do not detach (systemd, tests)");
    run->add_flag("!--no-early-claim", given.run.early_address_claim,
                  "Leave adding service addresses to the IPaddr scripts alone instead of "
                  "claiming them ahead of the scripts (docs/runtime.md)");

    CLI::App* status = app.add_subcommand("status", "Nodes, links, groups and dropped packets");
    status->add_flag("--json", given.json, "As JSON");
    CLI::App* standby = app.add_subcommand("standby", "Hand groups to the peer");
    CLI::App* takeover = app.add_subcommand("takeover", "Take groups from the peer");
    for (CLI::App* command : {status, standby, takeover}) {
        command->add_option("--state-dir", given.state_dir, "The running daemon's state dir")
            ->type_name("DIR")
            ->capture_default_str();
    }
    for (CLI::App* command : {standby, takeover}) {
        command
            ->add_option("SET", given.set,
                         "all, local (groups whose haresources node is this one) or foreign")
            ->check(CLI::IsMember({"all", "local", "foreign"}))
            ->capture_default_str();
    }
    app.footer("Exit status: 0 ok, 1 runtime failure, 2 usage error.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return exit_ok;
    } catch (const CLI::ParseError& error) {
        std::cerr << "harun: error: " << error.what() << '\n';
        return exit_usage;
    }
    if (given.version) {
        std::cout << "harun (hakit) " << HAKIT_VERSION << '\n';
        return exit_ok;
    }
    if (run->parsed()) {
        if (given.plan_file.empty() == given.config_dir.empty()) {
            std::cerr << "harun: error: run needs exactly one of --plan FILE and --config DIR\n";
            return exit_usage;
        }
        if (!given.plan_file.empty()) {
            given.run.source.plan_file = given.plan_file;
        } else {
            given.run.source.config_dir = given.config_dir;
        }
        if (!given.node.empty()) {
            given.run.node_name = given.node;
            given.run.source.node_name = given.node;
        }
        given.run.state_dir = given.state_dir;
        return run_daemon(given.run);
    }
    if (status->parsed()) {
        return ask_daemon(given, {{"command", "status"}}, true);
    }
    if (standby->parsed() || takeover->parsed()) {
        const std::string command = standby->parsed() ? "standby" : "takeover";
        return ask_daemon(given, {{"command", command}, {"set", given.set}}, false);
    }
    std::cerr << "harun: error: a command is needed (run, status, standby, takeover; see "
                 "--help)\n";
    return exit_usage;
}

} // namespace hakit::runtime::daemon
