// The hacheck command line as the contract describes it: exit codes, options, output shapes,
// and the acceptance points on the seed cluster (examples/seed), always on temp copies.
#include "example_copy.hpp"
#include "hacheck.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace hakit::test;

namespace {

const fs::path source_dir = HAKIT_SOURCE_DIR;

// The tests are plain C++17 too: test_tool gets no C++20 flag from the libraries it links.
bool starts_with(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto stop = end == std::string::npos ? text.size() : end;
        lines.push_back(text.substr(start, stop - start));
        start = stop + 1;
    }
    return lines;
}

// Where an ha.cf directive is: its 1-based line and the byte column of its first value.
struct directive_place {
    std::size_t line = 0;
    std::size_t value_column = 0;
};

std::optional<directive_place> find_directive(const std::string& text, std::string_view directive) {
    const auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const auto name_start = line.find_first_not_of(" \t");
        if (name_start == std::string::npos) {
            continue;
        }
        const auto name_end = std::min(line.find_first_of(" \t", name_start), line.size());
        if (line.substr(name_start, name_end - name_start) != directive) {
            continue;
        }
        const auto value_start = line.find_first_not_of(" \t", name_end);
        return directive_place{i + 1, value_start == std::string::npos ? 0 : value_start + 1};
    }
    return std::nullopt;
}

// Rewrites the first line of `file` that starts with `directive` as `replacement`.
void replace_directive(const fs::path& file, std::string_view directive,
                       const std::string& replacement) {
    const std::string text = read_file(file);
    const auto place = find_directive(text, directive);
    REQUIRE(place.has_value());
    auto lines = split_lines(text);
    lines[place->line - 1] = replacement;
    std::string rewritten;
    for (const auto& line : lines) {
        rewritten += line + "\n";
    }
    write_file(file, rewritten);
}

std::size_t count_config_files(const fs::path& root, const std::vector<std::string>& nodes) {
    std::size_t count = 0;
    for (const auto& node : nodes) {
        for (const char* name : {"ha.cf", "haresources", "authkeys"}) {
            count += fs::exists(root / node / name) ? 1U : 0U;
        }
    }
    return count;
}

json parse_json_output(const run_result& result) {
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE(result.exited());
    REQUIRE(json::accept(result.out));
    return json::parse(result.out);
}

std::vector<json> diagnostics_of_rule(const json& output, std::string_view rule) {
    std::vector<json> found;
    for (const auto& diagnostic : output.at("diagnostics")) {
        if (diagnostic.at("rule") == rule) {
            found.push_back(diagnostic);
        }
    }
    return found;
}

bool has_diagnostic(const json& output, std::string_view rule, std::string_view file) {
    const auto found = diagnostics_of_rule(output, rule);
    return std::any_of(found.begin(), found.end(),
                       [&](const json& diagnostic) { return diagnostic.at("file") == file; });
}

std::vector<std::string> keys_of(const json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) {
        keys.push_back(item.key());
    }
    return keys;
}

// "file:line:col" or just "file" for line 0, as the text format prints a location.
std::string text_location(const json& item) {
    const std::string file = item.at("file").get<std::string>();
    const auto line = item.at("line").get<std::size_t>();
    if (line == 0) {
        return file;
    }
    return file + ":" + std::to_string(line) + ":" +
           std::to_string(item.at("column").get<std::size_t>());
}

// Runs `args` expecting exit 2 with the contract's one-line error message and no output.
void check_usage_error(const std::vector<std::string>& args, const fs::path& working_dir,
                       std::string_view mentioned = {}) {
    const run_result result = run_hacheck(args, working_dir);
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    CHECK(result.exited());
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(starts_with(result.err, "hacheck: error: "));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(ends_with(result.err, "\n"));
    CHECK(result.err.find(mentioned) != std::string::npos);
}

struct listed_rule {
    std::string code;
    std::string name;
    std::string severity;
    std::string summary;
};

std::vector<listed_rule> list_rules() {
    const run_result result = run_hacheck({"--list-rules"}, source_dir);
    INFO("stderr:\n" << result.err);
    REQUIRE(result.exited());
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.empty());
    static const std::regex shape(
        R"(^(HA\d{3})  +([a-z0-9]+(?:-[a-z0-9]+)*)  +(error|warning|info)  +(\S.*)$)");
    std::vector<listed_rule> rules;
    for (const auto& line : split_lines(result.out)) {
        std::smatch match;
        INFO("line: " << line);
        CHECK(std::regex_match(line, match, shape));
        if (match.size() == 5) {
            rules.push_back({match[1].str(), match[2].str(), match[3].str(), match[4].str()});
        }
    }
    return rules;
}

