// The promise "hacheck never calls clean what Heartbeat refuses", checked against the real
// Heartbeat 3.0.6 daemon: every folder in tests/oracle/cases (one change each to a valid base)
// and a few corpus folders are given to both. When Heartbeat refuses, hacheck must report an error
// of a rule that stands for a refusal; when Heartbeat accepts, hacheck must report no error at all
// (warnings are fine). Each case also records the verdict Heartbeat was measured to give
// (case.txt), so a change in the daemon or in the runner shows up by itself.
#include "oracle/heartbeat_runner.hpp"
#include "support/corpus_manifest.hpp"
#include "tool/process.hpp"
#include "tool/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;

namespace {

const fs::path cases_root = fs::path(HAKIT_SOURCE_DIR) / "tests" / "oracle" / "cases";
const std::string hacheck_path = HACHECK_PATH;

// Interface names the configurations use, created in every run's network namespace (the corpus
// names real devices, and bcast/mcast refuse an interface that does not exist).
const std::vector<std::string> lab_interfaces{"eth0", "eth1", "enp0s3"};

constexpr std::size_t parallel_runs = 4;

// hacheck rules whose errors mean "Heartbeat 3.0.6 refuses to start with this". HA003 (info),
// the warnings-only rules and HA401 (several node folders) are not among them.
const std::set<std::string> refusal_rules{
    "syntax-error",
    "missing-config-file",
    "unknown-directive",
    "invalid-value",
    "deadtime-too-short",
    "initdead-below-deadtime",
    "deadping-too-short",
    "no-media",
    "no-nodes",
    "repeated-directive",
    "misplaced-directive",
    "no-log-destination",
    "autojoin-with-haresources",
    "node-name-mismatch",
    "authkeys-permissions",
    "missing-auth-directive",
    "auth-key-not-found",
    "crc-with-key",
    "missing-auth-key",
};

// One folder to give to both programs.
struct oracle_job {
    std::string name;      // the scratch folder's name, also how failures name it
    fs::path source;       // where its config files come from
    std::string node_name; // the local node
    fs::perms authkeys_mode = fs::perms::owner_read | fs::perms::owner_write;
    std::optional<std::string> measured_verdict; // what Heartbeat was measured to say
    std::string about;                           // why it was picked, when the name does not say
};

struct finding {
    std::string severity;
    std::string rule;
    std::string text; // "file:line:column: severity: message [CODE rule]"
};

struct hacheck_report {
    std::vector<finding> findings;
    std::string problem; // set when hacheck could not be run or its output not read
};

struct oracle_outcome {
    heartbeat_result heartbeat;
    hacheck_report hacheck;
    std::string problem; // an exception while preparing or running
};

std::string trim_line_end(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

std::string first_line(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::getline(in, line);
    return trim_line_end(line);
}

// case.txt: "heartbeat: accepted|refused" and optionally "authkeys-mode: 0644".
oracle_job read_case(const fs::path& folder) {
    oracle_job job;
    job.name = folder.filename().string();
    job.source = folder;
    job.node_name = first_line(folder / "nodeinfo");
    std::ifstream in(folder / "case.txt");
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(": ");
        if (colon == std::string::npos) {
            continue;
        }
        const std::string key = line.substr(0, colon);
        const std::string value = trim_line_end(line.substr(colon + 2));
        if (key == "heartbeat") {
            job.measured_verdict = value;
        } else if (key == "authkeys-mode") {
            job.authkeys_mode = static_cast<fs::perms>(std::stoul(value, nullptr, 8));
        }
    }
    return job;
}

std::vector<oracle_job> read_cases() {
    std::vector<oracle_job> jobs;
    for (const auto& entry : fs::directory_iterator(cases_root)) {
        if (entry.is_directory()) {
            jobs.push_back(read_case(entry.path()));
        }
    }
    std::sort(jobs.begin(), jobs.end(),
              [](const oracle_job& a, const oracle_job& b) { return a.name < b.name; });
    return jobs;
}

// Corpus folders holding ha.cf, haresources and authkeys, picked for their different findings.
// They have no nodeinfo: the node is the hostname, set to a node the folder names (or would).
struct corpus_pick {
    const char* folder;
    const char* node_name;
    const char* verdict;
    const char* about;
};
const std::vector<corpus_pick> corpus_picks{
    {"GiTim95-Ansible__Heartbeat", "tim1", "refused", "node lines typed as 'tim1'/'tim2'"},
    {"balabit-deps-balabit-os-6-heartbeat__doc", "node1", "refused",
     "upstream samples: no medium, no node, no auth line"},
    {"bwahn-heartbeat-vagrant__root", "node1", "refused", "haresources owner 'lisa' not a node"},
    {"ljproyectoasir-LB04__heartbeat", "alton", "accepted", "initdead 4 s: warnings only"},
    {"maxencecolmant-asterrisk-project__root", "asteriskmaster", "accepted",
     "crc and md5 keys next to the sha1 one in use"},
};

std::vector<oracle_job> corpus_jobs() {
    std::vector<oracle_job> jobs;
    for (const auto& pick : corpus_picks) {
        oracle_job job;
        job.name = pick.folder;
        job.source = corpus_root() / pick.folder;
        job.node_name = pick.node_name;
        job.measured_verdict = pick.verdict;
        job.about = pick.about;
        jobs.push_back(job);
    }
    return jobs;
}

// scratch/<name>: the job's config files, authkeys at its mode, plus the daemon's own files.
fs::path prepare_folder(const temp_dir& scratch, const oracle_job& job) {
    const fs::path folder = scratch.path() / job.name;
    fs::create_directories(folder);
    for (const char* name : {"ha.cf", "haresources", "authkeys", "nodeinfo"}) {
        if (fs::exists(job.source / name)) {
            fs::copy_file(job.source / name, folder / name);
            fs::permissions(folder / name, fs::perms::owner_read | fs::perms::owner_write |
                                               fs::perms::group_read | fs::perms::others_read);
        }
    }
    if (fs::exists(folder / "authkeys")) {
        fs::permissions(folder / "authkeys", job.authkeys_mode);
    }
    add_heartbeat_support_files(folder);
    return folder;
}

hacheck_report run_hacheck_json(const fs::path& working_dir, const oracle_job& job) {
    run_options options;
    options.working_dir = working_dir;
    const run_result run = run_process(hacheck_path,
                                       {"--format", "json", "--color", "never", "--node",
                                        job.name + "=" + job.node_name, job.name},
                                       options);
    hacheck_report report;
    if (!run.exited() || (run.exit_code != 0 && run.exit_code != 1)) {
        report.problem =
            fmt::format("hacheck ended with {}; stderr: {}", describe_end(run), run.err);
        return report;
    }
    try {
        const auto json = nlohmann::json::parse(run.out);
        for (const auto& item : json.at("diagnostics")) {
            finding found;
            found.severity = item.at("severity").get<std::string>();
            found.rule = item.at("rule").get<std::string>();
            found.text = fmt::format("{}:{}:{}: {}: {} [{} {}]", item.at("file").get<std::string>(),
                                     item.at("line").get<int>(), item.at("column").get<int>(),
                                     found.severity, item.at("message").get<std::string>(),
                                     item.at("code").get<std::string>(), found.rule);
            report.findings.push_back(found);
        }
    } catch (const nlohmann::json::exception& error) {
        report.problem =
            fmt::format("hacheck's JSON cannot be read ({}):\n{}", error.what(), run.out);
    }
    return report;
}

oracle_outcome run_job(const temp_dir& scratch, const oracle_job& job) {
    oracle_outcome outcome;
    try {
        const fs::path folder = prepare_folder(scratch, job);
        outcome.hacheck = run_hacheck_json(scratch.path(), job);
        heartbeat_options options;
        options.node_name = job.node_name;
        options.interfaces = lab_interfaces;
        outcome.heartbeat = run_heartbeat(folder, options);
    } catch (const std::exception& error) {
        outcome.problem = error.what();
    }
    return outcome;
}

// Runs every job, `parallel_runs` at a time; each job has its own folder and namespaces.
std::vector<oracle_outcome> run_all(const temp_dir& scratch, const std::vector<oracle_job>& jobs) {
    std::vector<oracle_outcome> outcomes(jobs.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < std::min(parallel_runs, jobs.size()); ++i) {
        workers.emplace_back([&] {
            for (std::size_t index = next++; index < jobs.size(); index = next++) {
                outcomes[index] = run_job(scratch, jobs[index]);
            }
        });
    }
    for (auto& worker : workers) {
        worker.join();
    }
    return outcomes;
}

bool is_error(const finding& found) {
    return found.severity == "error";
}

bool is_refusal(const finding& found) {
    return is_error(found) && refusal_rules.count(found.rule) > 0;
}

// Empty when hacheck agrees with Heartbeat's verdict, else what is wrong.
std::string disagreement(heartbeat_verdict verdict, const hacheck_report& report) {
    const auto& findings = report.findings;
    if (verdict == heartbeat_verdict::refused &&
        std::none_of(findings.begin(), findings.end(), is_refusal)) {
        return "Heartbeat refuses it, but hacheck reports no error of a refusal rule";
    }
    if (verdict == heartbeat_verdict::accepted &&
        std::any_of(findings.begin(), findings.end(), is_error)) {
        return "Heartbeat accepts it, but hacheck reports an error";
    }
    return "";
}

std::string indented(const std::vector<std::string>& lines) {
    if (lines.empty()) {
        return "    (none)\n";
    }
    std::string text;
    for (const auto& line : lines) {
        text += "    " + line + "\n";
    }
    return text;
}

std::string describe(const oracle_job& job, const oracle_outcome& outcome) {
    std::vector<std::string> diagnostics;
    for (const auto& found : outcome.hacheck.findings) {
        diagnostics.push_back(found.text);
    }
    return fmt::format("case {} (node {}){}\nHeartbeat: {} ({})\nHeartbeat's errors:\n{}"
                       "hacheck's diagnostics:\n{}",
                       job.name, job.node_name, job.about.empty() ? "" : ": " + job.about,
                       to_string(outcome.heartbeat.verdict), outcome.heartbeat.reason,
                       indented(outcome.heartbeat.error_lines), indented(diagnostics));
}

void check_agreement(const std::vector<oracle_job>& jobs) {
    REQUIRE_FALSE(jobs.empty());
    const temp_dir scratch;
    const std::vector<oracle_outcome> outcomes = run_all(scratch, jobs);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const oracle_job& job = jobs[i];
        const oracle_outcome& outcome = outcomes[i];
        INFO(describe(job, outcome));
        if (!outcome.problem.empty()) {
            FAIL_CHECK("the case could not be run: " << outcome.problem);
            continue;
        }
        if (!outcome.hacheck.problem.empty()) {
            FAIL_CHECK(outcome.hacheck.problem);
            continue;
        }
        if (outcome.heartbeat.verdict == heartbeat_verdict::inconclusive) {
            FAIL_CHECK("no verdict from Heartbeat:\n" << outcome.heartbeat.transcript);
            continue;
        }
        if (job.measured_verdict && *job.measured_verdict != to_string(outcome.heartbeat.verdict)) {
            FAIL_CHECK("Heartbeat was measured to say '"
                       << *job.measured_verdict << "' here, it now says '"
                       << to_string(outcome.heartbeat.verdict) << "'");
        }
        const std::string wrong = disagreement(outcome.heartbeat.verdict, outcome.hacheck);
        if (!wrong.empty()) {
            FAIL_CHECK(wrong);
        }
    }
}

