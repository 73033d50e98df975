#include "oracle/heartbeat_runner.hpp"
#include "tool/process.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hakit::test {
namespace {

const fs::path installed_ha_d = "/etc/ha.d";

// Runs as pid 1 of the new namespaces; arguments: folder, node name, settle seconds, then the
// interfaces to create. Setup errors stop it before the daemon runs (no "rc=" line then). The
// daemon's stdout joins its stderr so stdout carries only "rc=N" and the logs. tmpfs over
// /var/log keeps log lines of configurations that name a log file there off the host; /dev/log
// is hidden for the same reason (with systemd it points into /run, which is a tmpfs here too).
constexpr std::string_view namespace_script = R"sh(set -eu
folder=$1 node=$2 settle=$3
shift 3
mount --make-rprivate /
mount --bind "$folder" /etc/ha.d
hostname "$node"
mount -t tmpfs tmpfs /var/lib/heartbeat
mkdir -p /var/lib/heartbeat/cores/root /var/lib/heartbeat/cores/hacluster
mount -t tmpfs tmpfs /run
mkdir -p /run/heartbeat
mount -t tmpfs tmpfs /var/log
if [ -S /dev/log ] && [ ! -L /dev/log ]; then mount --bind /dev/null /dev/log; fi
ip link set lo up
index=0
for name in "$@"; do
    ip link add "$name" type veth peer name "hakit-peer$index"
    ip addr add "10.231.$index.1/24" broadcast + dev "$name"
    ip link set "hakit-peer$index" up
    ip link set "$name" up
    index=$((index + 1))
done
set +e
/usr/libexec/heartbeat/heartbeat 1>&2
rc=$?
echo "rc=$rc"
if [ "$rc" -eq 0 ]; then sleep "$settle"; fi
echo "--- logs ---"
cat /etc/ha.d/ha-log 2>/dev/null
find /var/log -type f -exec cat {} + 2>/dev/null
exit 0
)sh";

// Lines Heartbeat logs after "Configuration validated" when it then gives up.
constexpr std::array<std::string_view, 2> fatal_after_validation{"Bad nodename",
                                                                 "Cannot open resources file"};

bool is_fatal_line(const std::string& line) {
    const bool node_missing = line.find("Current node") != std::string::npos &&
                              line.find("not in configuration") != std::string::npos;
    return node_missing ||
           std::any_of(fatal_after_validation.begin(), fatal_after_validation.end(),
                       [&](std::string_view text) { return line.find(text) != std::string::npos; });
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

void add_unique(std::vector<std::string>& lines, const std::string& line) {
    if (!line.empty() && std::find(lines.begin(), lines.end(), line) == lines.end()) {
        lines.push_back(line);
    }
}

// Messages Heartbeat writes straight to stderr carry no newline ("heartbeat: udpport setting must
// precede media statementsheartbeat: Watchdog device multiply specified."), so they are cut at
// each "heartbeat: ". The two "must precede media statements" ones print on every run.
void add_bare_stderr_messages(std::vector<std::string>& found, const std::string& line) {
    static const std::string prefix = "heartbeat: ";
    std::size_t start = line.find(prefix);
    while (start != std::string::npos) {
        const std::size_t text_start = start + prefix.size();
        const std::size_t next = line.find(prefix, text_start);
        const std::string text = line.substr(
            text_start, next == std::string::npos ? std::string::npos : next - text_start);
        if (text.find("must precede media statements") == std::string::npos) {
            add_unique(found, "stderr: " + text);
        }
        start = next;
    }
}

// ERROR lines (from "ERROR:" on, without the syslog-style prefix) and bare stderr messages.
std::vector<std::string> error_lines_of(const std::vector<std::string>& lines) {
    std::vector<std::string> found;
    for (const auto& line : lines) {
        const std::size_t error_at = line.find("ERROR:");
        if (error_at != std::string::npos) {
            add_unique(found, line.substr(error_at));
        } else if (line.find("]: ") == std::string::npos) { // not a log line ("[pid]: ")
            add_bare_stderr_messages(found, line);
        }
    }
    return found;
}

std::optional<int> exit_code_line(const std::string& out) {
    static const std::regex rc_line(R"(^rc=(\d+)$)");
    for (const auto& line : split_lines(out)) {
        std::smatch match;
        if (std::regex_match(line, match, rc_line)) {
            return std::stoi(match[1].str());
        }
    }
    return std::nullopt;
}

std::string describe_exit(int code) {
    if (code > 128) { // bash reports a death by signal N as 128+N
        return fmt::format("exit {} (killed by signal {})", code, code - 128);
    }
    return fmt::format("exit {}", code);
}

} // namespace

