// Runs the real Heartbeat 3.0.6 daemon (Debian's `heartbeat` package) on a node folder and tells
// whether it refused the configuration. The daemon runs inside fresh mount, UTS, network and pid
// namespaces: the folder is bind-mounted on /etc/ha.d, its state and log directories are tmpfs,
// the network has only lo and the veth devices asked for, and everything it started dies with the
// namespace. Needs root.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hakit::test {

inline const std::filesystem::path heartbeat_daemon = "/usr/libexec/heartbeat/heartbeat";

// Why the daemon cannot be run here (not installed, not root), or nothing when it can.
std::optional<std::string> heartbeat_unavailable_reason();

// Copies what the daemon needs beside the configuration (resource.d, rc.d, harc, shellfuncs)
// from the installed /etc/ha.d into `folder`.
void add_heartbeat_support_files(const std::filesystem::path& folder);

struct heartbeat_options {
    std::string node_name;               // the hostname inside the namespace
    std::vector<std::string> interfaces; // created as veth devices with an IPv4 address
    std::chrono::seconds settle{3};      // how long a daemon that started is left running
    std::chrono::seconds time_limit{30}; // the whole namespace is killed after it
};

enum class heartbeat_verdict { accepted, refused, inconclusive };

std::string to_string(heartbeat_verdict verdict);

struct heartbeat_result {
    heartbeat_verdict verdict = heartbeat_verdict::inconclusive;
    std::string reason;                   // one line: why this verdict
    std::vector<std::string> error_lines; // its ERROR lines and bare stderr messages, in order
    std::string transcript;               // everything it printed and logged, for debugging
};

// Runs the daemon on `folder` (absolute, a scratch copy: the daemon writes its log there when
// ha.cf says so). Throws std::runtime_error when the runner itself cannot be started.
heartbeat_result run_heartbeat(const std::filesystem::path& folder,
                               const heartbeat_options& options);

// The verdict from what the namespace script printed: `out` holds the "rc=N" line of the daemon's
// exit code then the log files, `err` the daemon's own stderr. Refused: a non-zero exit, or one of
// the fatal lines Heartbeat logs after "Configuration validated". Accepted: exit 0, validated, none
// of those. Anything else is inconclusive (the runner, not the configuration, went wrong).
heartbeat_result judge_heartbeat_output(const std::string& out, const std::string& err);

} // namespace hakit::test
