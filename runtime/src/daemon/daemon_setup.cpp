// Daemon set-up: plan, node name, logs, keys, state dir, sockets, machines, detaching.
#include "harun_node.hpp"

#include <hakit/runtime/daemon/node_uuid.hpp>
#include <hakit/runtime/daemon/plan_source.hpp>
#include <hakit/runtime/daemon/translate.hpp>
#include <hakit/runtime/node/generation.hpp>
#include <hakit/runtime/node/node_name.hpp>
#include <hakit/runtime/node/state_dir.hpp>
#include <hakit/runtime/resources/environment.hpp>
#include <hakit/runtime/resources/status.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <iostream>
#include <sys/signalfd.h>
#include <unistd.h>

extern char** environ;

namespace hakit::runtime::daemon::detail {

bool node_daemon::fail(const std::string& message, const std::string& details) {
    if (!details.empty()) {
        std::cerr << details;
    }
    if (sink_) {
        sink_->write(log_level::error, message);
    } else {
        std::cerr << "harun: error: " << message << '\n';
    }
    return false;
}

bool node_daemon::set_up() {
    auto loaded = load_runtime_plan(options_.source);
    if (auto* failure = std::get_if<plan_failure>(&loaded)) {
        return fail(failure->message, failure->details);
    }
    plan_ = std::move(std::get<node::runtime_plan>(loaded));

    node::node_name_sources names;
    names.option = options_.node_name;
    names.ha_d = options_.source.config_dir ? *options_.source.config_dir : options_.ha_dir;
    names.uname = node::system_node_name();
    auto chosen = node::choose_local_node(names, plan_);
    if (!chosen) {
        return fail(chosen.error());
    }
    local_node_ = *chosen;

    auto sink = node::log_sink::open(log_destinations(plan_));
    if (!sink) {
        return fail(sink.error());
    }
    sink_.emplace(std::move(*sink));

    auto keys = plan_keys(plan_);
    if (auto* problem = std::get_if<std::string>(&keys)) {
        return fail(*problem);
    }
    keys_ = std::move(std::get<wire::key_set>(keys));

    auto dir = node::prepare_state_dir(options_.state_dir);
    if (!dir) {
        return fail(dir.error());
    }
    auto generation =
        node::advance_generation(*dir, static_cast<std::uint64_t>(std::time(nullptr)));
    if (!generation) {
        return fail(generation.error());
    }
    generation_ = generation->generation;
    auto uuid = load_or_create_uuid(*dir);
    if (!uuid) {
        return fail(uuid.error());
    }
    uuid_ = *uuid;

    if (!open_signals()) {
        return false;
    }
    auto control =
        node::control_server::open(*dir / node::control_socket_name,
                                   [this](const json& request) { return on_control(request); });
    if (!control) {
        return fail(control.error());
    }
    control_.emplace(std::move(*control));

    const node::cluster_node* self = plan_.find_node(local_node_);
    if (self == nullptr || self->media.empty()) {
        return fail(fmt::format("the plan lists no media for node {}", local_node_));
    }
    auto media = node::media_set::open(self->media);
    if (!media) {
        return fail(media.error());
    }
    media_.emplace(std::move(*media));

    membership_.emplace(membership_config(plan_, local_node_, media_->link_ids()));
    auto policy = policy::policy_machine::create(policy_config(plan_, local_node_));
    if (auto* problem = std::get_if<policy::config_error>(&policy)) {
        return fail(problem->message);
    }
    policy_.emplace(std::move(std::get<policy::policy_machine>(policy)));
    arp_ = arp_announcer::open();
    if (auto* problem = std::get_if<std::string>(&arp_)) {
        log(log_level::warning, fmt::format("addresses will not be announced: {}", *problem));
    }
    driver_.emplace(group_definitions(), script_setup());
    driver_->on_before_start([this](const std::string& group, std::size_t resource) {
        withdraw_claim(group, resource);
    });
    if (!plan_.ping_nodes.empty()) {
        auto pings = ping_monitor::open(plan_.ping_nodes, plan_.timing_ms.keepalive,
                                        plan_.timing_ms.deadping, steady::now());
        if (auto* problem = std::get_if<std::string>(&pings)) {
            log(log_level::warning, fmt::format("ping nodes not watched: {}", *problem));
        } else {
            pings_.emplace(std::move(std::get<ping_monitor>(pings)));
        }
    }
    return true;
}

node::log_destinations node_daemon::log_destinations(const node::runtime_plan& plan) {
    node::log_destinations where;
    where.logfile = plan.logging.logfile;
    where.debugfile = plan.logging.debugfile;
    where.logfacility = plan.logging.logfacility;
    return where;
}

std::vector<resource_driver::group_definition> node_daemon::group_definitions() const {
    std::vector<resource_driver::group_definition> groups;
    for (const node::resource_group& group : plan_.groups) {
        groups.push_back({group.id, group_resources(group)});
    }
    return groups;
}

resources::script_setup node_daemon::script_setup() const {
    resources::script_setup setup;
    setup.dirs.resource_dir = options_.resource_dir;
    setup.dirs.init_dir = options_.init_dir;
    resources::script_env_settings env;
    env.current_host = local_node_;
    env.resource_dir = options_.resource_dir;
    env.log_file = plan_.logging.logfile.value_or("");
    env.debug_log = plan_.logging.debugfile.value_or("");
    env.log_facility = plan_.logging.logfacility.value_or("");
    env.nice_failback = plan_.auto_failback != node::failback_policy::legacy;
    for (const node::env_entry& entry : plan_.env) {
        env.env_directives[entry.name] = entry.value;
    }
    std::vector<std::string> base;
    for (char** variable = environ; variable != nullptr && *variable != nullptr; ++variable) {
        base.emplace_back(*variable);
    }
    setup.options.environment =
        resources::apply_environment(base, resources::script_environment(env));
    return setup;
}

bool node_daemon::open_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGHUP);
    if (::sigprocmask(SIG_BLOCK, &signals, nullptr) != 0) {
        return fail(fmt::format("blocking signals: {}", std::strerror(errno)));
    }
    signal_fd_.reset(::signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC));
    if (!signal_fd_) {
        return fail(fmt::format("signalfd: {}", std::strerror(errno)));
    }
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}

bool node_daemon::detach() {
    const pid_t child = ::fork();
    if (child < 0) {
        return fail(fmt::format("fork: {}", std::strerror(errno)));
    }
    if (child > 0) {
        ::_exit(0); // the child owns the sockets and the control socket file
    }
    ::setsid();
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::close(null);
    }
    return true;
}

void node_daemon::remove_stale_addresses() {
    const resources::script_setup setup = script_setup();
    for (const node::resource_group& group : plan_.groups) {
        for (const node::resource& item : group.resources) {
            if (!item.ip) {
                continue;
            }
            const resources::resource_ref ref{item.script, item.args};
            const auto status = run_script_now(ref, resources::script_action::status, setup);
            if (!resources::status_says_running(status.out)) {
                continue;
            }
            log(log_level::warning,
                fmt::format("{} is configured but not held yet: removing it before joining",
                            resources::resource_token(ref)));
            const auto stopped = run_script_now(ref, resources::script_action::stop, setup);
            if (!stopped.succeeded()) {
                log(log_level::error,
                    fmt::format("stopping {} failed: {}", resources::resource_token(ref),
                                resources::describe(stopped)));
            }
        }
    }
}

} // namespace hakit::runtime::daemon::detail