// The README's test command installs heartbeat and runs as root: a missing daemon is a broken
// set-up, never a reason to pass with nothing compared.
bool heartbeat_available() {
    if (const auto reason = heartbeat_unavailable_reason()) {
        FAIL_CHECK("the Heartbeat oracle cannot run: " << *reason
                                                       << " (run the README test command)");
        return false;
    }
    return true;
}

} // namespace

TEST_CASE("every rule the oracle counts as a Heartbeat refusal is an error rule hacheck lists",
          "[oracle]") {
    const run_result run = run_process(hacheck_path, {"--list-rules"});
    REQUIRE(run.exited());
    REQUIRE(run.exit_code == 0);
    std::map<std::string, std::string> severity_of; // "CODE  name  severity  summary"
    std::istringstream lines(run.out);
    std::string code;
    std::string name;
    std::string severity;
    std::string summary;
    while (lines >> code >> name >> severity && std::getline(lines, summary)) {
        severity_of[name] = severity;
    }
    for (const auto& rule : refusal_rules) {
        INFO("rule " << rule);
        REQUIRE(severity_of.count(rule) == 1);
        CHECK(severity_of[rule] == "error");
    }
}

TEST_CASE("the Heartbeat verdict comes from its exit code and the lines logged after validation",
          "[oracle]") {
    const std::string validated = "Nov 27 01:24:00 n1 heartbeat: [10]: info: Configuration "
                                  "validated. Starting heartbeat 3.0.6\n";
    SECTION("a non-zero exit before validation is a refusal") {
        const auto result = judge_heartbeat_output(
            "rc=6\n--- logs ---\n",
            "heartbeat: udpport setting must precede media statementsheartbeat: Watchdog "
            "device multiply specified.\nNov 27 01:24:00 n1 heartbeat: [10]: ERROR: Heartbeat "
            "not started: configuration error.\n");
        CHECK(result.verdict == heartbeat_verdict::refused);
        CHECK(result.reason == "exit 6 before 'Configuration validated'");
        CHECK(result.error_lines ==
              std::vector<std::string>{"stderr: Watchdog device multiply specified.",
                                       "ERROR: Heartbeat not started: configuration error."});
    }
    SECTION("a crash is a refusal") {
        const auto result = judge_heartbeat_output("rc=139\n--- logs ---\n", "");
        CHECK(result.verdict == heartbeat_verdict::refused);
        CHECK(result.reason == "exit 139 (killed by signal 11) before 'Configuration validated'");
    }
    SECTION("a fatal line after validation is a refusal even with exit 0") {
        const auto result =
            judge_heartbeat_output("rc=0\n--- logs ---\n" + validated +
                                       "Nov 27 01:24:00 n1 heartbeat: [10]: ERROR: Bad nodename in "
                                       "/etc/ha.d//haresources [nobody]\n",
                                   "");
        CHECK(result.verdict == heartbeat_verdict::refused);
        CHECK(result.error_lines ==
              std::vector<std::string>{"ERROR: Bad nodename in /etc/ha.d//haresources [nobody]"});
    }
    SECTION("validated with no fatal line is accepted, other ERROR lines notwithstanding") {
        const auto result = judge_heartbeat_output(
            "rc=0\n--- logs ---\n" + validated +
                "Nov 27 01:24:00 n1 heartbeat: [11]: ERROR: Cannot lock ourselves into memory\n",
            "");
        CHECK(result.verdict == heartbeat_verdict::accepted);
    }
    SECTION("exit 0 without validation, or no exit line at all, is no verdict") {
        CHECK(judge_heartbeat_output("rc=0\n--- logs ---\n", "").verdict ==
              heartbeat_verdict::inconclusive);
        CHECK(judge_heartbeat_output("", "mount: permission denied\n").verdict ==
              heartbeat_verdict::inconclusive);
    }
}

TEST_CASE("hacheck agrees with the real Heartbeat on every oracle case", "[oracle][heartbeat]") {
    if (!heartbeat_available()) {
        return;
    }
    const auto jobs = read_cases();
    CHECK(jobs.size() >= 30);
    check_agreement(jobs);
}

TEST_CASE("hacheck agrees with the real Heartbeat on corpus folders with different findings",
          "[oracle][heartbeat][corpus]") {
    if (!heartbeat_available()) {
        return;
    }
    if (!corpus_available()) {
        return;
    }
    check_agreement(corpus_jobs());
}