std::optional<std::string> heartbeat_unavailable_reason() {
    if (!fs::exists(heartbeat_daemon)) {
        return heartbeat_daemon.string() + " is not installed (apt-get install heartbeat)";
    }
    if (::geteuid() != 0) {
        return std::string("running the daemon in namespaces needs root");
    }
    for (const char* needed : {"resource.d", "rc.d", "harc", "shellfuncs"}) {
        if (!fs::exists(installed_ha_d / needed)) {
            return (installed_ha_d / needed).string() + " is missing";
        }
    }
    return std::nullopt;
}

void add_heartbeat_support_files(const fs::path& folder) {
    for (const char* name : {"resource.d", "rc.d", "harc", "shellfuncs"}) {
        fs::copy(installed_ha_d / name, folder / name,
                 fs::copy_options::recursive | fs::copy_options::copy_symlinks |
                     fs::copy_options::overwrite_existing);
    }
}

std::string to_string(heartbeat_verdict verdict) {
    switch (verdict) {
    case heartbeat_verdict::accepted:
        return "accepted";
    case heartbeat_verdict::refused:
        return "refused";
    case heartbeat_verdict::inconclusive:
        break;
    }
    return "inconclusive";
}

heartbeat_result judge_heartbeat_output(const std::string& out, const std::string& err) {
    heartbeat_result result;
    result.transcript = "--- stderr ---\n" + err + "--- stdout ---\n" + out;
    std::vector<std::string> lines = split_lines(err);
    const std::vector<std::string> out_lines = split_lines(out);
    lines.insert(lines.end(), out_lines.begin(), out_lines.end());
    result.error_lines = error_lines_of(lines);

    const std::optional<int> exit_code = exit_code_line(out);
    if (!exit_code) {
        result.reason = "the namespace setup failed before the daemon ran";
        return result;
    }
    const auto validated = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.find("Configuration validated") != std::string::npos;
    });
    const auto fatal = std::find_if(lines.begin(), lines.end(), is_fatal_line);
    const char* stage = validated == lines.end() ? "before" : "after";
    if (*exit_code != 0) {
        result.verdict = heartbeat_verdict::refused;
        result.reason =
            fmt::format("{} {} 'Configuration validated'", describe_exit(*exit_code), stage);
    } else if (validated == lines.end()) {
        result.reason = "exit 0 without 'Configuration validated'";
    } else if (fatal != lines.end()) {
        result.verdict = heartbeat_verdict::refused;
        result.reason = "validated, then: " + *fatal;
    } else {
        result.verdict = heartbeat_verdict::accepted;
        result.reason = "exit 0, 'Configuration validated', no fatal line after it";
    }
    return result;
}

heartbeat_result run_heartbeat(const fs::path& folder, const heartbeat_options& options) {
    if (!folder.is_absolute()) {
        throw std::runtime_error("run_heartbeat needs an absolute folder: " + folder.string());
    }
    // No shell ever sees these values: they reach the script as positional parameters.
    std::vector<std::string> args{std::to_string(options.time_limit.count()),
                                  "unshare",
                                  "--mount",
                                  "--uts",
                                  "--net",
                                  "--pid",
                                  "--kill-child",
                                  "bash",
                                  "-c",
                                  std::string(namespace_script),
                                  "hakit-oracle",
                                  folder.string(),
                                  options.node_name,
                                  std::to_string(options.settle.count())};
    args.insert(args.end(), options.interfaces.begin(), options.interfaces.end());

    run_options limits;
    limits.time_limit = std::chrono::duration_cast<std::chrono::milliseconds>(
        options.time_limit + std::chrono::seconds(10)); // `timeout` ends it first
    const run_result run = run_process("timeout", args, limits);
    if (!run.exited() || run.exit_code != 0) {
        heartbeat_result result;
        result.reason = "the runner ended with " + describe_end(run);
        result.transcript = "--- stderr ---\n" + run.err + "--- stdout ---\n" + run.out;
        return result;
    }
    return judge_heartbeat_output(run.out, run.err);
}

} // namespace hakit::test
