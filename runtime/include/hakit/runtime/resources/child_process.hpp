// Runs one script as a child process without ever blocking the caller.
//
// Completion is noticed through a pidfd (pidfd_open, Linux 5.3+): it becomes readable when the
// child exits, it belongs to this child only (no process-wide SIGCHLD handler to share with
// other code, no self-pipe), it can sit in the daemon's epoll set next to the two output pipes,
// and it cannot be confused with a recycled pid. The event loop polls watch_fds() for input and
// calls on_ready(now) when any is readable or next_deadline() has passed.
#pragma once

#include <hakit/runtime/resources/resource.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <sys/types.h>
#include <variant>
#include <vector>

namespace hakit::runtime::resources {

struct child_options {
    // Run time allowed before the process group gets SIGTERM.
    std::chrono::milliseconds time_limit{60'000};
    // Time between SIGTERM and SIGKILL to the group once time_limit has passed.
    std::chrono::milliseconds kill_grace{5'000};
    // Output kept per stream; the rest is read and dropped so the child never stalls.
    std::size_t max_output_bytes = 64 * 1024;
    // Full environment (NAME=value), see apply_environment(); empty: the caller's own.
    std::vector<std::string> environment;
    // Empty: stdout and stderr are captured through pipes (needed for `status`). Otherwise
    // both are appended to this file and nothing is captured, as ResourceManager sends start
    // and stop output to HA_DEBUGLOG. Use it for start: a daemon the script leaves running
    // with our pipe as its stdout would get SIGPIPE once the pipe is closed after the script
    // ended, while a file stays writable.
    std::string output_file;
};

struct child_result {
    enum class end_kind {
        exited,      // exit_code is meaningful
        signalled,   // killed by `signal` (not by us)
        timed_out,   // we ended it after time_limit (signal says with which signal it died)
        not_started, // launch_error says why; nothing ran
    };
    end_kind end = end_kind::not_started;
    int exit_code = -1;
    int signal = 0;
    std::string out;
    std::string err;
    bool out_truncated = false;
    bool err_truncated = false;
    std::string launch_error;

    bool succeeded() const { return end == end_kind::exited && exit_code == 0; }
    static child_result failed_to_start(std::string why);
};

// "exit 0", "exit 1", "killed by signal 9", "timed out (killed by signal 15)", "not started: ..."
std::string describe(const child_result& result);

class child_process {
  public:
    // Starts argv[0] (searched in PATH when it has no '/') in its own process group, stdin
    // /dev/null, stdout and stderr to pipes or output_file, no signal blocked or ignored, no
    // other fd inherited.
    // Returns the reason when the program cannot be started (posix_spawn reports exec errors).
    static std::variant<child_process, std::string>
    start(const std::vector<std::string>& argv, const child_options& options, time_point now);

    child_process(child_process&& other) noexcept;
    child_process& operator=(child_process&& other) noexcept;
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    // A child still running is killed (whole group, SIGKILL) and reaped.
    ~child_process();

    // The descriptors to poll for input: stdout, stderr, pidfd; -1 for those closed or unused.
    std::array<int, 3> watch_fds() const;

    // Reads what the pipes hold, reaps the child once it exited, and sends SIGTERM / SIGKILL
    // when their time has come. Never waits.
    void on_ready(time_point now);

    // When on_ready must be called next even without input; nothing once finished.
    std::optional<time_point> next_deadline() const;

    bool finished() const { return result_.has_value(); }
    // Only meaningful once finished().
    const child_result& result() const { return *result_; }
    pid_t pid() const { return pid_; }

  private:
    child_process() = default;
    void read_pipes(std::size_t max_reads);
    void finish(int wait_status);
    void end_child(); // kill a running child's group, reap it, close everything
    void close_fds();

    pid_t pid_ = -1;
    int pidfd_ = -1;
    std::array<int, 2> pipes_{-1, -1}; // stdout, stderr
    std::array<std::string, 2> output_;
    std::array<bool, 2> truncated_{false, false};
    std::size_t max_output_bytes_ = 0;
    time_point term_at_{};
    time_point kill_at_{};
    std::chrono::milliseconds kill_grace_{0};
    bool term_sent_ = false;
    bool kill_sent_ = false;
    std::optional<child_result> result_;
};

} // namespace hakit::runtime::resources
