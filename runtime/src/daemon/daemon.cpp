// The harun node daemon: entry point, start-up order, event loop and signals.
#include "harun_node.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <initializer_list>
#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace hakit::runtime::daemon::detail {
namespace {

std::optional<steady::time_point>
earliest(std::initializer_list<std::optional<steady::time_point>> all) {
    std::optional<steady::time_point> first;
    for (const auto& when : all) {
        if (when && (!first || *when < *first)) {
            first = when;
        }
    }
    return first;
}

} // namespace

int node_daemon::run() {
    if (!set_up()) {
        return 1;
    }
    if (!options_.foreground && !detach()) {
        return 1;
    }
    remove_stale_addresses();
    const auto now = steady::now();
    log(log_level::info,
        fmt::format("harun {} starting on node {} (generation {}), {} peer(s), {} group(s)",
                    HAKIT_VERSION, local_node_, generation_, plan_.nodes.size() - 1,
                    plan_.groups.size()));
    on_membership(membership_->start(now), now, nullptr);
    drain(now);
    loop();
    log(log_level::info, "harun stopped");
    return exit_code_;
}

void node_daemon::loop() {
    while (!finished_) {
        const auto before = steady::now();
        std::vector<pollfd> fds;
        fds.push_back(pollfd{signal_fd_.get(), POLLIN, 0});
        fds.push_back(pollfd{control_->fd(), POLLIN, 0});
        const std::vector<int> media_fds = media_->fds();
        for (int fd : media_fds) {
            fds.push_back(pollfd{fd, POLLIN, 0});
        }
        const std::size_t ping_slot = fds.size();
        if (pings_) {
            fds.push_back(pollfd{pings_->fd(), POLLIN, 0});
        }
        for (int fd : driver_->watch_fds()) {
            fds.push_back(pollfd{fd, POLLIN, 0});
        }
        const auto next =
            earliest({membership_->next_deadline(), policy_->next_deadline(),
                      driver_->next_deadline(), pings_ ? pings_->next_deadline() : std::nullopt});
        int timeout_ms = 1000;
        if (next) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - before);
            timeout_ms = static_cast<int>(std::clamp<std::int64_t>(wait.count(), 0, 1000));
        }
        if (::poll(fds.data(), fds.size(), timeout_ms) < 0 && errno != EINTR) {
            log(log_level::error, fmt::format("poll: {}", std::strerror(errno)));
            exit_code_ = 1;
            return;
        }
        const auto now = steady::now();
        if ((fds[0].revents & POLLIN) != 0) {
            read_signals(now);
        }
        for (std::size_t i = 0; i < media_fds.size(); ++i) {
            if ((fds[2 + i].revents & POLLIN) != 0) {
                for (node::received_datagram& datagram : media_->receive(media_fds[i])) {
                    on_datagram(datagram, now);
                }
            }
        }
        if ((fds[1].revents & POLLIN) != 0) {
            control_->process();
        }
        if (pings_) {
            if ((fds[ping_slot].revents & POLLIN) != 0) {
                pings_->on_readable(now);
            }
            if (auto count = pings_->update(now)) {
                log(log_level::info,
                    fmt::format("{} of {} ping node(s) visible", *count, pings_->size()));
                post(policy::event::ping_counts{*count, std::nullopt});
            }
        }
        driver_output done;
        driver_->on_ready(now, done);
        on_driver(done, now);
        if (auto due = membership_->next_deadline(); due && *due <= now) {
            on_membership(membership_->tick(now), now, nullptr);
        }
        if (auto due = policy_->next_deadline(); due && *due <= now) {
            post(policy::event::timer_expired{});
        }
        drain(now);
    }
}

void node_daemon::read_signals(steady::time_point now) {
    signalfd_siginfo info{};
    while (::read(signal_fd_.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        if (info.ssi_signo == SIGHUP) {
            reload();
        } else if (!stopping_) {
            stopping_ = true;
            log(log_level::info, fmt::format("signal {}: releasing every group and leaving",
                                             ::strsignal(static_cast<int>(info.ssi_signo))));
            post(policy::event::shutdown_request{});
        } else {
            log(log_level::info, "already shutting down");
        }
    }
    drain(now);
}

} // namespace hakit::runtime::daemon::detail

namespace hakit::runtime::daemon {

int run_daemon(const daemon_options& options) {
    detail::node_daemon daemon(options);
    return daemon.run();
}

} // namespace hakit::runtime::daemon