// code -> (name, severity) as written in the rule files, lint/rules/**/*.cpp.
std::map<std::string, std::pair<std::string, std::string>> rules_in_sources() {
    static const std::regex code(R"re(\.code\s*=\s*"(HA\d{3})")re");
    static const std::regex name(R"re(\.name\s*=\s*"([^"]+)")re");
    static const std::regex level(R"(\.level\s*=\s*severity::(\w+))");
    std::map<std::string, std::pair<std::string, std::string>> rules;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / "lint" / "rules")) {
        if (entry.path().extension() != ".cpp") {
            continue;
        }
        const std::string text = read_file(entry.path());
        std::smatch code_match;
        std::smatch name_match;
        std::smatch level_match;
        INFO("rule file " << entry.path().string());
        REQUIRE(std::regex_search(text, code_match, code));
        REQUIRE(std::regex_search(text, name_match, name));
        const std::string severity =
            std::regex_search(text, level_match, level) ? level_match[1].str() : "error";
        CHECK_FALSE(rules.count(code_match[1].str()));
        rules[code_match[1].str()] = {name_match[1].str(), severity};
    }
    return rules;
}

std::string strip_ansi(const std::string& text) {
    static const std::regex escape("\x1b\\[[0-9;]*m");
    return std::regex_replace(text, escape, "");
}

} // namespace

// ---------------------------------------------------------------------------------- exit codes

TEST_CASE("hacheck exits 0 and prints only the summary on the clean example", "[tool][cli]") {
    const example_copy clean("clean-sha1");
    const auto nodes = clean.node_folders();
    REQUIRE(nodes.size() >= 2);
    const run_result result = run_hacheck(nodes, clean.root);
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    CHECK(result.exited());
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out ==
          "no problems in " + std::to_string(count_config_files(clean.root, nodes)) + " files\n");
}

TEST_CASE("hacheck exits 2 with a one-line message on usage and I/O errors", "[tool][cli]") {
    const example_copy seed("seed");
    write_file(seed.root / "notes.txt", "node srv5.localdomain\n");

    SECTION("no PATH at all") {
        check_usage_error({}, seed.root);
    }
    SECTION("a PATH that does not exist") {
        check_usage_error({"srv5", "srv9"}, seed.root, "srv9");
    }
    SECTION("an unknown option") {
        check_usage_error({"--bogus", "srv5"}, seed.root);
    }
    SECTION("a bad --format value") {
        check_usage_error({"--format", "xml", "srv5"}, seed.root);
    }
    SECTION("a bad --fail-on value") {
        check_usage_error({"--fail-on", "fatal", "srv5"}, seed.root);
    }
    SECTION("a bad --color value") {
        check_usage_error({"--color", "sometimes", "srv5"}, seed.root);
    }
    SECTION("a file whose name does not tell its kind") {
        check_usage_error({"notes.txt"}, seed.root, "notes.txt");
    }
    SECTION("--node for a folder that is not a PATH") {
        check_usage_error({"--node", "srv7=srv7.localdomain", "srv5", "srv6"}, seed.root, "srv7");
    }
    SECTION("--node without '='") {
        check_usage_error({"--node", "srv5", "srv5", "srv6"}, seed.root);
    }
    SECTION("--explain with an unknown rule") {
        check_usage_error({"--explain", "HA999"}, seed.root, "HA999");
    }
}

