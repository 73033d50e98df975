#include <hakit/runtime/node/log_sink.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <syslog.h>
#include <unistd.h>
#include <utility>

namespace hakit::runtime::node {

std::string_view to_string(log_level level) {
    switch (level) {
    case log_level::debug:
        return "debug";
    case log_level::info:
        return "info";
    case log_level::warning:
        return "WARN";
    case log_level::error:
        return "ERROR";
    }
    return "info";
}

std::optional<int> syslog_facility(std::string_view name) {
    struct named_facility {
        std::string_view name;
        int code;
    };
    static constexpr std::array facilities{
        named_facility{"auth", LOG_AUTH},     named_facility{"authpriv", LOG_AUTHPRIV},
        named_facility{"cron", LOG_CRON},     named_facility{"daemon", LOG_DAEMON},
        named_facility{"ftp", LOG_FTP},       named_facility{"kern", LOG_KERN},
        named_facility{"lpr", LOG_LPR},       named_facility{"mail", LOG_MAIL},
        named_facility{"news", LOG_NEWS},     named_facility{"syslog", LOG_SYSLOG},
        named_facility{"user", LOG_USER},     named_facility{"uucp", LOG_UUCP},
        named_facility{"local0", LOG_LOCAL0}, named_facility{"local1", LOG_LOCAL1},
        named_facility{"local2", LOG_LOCAL2}, named_facility{"local3", LOG_LOCAL3},
        named_facility{"local4", LOG_LOCAL4}, named_facility{"local5", LOG_LOCAL5},
        named_facility{"local6", LOG_LOCAL6}, named_facility{"local7", LOG_LOCAL7},
    };
    for (const auto& facility : facilities) {
        if (facility.name == name) {
            return facility.code;
        }
    }
    return std::nullopt;
}

std::string format_log_line(std::string_view ident, long pid,
                            std::chrono::system_clock::time_point when, log_level level,
                            std::string_view message) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()) % 1000;
    std::tm local{};
    ::localtime_r(&seconds, &local);
    std::array<char, 32> stamp{};
    std::strftime(stamp.data(), stamp.size(), "%Y/%m/%d_%H:%M:%S", &local);
    return fmt::format("{}[{}]: {}.{:03} {}: {}\n", ident, pid, stamp.data(),
                       (millis.count() + 1000) % 1000, to_string(level), message);
}

namespace {

int syslog_priority(log_level level) {
    switch (level) {
    case log_level::debug:
        return LOG_DEBUG;
    case log_level::info:
        return LOG_INFO;
    case log_level::warning:
        return LOG_WARNING;
    case log_level::error:
        return LOG_ERR;
    }
    return LOG_INFO;
}

outcome<file_descriptor> open_append(const std::string& path) {
    file_descriptor fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (!fd) {
        return failure{fmt::format("cannot open log file {}: {}", path, std::strerror(errno))};
    }
    return fd;
}

// One write per line with O_APPEND, so lines from several processes never interleave.
void write_line(int fd, std::string_view line) {
    while (!line.empty()) {
        const ssize_t written = ::write(fd, line.data(), line.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return; // a full disk must not stop the daemon; nothing better to do here
        }
        line.remove_prefix(static_cast<std::size_t>(written));
    }
}

} // namespace

outcome<log_sink> log_sink::open(const log_destinations& destinations) {
    log_sink sink;
    sink.to_stderr_ = destinations.to_stderr;
    sink.ident_ = destinations.ident;
    if (destinations.logfile) {
        auto fd = open_append(*destinations.logfile);
        if (!fd) {
            return failure{fd.error()};
        }
        sink.logfile_ = std::move(*fd);
    }
    if (destinations.debugfile) {
        auto fd = open_append(*destinations.debugfile);
        if (!fd) {
            return failure{fd.error()};
        }
        sink.debugfile_ = std::move(*fd);
    }
    if (destinations.logfacility && *destinations.logfacility != "none") {
        sink.facility_ = syslog_facility(*destinations.logfacility);
        if (!sink.facility_) {
            return failure{
                fmt::format("unknown syslog facility \"{}\"", *destinations.logfacility)};
        }
        // openlog keeps the pointer: ident_ lives as long as the sink and is never changed.
        ::openlog(sink.ident_.c_str(), LOG_PID | LOG_NDELAY, *sink.facility_);
    }
    return sink;
}

log_sink::log_sink(log_sink&& other) noexcept
    : to_stderr_(other.to_stderr_), logfile_(std::move(other.logfile_)),
      debugfile_(std::move(other.debugfile_)), facility_(std::exchange(other.facility_, {})),
      ident_(std::move(other.ident_)) {
    if (facility_) {
        ::openlog(ident_.c_str(), LOG_PID | LOG_NDELAY, *facility_); // ident_ moved: re-point
    }
}

log_sink& log_sink::operator=(log_sink&& other) noexcept {
    if (this != &other) {
        if (facility_) {
            ::closelog();
        }
        to_stderr_ = other.to_stderr_;
        logfile_ = std::move(other.logfile_);
        debugfile_ = std::move(other.debugfile_);
        facility_ = std::exchange(other.facility_, {});
        ident_ = std::move(other.ident_);
        if (facility_) {
            ::openlog(ident_.c_str(), LOG_PID | LOG_NDELAY, *facility_);
        }
    }
    return *this;
}

log_sink::~log_sink() {
    if (facility_) {
        ::closelog();
    }
}

void log_sink::write(log_level level, std::string_view message) {
    write_at(std::chrono::system_clock::now(), level, message);
}

void log_sink::write_at(std::chrono::system_clock::time_point when, log_level level,
                        std::string_view message) {
    const std::string line =
        format_log_line(ident_, static_cast<long>(::getpid()), when, level, message);
    if (to_stderr_ && level != log_level::debug) {
        write_line(STDERR_FILENO, line);
    }
    if (debugfile_) {
        write_line(debugfile_.get(), line);
    }
    if (logfile_ && level != log_level::debug) {
        write_line(logfile_.get(), line);
    }
    if (facility_) {
        ::syslog(*facility_ | syslog_priority(level), "%.*s", static_cast<int>(message.size()),
                 message.data());
    }
}

} // namespace hakit::runtime::node
