#include "process.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace hakit::test {
namespace {

// A file descriptor closed when it goes out of scope.
class owned_fd {
  public:
    owned_fd() = default;
    explicit owned_fd(int fd) : fd_(fd) {}
    owned_fd(const owned_fd&) = delete;
    owned_fd& operator=(const owned_fd&) = delete;
    owned_fd(owned_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    owned_fd& operator=(owned_fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    ~owned_fd() { reset(); }

    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = -1;
    }

  private:
    int fd_ = -1;
};

struct pipe_pair {
    owned_fd read_end;
    owned_fd write_end;
};

pipe_pair make_pipe() {
    std::array<int, 2> fds{};
    if (::pipe2(fds.data(), O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    }
    return pipe_pair{owned_fd(fds[0]), owned_fd(fds[1])};
}

// "NAME=value" strings for the child: ours, minus the unset ones, with the overrides.
std::vector<std::string> child_environment(const run_options& options) {
    std::vector<std::string> result;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text(*entry);
        const std::string name = text.substr(0, text.find('='));
        bool dropped = options.set_env.count(name) > 0;
        for (const auto& unset : options.unset_env) {
            dropped = dropped || unset == name;
        }
        if (!dropped) {
            result.push_back(text);
        }
    }
    for (const auto& [name, value] : options.set_env) {
        result.push_back(name + "=" + value);
    }
    return result;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (auto& text : strings) {
        result.push_back(text.data());
    }
    result.push_back(nullptr);
    return result;
}

// Runs in the child between fork and exec: only async-signal-safe calls. On failure the errno
// goes to `report_fd` (close-on-exec, so a successful exec closes it with nothing written).
[[noreturn]] void exec_child(const char* program, char* const* argv, char* const* envp,
                             const char* working_dir, int out_fd, int err_fd, int report_fd) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    const bool redirected = null_fd >= 0 && ::dup2(null_fd, STDIN_FILENO) >= 0 &&
                            ::dup2(out_fd, STDOUT_FILENO) >= 0 &&
                            ::dup2(err_fd, STDERR_FILENO) >= 0;
    if (redirected && (working_dir == nullptr || ::chdir(working_dir) == 0)) {
        ::execvpe(program, argv, envp);
    }
    const int error = errno;
    [[maybe_unused]] const auto written = ::write(report_fd, &error, sizeof error);
    ::_exit(127);
}

// Reads both pipes until they close or the deadline passes. Returns false on timeout.
bool drain(int out_fd, int err_fd, std::chrono::steady_clock::time_point deadline,
           run_result& result) {
    std::array<pollfd, 2> watched{pollfd{out_fd, POLLIN, 0}, pollfd{err_fd, POLLIN, 0}};
    std::array<std::string*, 2> sinks{&result.out, &result.err};
    int open_count = 2;
    std::array<char, 8192> buffer{};
    while (open_count > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        const int ready = ::poll(watched.data(), watched.size(), static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0) {
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        }
        for (std::size_t i = 0; i < watched.size(); ++i) {
            if (watched[i].fd < 0 || watched[i].revents == 0) {
                continue;
            }
            const ssize_t count = ::read(watched[i].fd, buffer.data(), buffer.size());
            if (count > 0) {
                sinks[i]->append(buffer.data(), static_cast<std::size_t>(count));
            } else if (count == 0 || errno != EINTR) {
                watched[i].fd = -1; // end of file (or a read error): stop watching it
                --open_count;
            }
        }
    }
    return true;
}

} // namespace

run_result run_process(const std::string& program, const std::vector<std::string>& args,
                       const run_options& options) {
    std::vector<std::string> argv_strings{program};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings = child_environment(options);
    const std::vector<char*> argv = c_strings(argv_strings);
    const std::vector<char*> envp = c_strings(env_strings);
    const std::string working_dir = options.working_dir.string();

    pipe_pair out_pipe = make_pipe();
    pipe_pair err_pipe = make_pipe();
    pipe_pair report_pipe = make_pipe();

    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        exec_child(program.c_str(), argv.data(), envp.data(),
                   working_dir.empty() ? nullptr : working_dir.c_str(), out_pipe.write_end.get(),
                   err_pipe.write_end.get(), report_pipe.write_end.get());
    }
    out_pipe.write_end.reset();
    err_pipe.write_end.reset();
    report_pipe.write_end.reset();

    run_result result;
    const auto deadline = std::chrono::steady_clock::now() + options.time_limit;
    result.timed_out = !drain(out_pipe.read_end.get(), err_pipe.read_end.get(), deadline, result);
    if (result.timed_out) {
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }

    int exec_error = 0;
    if (::read(report_pipe.read_end.get(), &exec_error, sizeof exec_error) ==
        static_cast<ssize_t>(sizeof exec_error)) {
        const std::string where = working_dir.empty() ? "" : " in " + working_dir;
        throw std::runtime_error("cannot run " + program + where + ": " +
                                 std::strerror(exec_error));
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}

std::string describe_end(const run_result& result) {
    if (result.timed_out) {
        return "timed out";
    }
    if (result.signal != 0) {
        return "killed by signal " + std::to_string(result.signal) + " (" +
               ::strsignal(result.signal) + ")";
    }
    return "exit " + std::to_string(result.exit_code);
}

} // namespace hakit::test