TEST_CASE("hacheck --fail-on sets the lowest severity that makes hacheck exit 1", "[tool][cli]") {
    const temp_dir scratch;
    write_file(scratch.path() / "crc" / "authkeys", "auth 1\n1 crc\n");
    write_file(scratch.path() / "md5" / "authkeys", "auth 1\n1 md5 a-long-demo-key-for-tests\n");
    write_file(scratch.path() / "nokey" / "authkeys", "auth 1\n1 sha1\n");
    set_modes_by_name(scratch.path(), "authkeys", mode_0600);

    const auto run = [&](const std::string& file, std::vector<std::string> options) {
        options.push_back(file);
        const run_result result = run_hacheck(options, scratch.path());
        INFO("hacheck output for " << file << ":\n" << result.out << result.err);
        CHECK(result.err.empty());
        CHECK(result.exited());
        return result;
    };
    const auto exit_code = [&](const std::string& file, std::vector<std::string> options) {
        return run(file, std::move(options)).exit_code;
    };

    SECTION("a warning (crc)") {
        CHECK(exit_code("crc/authkeys", {}) == 1);
        CHECK(exit_code("crc/authkeys", {"--fail-on", "warning"}) == 1);
        CHECK(exit_code("crc/authkeys", {"--fail-on", "info"}) == 1);
        const run_result errors_only = run("crc/authkeys", {"--fail-on", "error"});
        CHECK(errors_only.exit_code == 0);
        // Findings below --fail-on still print; only the exit code changes.
        CHECK(errors_only.out.find("weak-auth-method") != std::string::npos);
    }
    SECTION("only an info (md5)") {
        CHECK(exit_code("md5/authkeys", {}) == 0);
        CHECK(exit_code("md5/authkeys", {"--fail-on", "info"}) == 1);
        CHECK(exit_code("md5/authkeys", {"--fail-on", "error"}) == 0);
    }
    SECTION("an error (sha1 without a key)") {
        CHECK(exit_code("nokey/authkeys", {"--fail-on", "error"}) == 1);
        CHECK(exit_code("nokey/authkeys", {}) == 1);
    }
}

// -------------------------------------------------------------------------------- JSON output

TEST_CASE("hacheck --format json has the contract's shape and consistent summary counts",
          "[tool][cli][json]") {
    const example_copy seed("seed");
    // initdead 50 gives a finding with a note, so the note shape is covered too.
    replace_directive(seed.root / "srv5" / "ha.cf", "initdead", "initdead 50");
    const run_result result = run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root);
    CHECK(result.err.empty());
    CHECK(result.exit_code == 1);
    const json output = parse_json_output(result);

    CHECK(result.out == output.dump(2) + "\n"); // 2-space indent, keys in this order
    const std::vector<std::string> top_keys{"diagnostics", "summary"};
    const std::vector<std::string> summary_keys{"errors", "warnings", "infos", "files"};
    const std::vector<std::string> diagnostic_keys{"file", "line", "column",  "severity",
                                                   "code", "rule", "message", "notes"};
    const std::vector<std::string> note_keys{"file", "line", "column", "message"};
    CHECK(keys_of(output) == top_keys);
    REQUIRE(output.at("diagnostics").is_array());
    REQUIRE(output.at("summary").is_object());
    CHECK(keys_of(output.at("summary")) == summary_keys);

    std::map<std::string, std::size_t> by_severity;
    std::size_t note_count = 0;
    std::vector<std::tuple<std::string, std::size_t, std::size_t, std::string>> order;
    for (const auto& diagnostic : output.at("diagnostics")) {
        INFO(diagnostic.dump());
        CHECK(keys_of(diagnostic) == diagnostic_keys);
        CHECK(diagnostic.at("file").is_string());
        CHECK(diagnostic.at("line").is_number_unsigned());
        CHECK(diagnostic.at("column").is_number_unsigned());
        CHECK(std::regex_match(diagnostic.at("code").get<std::string>(), std::regex(R"(HA\d{3})")));
        CHECK(diagnostic.at("rule").is_string());
        CHECK(diagnostic.at("message").is_string());
        const auto severity = diagnostic.at("severity").get<std::string>();
        CHECK((severity == "error" || severity == "warning" || severity == "info"));
        ++by_severity[severity];
        REQUIRE(diagnostic.at("notes").is_array());
        for (const auto& note : diagnostic.at("notes")) {
            CHECK(keys_of(note) == note_keys);
            CHECK(note.at("line").is_number_unsigned());
            CHECK(note.at("column").is_number_unsigned());
            ++note_count;
        }
        order.emplace_back(
            diagnostic.at("file").get<std::string>(), diagnostic.at("line").get<std::size_t>(),
            diagnostic.at("column").get<std::size_t>(), diagnostic.at("code").get<std::string>());
    }
    CHECK(note_count > 0);
    CHECK(std::is_sorted(order.begin(), order.end()));

    const json& summary = output.at("summary");
    CHECK(summary.at("errors") == by_severity["error"]);
    CHECK(summary.at("warnings") == by_severity["warning"]);
    CHECK(summary.at("infos") == by_severity["info"]);
    CHECK(summary.at("files") == count_config_files(seed.root, seed.node_folders()));
}

