#include <hakit/runtime/resources/child_process.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace hakit::runtime::resources {
namespace {

void close_fd(int& fd) {
    if (fd >= 0) {
        ::close(fd);
    }
    fd = -1;
}

// Owns the posix_spawn attribute objects for the length of one start().
struct spawn_setup {
    posix_spawn_file_actions_t actions{};
    posix_spawnattr_t attributes{};
    spawn_setup() {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attributes);
    }
    spawn_setup(const spawn_setup&) = delete;
    spawn_setup& operator=(const spawn_setup&) = delete;
    ~spawn_setup() {
        posix_spawnattr_destroy(&attributes);
        posix_spawn_file_actions_destroy(&actions);
    }
};

// Pointers into `strings` ending with nullptr, as exec wants them.
std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    pointers.reserve(strings.size() + 1);
    for (std::string& s : strings) {
        pointers.push_back(s.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

// Reads that one on_ready() call makes per pipe while the child runs, so a child that writes
// without pause cannot keep the event loop here (the pipe stays readable, we come back).
constexpr std::size_t reads_per_call = 16;
// After the child exited only what it left in the pipe remains; a pipe holds at most 1 MiB.
constexpr std::size_t reads_after_exit = 64;

} // namespace

child_result child_result::failed_to_start(std::string why) {
    child_result result;
    result.end = end_kind::not_started;
    result.launch_error = std::move(why);
    return result;
}

std::string describe(const child_result& result) {
    switch (result.end) {
    case child_result::end_kind::exited:
        return fmt::format("exit {}", result.exit_code);
    case child_result::end_kind::signalled:
        return fmt::format("killed by signal {}", result.signal);
    case child_result::end_kind::timed_out:
        if (result.signal != 0) {
            return fmt::format("timed out (killed by signal {})", result.signal);
        }
        return fmt::format("timed out (exit {} after SIGTERM)", result.exit_code);
    case child_result::end_kind::not_started:
        return "not started: " + result.launch_error;
    }
    return "unknown";
}

std::variant<child_process, std::string> child_process::start(const std::vector<std::string>& argv,
                                                              const child_options& options,
                                                              time_point now) {
    if (argv.empty() || argv.front().empty()) {
        return std::string("empty command");
    }
    const bool capture = options.output_file.empty();
    int out_pipe[2] = {-1, -1};
    int err_pipe[2] = {-1, -1};
    if (capture && (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)) {
        const std::string why = std::strerror(errno);
        close_fd(out_pipe[0]);
        close_fd(out_pipe[1]);
        return "cannot create pipes: " + why;
    }

    spawn_setup setup;
    posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (capture) {
        posix_spawn_file_actions_adddup2(&setup.actions, out_pipe[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&setup.actions, err_pipe[1], STDERR_FILENO);
    } else {
        posix_spawn_file_actions_addopen(&setup.actions, STDOUT_FILENO, options.output_file.c_str(),
                                         O_WRONLY | O_APPEND | O_CREAT, 0600);
        posix_spawn_file_actions_adddup2(&setup.actions, STDOUT_FILENO, STDERR_FILENO);
    }
    // Whatever the daemon forgot to mark close-on-exec stays with the daemon.
    posix_spawn_file_actions_addclosefrom_np(&setup.actions, STDERR_FILENO + 1);
    // Own process group, so a timeout kills the script and everything it started; no signal
    // blocked (the daemon blocks those it reads through signalfd) and none ignored.
    sigset_t no_signals;
    sigset_t all_signals;
    sigemptyset(&no_signals);
    sigfillset(&all_signals);
    posix_spawnattr_setpgroup(&setup.attributes, 0);
    posix_spawnattr_setsigmask(&setup.attributes, &no_signals);
    posix_spawnattr_setsigdefault(&setup.attributes, &all_signals);
    posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                                    POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> args = argv;
    std::vector<char*> arg_pointers = c_strings(args);
    std::vector<std::string> env = options.environment;
    std::vector<char*> env_pointers = c_strings(env);
    char** envp = options.environment.empty() ? environ : env_pointers.data();

    pid_t pid = -1;
    // glibc's posix_spawn reports a failed exec here instead of in the child.
    const int spawn_error = ::posix_spawnp(&pid, args.front().c_str(), &setup.actions,
                                           &setup.attributes, arg_pointers.data(), envp);
    close_fd(out_pipe[1]);
    close_fd(err_pipe[1]);
    if (spawn_error != 0) {
        close_fd(out_pipe[0]);
        close_fd(err_pipe[0]);
        return fmt::format("cannot run {}: {}", argv.front(), std::strerror(spawn_error));
    }

    child_process child;
    child.pid_ = pid;
    child.pipes_ = {out_pipe[0], err_pipe[0]};
    // The child is ours and not yet reaped, so its pid cannot have been reused here.
    const long pidfd = ::syscall(SYS_pidfd_open, pid, 0);
    if (pidfd < 0) {
        const std::string why = std::strerror(errno);
        child.end_child();
        return "pidfd_open failed (Linux 5.3 or later is needed): " + why;
    }
    child.pidfd_ = static_cast<int>(pidfd);
    for (int fd : child.pipes_) {
        if (fd >= 0) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        }
    }
    child.max_output_bytes_ = options.max_output_bytes;
    child.term_at_ = now + options.time_limit;
    child.kill_grace_ = options.kill_grace;
    return child;
}

child_process::child_process(child_process&& other) noexcept {
    *this = std::move(other);
}

child_process& child_process::operator=(child_process&& other) noexcept {
    if (this != &other) {
        end_child();
        pid_ = std::exchange(other.pid_, -1);
        pidfd_ = std::exchange(other.pidfd_, -1);
        pipes_ = std::exchange(other.pipes_, {-1, -1});
        output_ = std::move(other.output_);
        truncated_ = other.truncated_;
        max_output_bytes_ = other.max_output_bytes_;
        term_at_ = other.term_at_;
        kill_at_ = other.kill_at_;
        kill_grace_ = other.kill_grace_;
        term_sent_ = other.term_sent_;
        kill_sent_ = other.kill_sent_;
        result_ = std::move(other.result_);
    }
    return *this;
}

child_process::~child_process() {
    end_child();
}

void child_process::end_child() {
    if (pid_ > 0 && !result_) {
        ::kill(-pid_, SIGKILL);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
    }
    pid_ = -1;
    close_fds();
}

void child_process::close_fds() {
    close_fd(pidfd_);
    close_fd(pipes_[0]);
    close_fd(pipes_[1]);
}

std::array<int, 3> child_process::watch_fds() const {
    return {pipes_[0], pipes_[1], pidfd_};
}

void child_process::read_pipes(std::size_t max_reads) {
    char buffer[65536];
    for (std::size_t stream = 0; stream < pipes_.size(); ++stream) {
        int& fd = pipes_[stream];
        for (std::size_t reads = 0; fd >= 0 && reads < max_reads; ++reads) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                break;
            }
            if (got <= 0) {
                close_fd(fd); // end of file, or an error that reading again will not cure
                break;
            }
            const auto size = static_cast<std::size_t>(got);
            std::string& kept = output_[stream];
            const std::size_t room =
                kept.size() < max_output_bytes_ ? max_output_bytes_ - kept.size() : 0;
            kept.append(buffer, size < room ? size : room);
            truncated_[stream] = truncated_[stream] || size > room;
        }
    }
}

