// Where harun's messages go: stderr, the plan's logfile and debugfile (appended to) and its
// syslog facility, one line per message with the time and the level.
#pragma once

#include <hakit/runtime/node/file_descriptor.hpp>
#include <hakit/runtime/node/outcome.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hakit::runtime::node {

enum class log_level { debug, info, warning, error };
std::string_view to_string(log_level level);

struct log_destinations {
    bool to_stderr = true;                  // info and above
    std::optional<std::string> logfile;     // info and above
    std::optional<std::string> debugfile;   // everything
    std::optional<std::string> logfacility; // syslog facility name; "none" or absent: no syslog
    std::string ident = "harun";
};

// The syslog facility code for a name Heartbeat accepts (local0..7, daemon, user, ...).
std::optional<int> syslog_facility(std::string_view name);

// "harun[1234]: 2026/11/27_05:21:36.123 info: message\n", the shape Heartbeat's log lines
// have (with milliseconds, which matter at sub-second timings), in local time.
std::string format_log_line(std::string_view ident, long pid,
                            std::chrono::system_clock::time_point when, log_level level,
                            std::string_view message);

class log_sink {
  public:
    // Opens the files (created 0644 when missing) and syslog; fails naming the file or facility.
    static outcome<log_sink> open(const log_destinations& destinations);

    log_sink(log_sink&&) noexcept;
    log_sink& operator=(log_sink&&) noexcept;
    log_sink(const log_sink&) = delete;
    log_sink& operator=(const log_sink&) = delete;
    ~log_sink();

    void write(log_level level, std::string_view message);
    void write_at(std::chrono::system_clock::time_point when, log_level level,
                  std::string_view message);

  private:
    log_sink() = default;

    bool to_stderr_ = true;
    file_descriptor logfile_;
    file_descriptor debugfile_;
    std::optional<int> facility_;
    std::string ident_;
};

} // namespace hakit::runtime::node