TEST_CASE("text and JSON output report the same findings", "[tool][cli][json]") {
    const example_copy seed("seed");
    replace_directive(seed.root / "srv5" / "ha.cf", "initdead", "initdead 50");
    fs::permissions(seed.root / "srv5" / "authkeys", mode_0644);
    const run_result text = run_hacheck({"--color", "never", "srv5", "srv6"}, seed.root);
    const json output =
        parse_json_output(run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root));
    INFO("text output:\n" << text.out);
    const auto lines = split_lines(text.out);
    const std::set<std::string> line_set(lines.begin(), lines.end());

    for (const auto& diagnostic : output.at("diagnostics")) {
        const std::string expected_line = text_location(diagnostic) + ": " +
                                          diagnostic.at("severity").get<std::string>() + ": " +
                                          diagnostic.at("message").get<std::string>() + " [" +
                                          diagnostic.at("code").get<std::string>() + " " +
                                          diagnostic.at("rule").get<std::string>() + "]";
        CHECK(line_set.count(expected_line));
        for (const auto& note : diagnostic.at("notes")) {
            CHECK(line_set.count(text_location(note) +
                                 ": note: " + note.at("message").get<std::string>()));
        }
    }
    const auto summary = parse_summary_line(text.out);
    REQUIRE(summary.has_value());
    CHECK(summary->errors == output.at("summary").at("errors"));
    CHECK(summary->warnings == output.at("summary").at("warnings"));
    CHECK(summary->infos == output.at("summary").at("infos"));
    CHECK(summary->files == output.at("summary").at("files"));
}

// ------------------------------------------------------------------------ rules and --explain

TEST_CASE("hacheck --list-rules lists every rule of lint/rules once, sorted by code",
          "[tool][cli]") {
    const auto listed = list_rules();
    const auto sources = rules_in_sources();
    REQUIRE_FALSE(sources.empty());

    std::map<std::string, std::pair<std::string, std::string>> by_code;
    for (const auto& rule : listed) {
        INFO("rule " << rule.code);
        CHECK_FALSE(by_code.count(rule.code));
        by_code[rule.code] = {rule.name, rule.severity};
    }
    CHECK(by_code == sources);
    CHECK(std::is_sorted(listed.begin(), listed.end(),
                         [](const auto& a, const auto& b) { return a.code < b.code; }));
}

TEST_CASE("hacheck --explain finds a rule by code and by name", "[tool][cli]") {
    const auto listed = list_rules();
    REQUIRE_FALSE(listed.empty());
    for (const auto& rule : listed) {
        INFO("rule " << rule.code << " " << rule.name);
        const run_result by_code = run_hacheck({"--explain", rule.code}, source_dir);
        const run_result by_name = run_hacheck({"--explain", rule.name}, source_dir);
        CHECK(by_code.exit_code == 0);
        CHECK(by_code.err.empty());
        CHECK(by_code.out.find(rule.code) != std::string::npos);
        CHECK(by_code.out.find(rule.name) != std::string::npos);
        CHECK(by_code.out.find(rule.summary) != std::string::npos);
        CHECK(by_name.exit_code == 0);
        CHECK(by_name.out == by_code.out);
    }
}

TEST_CASE("hacheck --version prints the tool and toolkit version", "[tool][cli]") {
    const run_result result = run_hacheck({"--version"}, source_dir);
    CHECK(result.exit_code == 0);
    CHECK(result.out == "hacheck (hakit) 0.1.0\n");
}

// --------------------------------------------------------------------- paths, modes and nodes

