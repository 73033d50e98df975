// A program left running in the background by a test (harun, an HTTP server), its output in a
// file, always killed and reaped when the object goes away.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hakit::test {

class background_process {
  public:
    // Starts argv (argv[0] looked up in PATH) with stdout and stderr appended to `log`.
    background_process(const std::vector<std::string>& argv, const std::filesystem::path& log);
    background_process(const background_process&) = delete;
    background_process& operator=(const background_process&) = delete;
    ~background_process(); // SIGKILL if still running, then reaped

    pid_t pid() const { return pid_; }
    bool running();
    void signal(int number);
    // Waits up to `limit` for the exit; the exit code, or -1 (killed by a signal / still
    // running, then killed).
    int wait(std::chrono::milliseconds limit);

  private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

} // namespace hakit::test