void child_process::on_ready(time_point now) {
    if (result_) {
        return;
    }
    read_pipes(reads_per_call);
    int status = 0;
    pid_t reaped = ::waitpid(pid_, &status, WNOHANG);
    while (reaped < 0 && errno == EINTR) {
        reaped = ::waitpid(pid_, &status, WNOHANG);
    }
    if (reaped == pid_) {
        finish(status);
        return;
    }
    if (!term_sent_ && now >= term_at_) {
        ::kill(-pid_, SIGTERM);
        term_sent_ = true;
        kill_at_ = now + kill_grace_;
    } else if (term_sent_ && !kill_sent_ && now >= kill_at_) {
        ::kill(-pid_, SIGKILL);
        kill_sent_ = true;
    }
}

void child_process::finish(int wait_status) {
    // What the child wrote before it ended is in the pipes now. Processes it left behind may
    // still hold them open: we do not wait for them (like a timeout, they are its business).
    read_pipes(reads_after_exit);
    child_result result;
    if (WIFEXITED(wait_status)) {
        result.end = child_result::end_kind::exited;
        result.exit_code = WEXITSTATUS(wait_status);
    } else {
        result.end = child_result::end_kind::signalled;
        result.signal = WIFSIGNALED(wait_status) ? WTERMSIG(wait_status) : 0;
    }
    if (term_sent_) {
        result.end = child_result::end_kind::timed_out;
    }
    result.out = std::move(output_[0]);
    result.err = std::move(output_[1]);
    result.out_truncated = truncated_[0];
    result.err_truncated = truncated_[1];
    result_ = std::move(result);
    close_fds();
}

std::optional<time_point> child_process::next_deadline() const {
    if (result_ || kill_sent_) {
        return std::nullopt; // only the pidfd can tell us more now
    }
    return term_sent_ ? kill_at_ : term_at_;
}

} // namespace hakit::runtime::resources