TEST_CASE("a single file is checked alone", "[tool][cli]") {
    const example_copy seed("seed");

    SECTION("ha.cf alone does not ask for authkeys or haresources") {
        const json output =
            parse_json_output(run_hacheck({"--format", "json", "srv5/ha.cf"}, seed.root));
        CHECK(output.at("summary").at("files") == 1);
        CHECK(diagnostics_of_rule(output, "missing-config-file").empty());
        for (const auto& diagnostic : output.at("diagnostics")) {
            CHECK(diagnostic.at("file") == "srv5/ha.cf");
        }
    }
    SECTION("authkeys alone is checked as authkeys") {
        const json output =
            parse_json_output(run_hacheck({"--format", "json", "srv5/authkeys"}, seed.root));
        CHECK(output.at("summary").at("files") == 1);
        CHECK(has_diagnostic(output, "weak-auth-method", "srv5/authkeys"));
    }
    SECTION("the same folder without authkeys is missing a file") {
        fs::remove(seed.root / "srv5" / "authkeys");
        const json output = parse_json_output(run_hacheck({"--format", "json", "srv5"}, seed.root));
        CHECK(has_diagnostic(output, "missing-config-file", "srv5/authkeys"));
    }
}

TEST_CASE("paths print as given on the command line", "[tool][cli]") {
    const example_copy seed("seed");
    replace_directive(seed.root / "srv5" / "ha.cf", "initdead", "initdead 50"); // an ha.cf finding
    const run_result plain = run_hacheck({"srv5", "srv6"}, seed.root);
    REQUIRE(plain.exited());
    CHECK(plain.out.find("srv5/ha.cf") != std::string::npos);

    SECTION("a trailing '/' is not doubled") {
        const run_result slashed = run_hacheck({"srv5/", "srv6/"}, seed.root);
        CHECK(slashed.out.find("//") == std::string::npos);
        CHECK(slashed.out == plain.out);
        CHECK(slashed.exit_code == plain.exit_code);
    }
    SECTION("a longer relative path and an absolute path are kept") {
        const std::string absolute = (seed.root / "srv6").string();
        const json output = parse_json_output(
            run_hacheck({"--format", "json", "seed/srv5", absolute}, seed.root.parent_path()));
        REQUIRE_FALSE(output.at("diagnostics").empty());
        for (const auto& diagnostic : output.at("diagnostics")) {
            const auto file = diagnostic.at("file").get<std::string>();
            INFO(file);
            CHECK((starts_with(file, "seed/srv5/") || starts_with(file, absolute + "/")));
        }
    }
}

TEST_CASE("hacheck --node names the local node of a folder without nodeinfo", "[tool][cli]") {
    const example_copy seed("seed");
    const auto nodeinfo = read_file(seed.root / "srv5" / "nodeinfo");
    const std::string srv5_name = nodeinfo.substr(0, nodeinfo.find_first_of("\r\n"));
    fs::remove(seed.root / "srv5" / "nodeinfo");

    const json without =
        parse_json_output(run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root));
    CHECK(has_diagnostic(without, "node-name-unknown", "srv5/ha.cf"));

    const json with = parse_json_output(run_hacheck(
        {"--format", "json", "--node", "srv5=" + srv5_name, "srv5", "srv6"}, seed.root));
    CHECK(diagnostics_of_rule(with, "node-name-unknown").empty());

    // A --node that contradicts the folder's nodeinfo is a usage error.
    const run_result contradiction =
        run_hacheck({"--node", "srv6=nosuchnode", "srv5", "srv6"}, seed.root);
    CHECK(contradiction.exit_code == 2);
    CHECK(contradiction.err.find("contradicts") != std::string::npos);

    // A name that is not declared in ha.cf: Heartbeat refuses it.
    fs::remove(seed.root / "srv6" / "nodeinfo");
    const json wrong = parse_json_output(
        run_hacheck({"--format", "json", "--node", "srv6=nosuchnode", "srv5", "srv6"}, seed.root));
    CHECK(has_diagnostic(wrong, "node-name-mismatch", "srv6"));
}

TEST_CASE("hacheck --color always adds only ANSI colours, never and auto (a pipe) add none",
          "[tool][cli]") {
    const example_copy seed("seed");
    const run_result never = run_hacheck({"--color", "never", "srv5", "srv6"}, seed.root);
    const run_result always = run_hacheck({"--color", "always", "srv5", "srv6"}, seed.root);
    const run_result automatic = run_hacheck({"srv5", "srv6"}, seed.root); // stdout is a pipe
    CHECK(never.out.find('\x1b') == std::string::npos);
    CHECK(automatic.out == never.out);
    CHECK(always.out.find("\x1b[") != std::string::npos);
    CHECK(strip_ansi(always.out) == never.out);
    CHECK(always.exit_code == never.exit_code);
}

// --------------------------------------------------------------- seed cluster acceptance

TEST_CASE("seed: crc is reported as weak, 0600 authkeys are not", "[tool][cli][seed]") {
    const example_copy seed("seed");
    const run_result result = run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root);
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    const json output = parse_json_output(result);
    for (const char* node : {"srv5", "srv6"}) {
        const std::string authkeys = std::string(node) + "/authkeys";
        INFO(authkeys);
        CHECK(has_diagnostic(output, "weak-auth-method", authkeys));
    }
    for (const auto& diagnostic : diagnostics_of_rule(output, "weak-auth-method")) {
        CHECK(diagnostic.at("severity") == "warning");
        CHECK(diagnostic.at("message").get<std::string>().find("crc") != std::string::npos);
    }
    CHECK(diagnostics_of_rule(output, "authkeys-permissions").empty());
    CHECK(diagnostics_of_rule(output, "peer-inconsistent").empty());
    CHECK(diagnostics_of_rule(output, "initdead-too-short").empty());
}

TEST_CASE("seed: a group/other-readable authkeys is an error at that file", "[tool][cli][seed]") {
    const example_copy seed("seed");
    fs::permissions(seed.root / "srv5" / "authkeys", mode_0644);
    const json output =
        parse_json_output(run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root));
    const auto found = diagnostics_of_rule(output, "authkeys-permissions");
    REQUIRE(found.size() == 1);
    CHECK(found[0].at("file") == "srv5/authkeys");
    CHECK(found[0].at("severity") == "error");
    CHECK(found[0].at("line") == 0);
}

TEST_CASE("seed: srv6 sending ucast heartbeats to its own address is a peer inconsistency",
          "[tool][cli][seed]") {
    const example_copy seed("seed");
    const fs::path srv6_ha_cf = seed.root / "srv6" / "ha.cf";
    const auto srv5_ucast = find_directive(read_file(seed.root / "srv5" / "ha.cf"), "ucast");
    REQUIRE(srv5_ucast.has_value());
    replace_directive(srv6_ha_cf, "ucast", "ucast eth1 192.168.9.6");
    const auto srv6_ucast = find_directive(read_file(srv6_ha_cf), "ucast");

    const json output =
        parse_json_output(run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root));
    const auto found = diagnostics_of_rule(output, "peer-inconsistent");
    REQUIRE(found.size() == 1);
    const json& finding = found[0];
    INFO(finding.dump(2));
    CHECK(finding.at("severity") == "error");
    CHECK(finding.at("file") == "srv6/ha.cf");
    CHECK(finding.at("line") == srv6_ucast->line);
    CHECK(finding.at("message").get<std::string>().find("192.168.9.6") != std::string::npos);
    REQUIRE(finding.at("notes").size() == 1);
    CHECK(finding.at("notes")[0].at("file") == "srv5/ha.cf");
    CHECK(finding.at("notes")[0].at("line") == srv5_ucast->line);
}

TEST_CASE("seed: initdead 50 with deadtime 30 is too short, with a note at deadtime",
          "[tool][cli][seed]") {
    const example_copy seed("seed");
    const fs::path ha_cf = seed.root / "srv5" / "ha.cf";
    replace_directive(ha_cf, "initdead", "initdead 50");
    const std::string text = read_file(ha_cf);
    const auto initdead = find_directive(text, "initdead");
    const auto deadtime = find_directive(text, "deadtime");
    REQUIRE(deadtime.has_value());

    const json output =
        parse_json_output(run_hacheck({"--format", "json", "srv5", "srv6"}, seed.root));
    const auto found = diagnostics_of_rule(output, "initdead-too-short");
    REQUIRE(found.size() == 1);
    const json& finding = found[0];
    INFO(finding.dump(2));
    CHECK(finding.at("file") == "srv5/ha.cf");
    CHECK(finding.at("line") == initdead->line);
    CHECK(finding.at("column") == initdead->value_column);
    REQUIRE(finding.at("notes").size() == 1);
    CHECK(finding.at("notes")[0].at("file") == "srv5/ha.cf");
    CHECK(finding.at("notes")[0].at("line") == deadtime->line);
    CHECK(finding.at("notes")[0].at("column") == deadtime->value_column);
}
