// hacheck's output formats end to end: --format gcc|sarif|github|junit, --output FORMAT=FILE,
// --rules-url, --color auto on a real terminal, and --explain against docs/rules.
#include "example_copy.hpp"
#include "hacheck.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <pty.h>
#include <regex>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace hakit::test;

namespace {

const fs::path source_dir = HAKIT_SOURCE_DIR;
const std::string python = "/usr/bin/python3"; // has python3-jsonschema, unlike pyenv's

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
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

run_result checked_run(const std::vector<std::string>& args, const fs::path& dir,
                       run_options options = {}) {
    run_result result = run_hacheck(args, dir, std::move(options));
    INFO("hacheck " << fmt::format("{}", fmt::join(args, " ")) << "\nstdout:\n"
                    << result.out << "\nstderr:\n"
                    << result.err);
    REQUIRE(result.exited());
    return result;
}

json json_findings(const std::vector<std::string>& paths, const fs::path& dir) {
    std::vector<std::string> args{"--format", "json"};
    args.insert(args.end(), paths.begin(), paths.end());
    const run_result result = checked_run(args, dir);
    REQUIRE(json::accept(result.out));
    return json::parse(result.out);
}

// "file:line:col", "file:line" or "file", as the gcc format writes a location.
std::string gcc_location(const json& item) {
    const std::string file = item.at("file").get<std::string>();
    const auto line = item.at("line").get<std::size_t>();
    const auto column = item.at("column").get<std::size_t>();
    if (line == 0) {
        return file;
    }
    return column == 0 ? fmt::format("{}:{}", file, line)
                       : fmt::format("{}:{}:{}", file, line, column);
}

// ----------------------------------------------------------------- SARIF structure check

// Members each SARIF object may have (the schema says additionalProperties: false), limited to
// the objects hacheck writes.
const std::map<std::string, std::set<std::string>> allowed_members{
    {"log", {"$schema", "version", "runs", "inlineExternalProperties", "properties"}},
    {"run",
     {"tool",
      "invocations",
      "conversion",
      "language",
      "versionControlProvenance",
      "originalUriBaseIds",
      "artifacts",
      "logicalLocations",
      "graphs",
      "results",
      "automationDetails",
      "runAggregates",
      "baselineGuid",
      "redactionTokens",
      "defaultEncoding",
      "defaultSourceLanguage",
      "newlineSequences",
      "columnKind",
      "externalPropertyFileReferences",
      "threadFlowLocations",
      "taxonomies",
      "addresses",
      "translations",
      "policies",
      "webRequests",
      "webResponses",
      "specialLocations",
      "properties"}},
    {"driver",
     {"guid",
      "name",
      "organization",
      "product",
      "productSuite",
      "shortDescription",
      "fullDescription",
      "fullName",
      "version",
      "semanticVersion",
      "dottedQuadFileVersion",
      "releaseDateUtc",
      "downloadUri",
      "informationUri",
      "globalMessageStrings",
      "notifications",
      "rules",
      "taxa",
      "locations",
      "language",
      "contents",
      "isComprehensive",
      "localizedDataSemanticVersion",
      "minimumRequiredLocalizedDataSemanticVersion",
      "associatedComponent",
      "translationMetadata",
      "supportedTaxonomies",
      "properties"}},
    {"rule",
     {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
      "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri",
      "help", "relationships", "properties"}},
    {"result",
     {"ruleId",
      "ruleIndex",
      "rule",
      "kind",
      "level",
      "message",
      "analysisTarget",
      "locations",
      "guid",
      "correlationGuid",
      "occurrenceCount",
      "partialFingerprints",
      "fingerprints",
      "stacks",
      "codeFlows",
      "graphs",
      "graphTraversals",
      "relatedLocations",
      "suppressions",
      "baselineState",
      "rank",
      "attachments",
      "hostedViewerUri",
      "workItemUris",
      "provenance",
      "fixes",
      "taxa",
      "webRequest",
      "webResponse",
      "properties"}},
    {"location",
     {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
      "properties"}},
    {"physicalLocation", {"address", "artifactLocation", "region", "contextRegion", "properties"}},
    {"artifactLocation", {"uri", "uriBaseId", "index", "description", "properties"}},
    {"region",
     {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
      "byteLength", "snippet", "message", "sourceLanguage", "properties"}},
    {"message", {"text", "markdown", "id", "arguments", "properties"}},
    {"multiformat", {"text", "markdown", "properties"}},
    {"configuration", {"enabled", "level", "rank", "parameters", "properties"}},
};

const std::set<std::string> levels{"none", "note", "warning", "error"};

struct sarif_checker {
    std::vector<std::string> problems;

    void problem(const std::string& where, const std::string& what) {
        problems.push_back(where + ": " + what);
    }

    bool object(const json& value, const std::string& kind, const std::string& where) {
        if (!value.is_object()) {
            problem(where, "is not an object");
            return false;
        }
        const auto& allowed = allowed_members.at(kind);
        for (const auto& item : value.items()) {
            if (allowed.count(item.key()) == 0) {
                problem(where, "has no member '" + item.key() + "' in SARIF 2.1.0");
            }
        }
        return true;
    }

    void string_member(const json& value, const std::string& key, const std::string& where,
                       bool required = true) {
        if (!value.contains(key)) {
            if (required) {
                problem(where, "lacks '" + key + "'");
            }
        } else if (!value.at(key).is_string()) {
            problem(where + "." + key, "is not a string");
        }
    }

    void absolute_uri(const json& value, const std::string& key, const std::string& where) {
        if (!value.contains(key)) {
            return;
        }
        static const std::regex absolute(R"(^[A-Za-z][A-Za-z0-9+.-]*:[^ ]+$)");
        if (!value.at(key).is_string() ||
            !std::regex_match(value.at(key).get<std::string>(), absolute)) {
            problem(where + "." + key, "is not an absolute URI");
        }
    }

    void text_message(const json& value, const std::string& kind, const std::string& where) {
        if (object(value, kind, where)) {
            string_member(value, "text", where);
        }
    }

    void positive_integer(const json& value, const std::string& key, const std::string& where) {
        if (value.contains(key) &&
            (!value.at(key).is_number_integer() || value.at(key).get<long long>() < 1)) {
            problem(where + "." + key, "is not an integer >= 1");
        }
    }

    void physical_location(const json& value, const std::string& where) {
        if (!object(value, "physicalLocation", where)) {
            return;
        }
        if (!value.contains("artifactLocation")) {
            problem(where, "lacks artifactLocation");
            return;
        }
        const json& artifact = value.at("artifactLocation");
        if (object(artifact, "artifactLocation", where + ".artifactLocation")) {
            string_member(artifact, "uri", where + ".artifactLocation");
            const std::string uri = artifact.value("uri", "");
            if (uri.find('\\') != std::string::npos || uri.rfind("./", 0) == 0 ||
                uri.find(' ') != std::string::npos) {
                problem(where + ".artifactLocation.uri", "'" + uri + "' is not a clean URI");
            }
            const bool absolute = uri.rfind("file://", 0) == 0;
            if (!absolute && artifact.value("uriBaseId", "") != "%SRCROOT%") {
                problem(where + ".artifactLocation", "relative URI without uriBaseId %SRCROOT%");
            }
        }
        if (value.contains("region")) {
            const json& region = value.at("region");
            if (object(region, "region", where + ".region")) {
                if (!region.contains("startLine")) {
                    problem(where + ".region", "lacks startLine");
                }
                positive_integer(region, "startLine", where + ".region");
                positive_integer(region, "startColumn", where + ".region");
            }
        }
    }

    void rule(const json& value, const std::string& where) {
        if (!object(value, "rule", where)) {
            return;
        }
        string_member(value, "id", where);
        string_member(value, "name", where);
        for (const char* key : {"shortDescription", "fullDescription", "help"}) {
            if (!value.contains(key)) {
                problem(where, std::string("lacks ") + key + " (GitHub shows it)");
            } else {
                text_message(value.at(key), "multiformat", where + "." + key);
            }
        }
        if (value.contains("help")) {
            string_member(value.at("help"), "markdown", where + ".help");
        }
        absolute_uri(value, "helpUri", where);
        const json& configuration = value.value("defaultConfiguration", json::object());
        if (object(configuration, "configuration", where + ".defaultConfiguration") &&
            levels.count(configuration.value("level", "")) == 0) {
            problem(where + ".defaultConfiguration.level", "not in the level enum");
        }
    }

    void result(const json& value, const json& rules, const std::string& where) {
        if (!object(value, "result", where)) {
            return;
        }
        string_member(value, "ruleId", where);
        if (!value.contains("ruleIndex") || !value.at("ruleIndex").is_number_unsigned() ||
            value.at("ruleIndex").get<std::size_t>() >= rules.size()) {
            problem(where + ".ruleIndex", "is not an index into tool.driver.rules");
        } else if (rules.at(value.at("ruleIndex").get<std::size_t>()).value("id", "") !=
                   value.value("ruleId", "")) {
            problem(where + ".ruleIndex", "names a rule with another id");
        }
        if (levels.count(value.value("level", "")) == 0) {
            problem(where + ".level", "not in the level enum");
        }
        if (!value.contains("message")) {
            problem(where, "lacks message");
        } else {
            text_message(value.at("message"), "message", where + ".message");
        }
        const json& locations = value.value("locations", json::array());
        if (locations.size() != 1) {
            problem(where + ".locations", "should hold exactly one location");
        }
        for (std::size_t i = 0; i < locations.size(); ++i) {
            const std::string at = where + ".locations[" + std::to_string(i) + "]";
            if (object(locations.at(i), "location", at)) {
                physical_location(locations.at(i).value("physicalLocation", json::object()),
                                  at + ".physicalLocation");
            }
        }
        std::set<long long> ids;
        const json& related = value.value("relatedLocations", json::array());
        for (std::size_t i = 0; i < related.size(); ++i) {
            const std::string at = where + ".relatedLocations[" + std::to_string(i) + "]";
            if (!object(related.at(i), "location", at)) {
                continue;
            }
            const json& id = related.at(i).value("id", json());
            if (!id.is_number_integer() || id.get<long long>() < 0 ||
                !ids.insert(id.get<long long>()).second) {
                problem(at + ".id", "is not a unique integer >= 0");
            }
            physical_location(related.at(i).value("physicalLocation", json::object()),
                              at + ".physicalLocation");
            text_message(related.at(i).value("message", json::object()), "message",
                         at + ".message");
        }
        const json& fingerprints = value.value("partialFingerprints", json());
        if (!fingerprints.is_object() || fingerprints.empty()) {
            problem(where + ".partialFingerprints", "missing or empty");
        } else {
            for (const auto& item : fingerprints.items()) {
                if (!item.value().is_string()) {
                    problem(where + ".partialFingerprints." + item.key(), "is not a string");
                }
            }
        }
    }

    void log(const json& value) {
        if (!object(value, "log", "log")) {
            return;
        }
        if (value.value("$schema", "") != "https://json.schemastore.org/sarif-2.1.0.json") {
            problem("log.$schema", "is not the SARIF 2.1.0 schema URI");
        }
        if (value.value("version", "") != "2.1.0") {
            problem("log.version", "is not 2.1.0");
        }
        const json& runs = value.value("runs", json());
        if (!runs.is_array() || runs.size() != 1) {
            problem("log.runs", "should be an array with one run");
            return;
        }
        const json& run = runs.at(0);
        if (!object(run, "run", "run")) {
            return;
        }
        const std::string column_kind = run.value("columnKind", "");
        if (column_kind != "unicodeCodePoints" && column_kind != "utf16CodeUnits") {
            problem("run.columnKind", "not in its enum");
        }
        const json& driver = run.value("tool", json::object()).value("driver", json());
        if (!object(driver, "driver", "run.tool.driver")) {
            return;
        }
        string_member(driver, "name", "run.tool.driver");
        string_member(driver, "version", "run.tool.driver");
        absolute_uri(driver, "informationUri", "run.tool.driver");
        const json& rules = driver.value("rules", json::array());
        std::set<std::string> ids;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            rule(rules.at(i), "rules[" + std::to_string(i) + "]");
            if (!ids.insert(rules.at(i).value("id", "")).second) {
                problem("rules[" + std::to_string(i) + "]", "repeats an id");
            }
        }
        const json& results = run.value("results", json());
        if (!results.is_array()) {
            problem("run.results", "is not an array");
            return;
        }
        for (std::size_t i = 0; i < results.size(); ++i) {
            result(results.at(i), rules, "results[" + std::to_string(i) + "]");
        }
    }
};

std::vector<std::string> sarif_problems(const json& log) {
    sarif_checker checker;
    checker.log(log);
    return checker.problems;
}

// Validates with the official schema when HAKIT_SARIF_SCHEMA names a copy of it (CI may
// download one; none is kept in the repository). "" when valid or not configured.
std::string schema_validation(const fs::path& sarif_file) {
    const char* schema = std::getenv("HAKIT_SARIF_SCHEMA");
    if (schema == nullptr || *schema == '\0') {
        return "";
    }
    const std::string script =
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "log = json.load(open(sys.argv[2]))\n"
        "jsonschema.validators.validator_for(schema)(schema).validate(log)\n";
    const run_result result = run_process(python, {"-c", script, schema, sarif_file.string()});
    return result.exit_code == 0 ? "" : result.err;
}

// ------------------------------------------------------------------------ a real terminal

// Runs hacheck with its stdout on a pseudo-terminal and returns what it printed there.
run_result run_on_terminal(const std::vector<std::string>& args, const fs::path& dir,
                           const std::map<std::string, std::string>& set_env,
                           const std::vector<std::string>& unset_env) {
    int master = -1;
    int slave = -1;
    REQUIRE(::openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
    std::vector<std::string> argv_strings{hacheck_path};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_strings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);

    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(master);
        ::dup2(slave, STDOUT_FILENO);
        ::close(slave);
        if (::chdir(dir.c_str()) != 0) {
            ::_exit(127);
        }
        for (const auto& [name, value] : set_env) {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
        for (const auto& name : unset_env) {
            ::unsetenv(name.c_str());
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(slave);
    run_result result;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(master, buffer, sizeof buffer);
        if (got > 0) {
            result.out.append(buffer, static_cast<std::size_t>(got));
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            break; // EIO once the child has closed its end
        }
    }
    ::close(master);
    int status = 0;
    ::waitpid(child, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return result;
}

} // namespace

// ------------------------------------------------------------------------------------- gcc

TEST_CASE("hacheck --format gcc prints each finding and note on one line, as JSON reports them",
          "[tool][formats][gcc]") {
    const example_copy mistakes("mistakes");
    const json findings = json_findings({"node1", "node2"}, mistakes.root);
    const run_result gcc = checked_run({"--format", "gcc", "node1", "node2"}, mistakes.root);
    std::string expected;
    for (const auto& finding : findings.at("diagnostics")) {
        expected += fmt::format(
            "{}: {}: {} [{} {}]\n", gcc_location(finding),
            finding.at("severity").get<std::string>(), finding.at("message").get<std::string>(),
            finding.at("code").get<std::string>(), finding.at("rule").get<std::string>());
        for (const auto& related : finding.at("notes")) {
            expected += fmt::format("{}: note: {}\n", gcc_location(related),
                                    related.at("message").get<std::string>());
        }
    }
    REQUIRE_FALSE(findings.at("diagnostics").empty());
    CHECK(gcc.out == expected);
    CHECK(gcc.err.empty());
}

// ----------------------------------------------------------------------------------- sarif

TEST_CASE("hacheck --format sarif has SARIF 2.1.0's required structure on real findings",
          "[tool][formats][sarif]") {
    const example_copy mistakes("mistakes");
    // A whole-file finding too: group/other-readable authkeys.
    fs::permissions(mistakes.root / "node1" / "authkeys", mode_0644);
    const run_result result = checked_run({"--format", "sarif", "node1", "node2"}, mistakes.root);
    REQUIRE(json::accept(result.out));
    const json log = json::parse(result.out);
    const auto problems = sarif_problems(log);
    INFO(fmt::format("{}", fmt::join(problems, "\n")));
    CHECK(problems.empty());

    const json findings = json_findings({"node1", "node2"}, mistakes.root);
    const json& results = log.at("runs").at(0).at("results");
    REQUIRE(results.size() == findings.at("diagnostics").size());
    bool saw_whole_file = false;
    bool saw_notes = false;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const json& finding = findings.at("diagnostics").at(i);
        const json& sarif = results.at(i);
        CHECK(sarif.at("ruleId") == finding.at("code"));
        CHECK(sarif.at("message").at("text") == finding.at("message"));
        const json& physical = sarif.at("locations").at(0).at("physicalLocation");
        CHECK(physical.at("artifactLocation").at("uri") == finding.at("file"));
        const auto line = finding.at("line").get<std::size_t>();
        CHECK(physical.at("region").at("startLine") == std::max<std::size_t>(line, 1));
        saw_whole_file = saw_whole_file || line == 0;
        saw_notes = saw_notes || sarif.contains("relatedLocations");
        CHECK(sarif.value("relatedLocations", json::array()).size() == finding.at("notes").size());
    }
    CHECK(saw_whole_file);
    CHECK(saw_notes);

    const fs::path file = mistakes.scratch.path() / "out.sarif";
    write_file(file, result.out);
    CHECK(schema_validation(file) == "");
}

TEST_CASE("hacheck --format sarif describes every rule hacheck --list-rules lists",
          "[tool][formats][sarif]") {
    const example_copy seed("seed");
    const json log = json::parse(checked_run({"--format", "sarif", "srv5", "srv6"}, seed.root).out);
    const run_result listed = checked_run({"--list-rules"}, seed.root);
    std::vector<std::string> listed_codes;
    for (const auto& line : lines_of(listed.out)) {
        listed_codes.push_back(line.substr(0, line.find(' ')));
    }
    std::vector<std::string> sarif_codes;
    for (const auto& rule : log.at("runs").at(0).at("tool").at("driver").at("rules")) {
        sarif_codes.push_back(rule.at("id"));
    }
    CHECK(sarif_codes == listed_codes);
    const json& driver = log.at("runs").at(0).at("tool").at("driver");
    CHECK(driver.at("name") == "hacheck");
    CHECK(checked_run({"--version"}, seed.root).out ==
          "hacheck (hakit) " + driver.at("version").get<std::string>() + "\n");
}

TEST_CASE("SARIF fingerprints survive lines inserted above a finding", "[tool][formats][sarif]") {
    const example_copy seed("seed");
    const auto fingerprints = [&] {
        const json log = json::parse(checked_run({"--format", "sarif", "srv5"}, seed.root).out);
        std::vector<std::string> found;
        for (const auto& result : log.at("runs").at(0).at("results")) {
            found.push_back(
                result.at("ruleId").get<std::string>() + " " +
                result.at("partialFingerprints").at("primaryLocationLineHash").get<std::string>());
        }
        return found;
    };
    const auto before = fingerprints();
    REQUIRE_FALSE(before.empty());
    const fs::path authkeys = seed.root / "srv5" / "authkeys";
    write_file(authkeys, "# rotated on Monday\n#\n" + read_file(authkeys));
    CHECK(fingerprints() == before);
}

TEST_CASE("hacheck --rules-url sets helpUri, '' leaves it out, a relative URL is refused",
          "[tool][formats][sarif]") {
    const example_copy seed("seed");
    const auto first_rule = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"--format", "sarif", "srv5"};
        args.insert(args.end(), extra.begin(), extra.end());
        return json::parse(checked_run(args, seed.root).out)
            .at("runs")
            .at(0)
            .at("tool")
            .at("driver")
            .at("rules")
            .at(0);
    };
    const std::string name = first_rule({}).at("name");
    CHECK(first_rule({}).at("helpUri").get<std::string>().rfind("https://", 0) == 0);
    CHECK(first_rule({"--rules-url", "https://docs.example.org/hacheck"}).at("helpUri") ==
          "https://docs.example.org/hacheck/" + name + ".md");
    CHECK_FALSE(first_rule({"--rules-url", ""}).contains("helpUri"));

    const run_result relative =
        checked_run({"--format", "sarif", "--rules-url", "docs/rules/", "srv5"}, seed.root);
    CHECK(relative.exit_code == 2);
    CHECK(relative.out.empty());
    CHECK(contains(relative.err, "hacheck: error: --rules-url docs/rules/: must be an absolute"));
}

// ---------------------------------------------------------------------------------- github

TEST_CASE("hacheck --format github prints one workflow command per finding",
          "[tool][formats][github]") {
    const example_copy mistakes("mistakes");
    const json findings = json_findings({"node1", "node2"}, mistakes.root);
    const run_result github = checked_run({"--format", "github", "node1", "node2"}, mistakes.root);
    const auto lines = lines_of(github.out);
    REQUIRE(lines.size() == findings.at("diagnostics").size());
    static const std::regex shape(
        R"(^::(error|warning|notice) file=[^,:]+(,line=[1-9]\d*(,col=[1-9]\d*)?)?,title=HA\d{3} [a-z0-9-]+::[^\r\n]+$)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const json& finding = findings.at("diagnostics").at(i);
        INFO(lines[i]);
        CHECK(std::regex_match(lines[i], shape));
        const std::string severity = finding.at("severity");
        CHECK(lines[i].rfind("::" + (severity == "info" ? std::string("notice") : severity) +
                                 " file=" + finding.at("file").get<std::string>(),
                             0) == 0);
        CHECK(contains(lines[i], "title=" + finding.at("code").get<std::string>() + " " +
                                     finding.at("rule").get<std::string>() + "::"));
        // Notes ride along as extra lines of the annotation.
        std::size_t line_breaks = 0;
        for (auto at = lines[i].find("%0A"); at != std::string::npos;
             at = lines[i].find("%0A", at + 1)) {
            ++line_breaks;
        }
        CHECK(line_breaks == finding.at("notes").size());
    }
}

// ----------------------------------------------------------------------------------- junit

TEST_CASE("hacheck --format junit is well-formed XML with a testcase per finding and clean file",
          "[tool][formats][junit]") {
    const example_copy seed("seed");
    const run_result junit = checked_run({"--format", "junit", "srv5", "srv6"}, seed.root);
    const fs::path file = seed.scratch.path() / "report.xml";
    write_file(file, junit.out);
    // Python's parser: counts per suite, failures, and the names of passing files.
    const std::string script =
        "import sys, xml.etree.ElementTree as ET\n"
        "root = ET.parse(sys.argv[1]).getroot()\n"
        "assert root.tag == 'testsuites', root.tag\n"
        "total = failures = 0\n"
        "for suite in root.findall('testsuite'):\n"
        "    cases = suite.findall('testcase')\n"
        "    failed = [c for c in cases if c.find('failure') is not None]\n"
        "    assert int(suite.get('tests')) == len(cases), suite.get('name')\n"
        "    assert int(suite.get('failures')) == len(failed), suite.get('name')\n"
        "    total += len(cases); failures += len(failed)\n"
        "    for case in cases:\n"
        "        f = case.find('failure')\n"
        "        print(suite.get('name'), 'FAIL' if f is not None else 'PASS',\n"
        "              f.get('type') if f is not None else '')\n"
        "assert int(root.get('tests')) == total and int(root.get('failures')) == failures\n";
    const run_result parsed = run_process(python, {"-c", script, file.string()});
    INFO(parsed.err);
    REQUIRE(parsed.exit_code == 0);
    // Expected: each config file in path order, a FAIL per finding (in output order) or a PASS.
    const json findings = json_findings({"srv5", "srv6"}, seed.root);
    std::string expected;
    for (const char* node : {"srv5", "srv6"}) {
        for (const char* name : {"authkeys", "ha.cf", "haresources"}) {
            const std::string checked = std::string(node) + "/" + name;
            bool failed = false;
            for (const auto& finding : findings.at("diagnostics")) {
                if (finding.at("file") == checked) {
                    expected +=
                        checked + " FAIL " + finding.at("severity").get<std::string>() + "\n";
                    failed = true;
                }
            }
            expected += failed ? "" : checked + " PASS \n";
        }
    }
    CHECK(contains(expected, "srv5/authkeys FAIL warning\n")); // crc in the seed
    CHECK(contains(expected, " PASS \n"));
    CHECK(parsed.out == expected);
}

// ------------------------------------------------------------------- exit codes, --output

TEST_CASE("formats never change the exit status", "[tool][formats]") {
    const example_copy mistakes("mistakes");
    const example_copy clean("clean-sha1");
    for (const std::string format : {"text", "gcc", "json", "sarif", "github", "junit"}) {
        INFO("format " << format);
        CHECK(checked_run({"--format", format, "node1", "node2"}, mistakes.root).exit_code == 1);
        CHECK(checked_run({"--format", format, "alpha", "beta"}, clean.root).exit_code == 0);
        CHECK(checked_run({"--format", format, "--fail-on", "error", "alpha", "beta"}, clean.root)
                  .exit_code == 0);
    }
    const run_result unknown = checked_run({"--format", "xml", "alpha"}, clean.root);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.out.empty());
}

TEST_CASE("hacheck --output writes each format to its file; stdout keeps --format",
          "[tool][formats][output]") {
    const example_copy mistakes("mistakes");
    const fs::path reports = mistakes.scratch.path() / "reports";
    fs::create_directories(reports);
    const std::vector<std::string> paths{"node1", "node2"};
    const run_result both =
        checked_run({"--color", "always", "--output", "sarif=" + (reports / "out.sarif").string(),
                     "--output", "junit=" + (reports / "out.xml").string(), "--output",
                     "text=" + (reports / "out.txt").string(), "--output",
                     "json=" + (reports / "a=b.json").string(), "node1", "node2"},
                    mistakes.root);
    CHECK(both.exit_code == 1);
    CHECK(both.err.empty());
    CHECK(contains(both.out, "\x1b[")); // stdout: text in colour, as asked

    const auto stdout_of = [&](const std::string& format) {
        return checked_run({"--format", format, "node1", "node2"}, mistakes.root).out;
    };
    CHECK(read_file(reports / "out.sarif") == stdout_of("sarif"));
    CHECK(read_file(reports / "out.xml") == stdout_of("junit"));
    CHECK(read_file(reports / "a=b.json") == stdout_of("json"));
    const std::string text_file = read_file(reports / "out.txt");
    CHECK(text_file == stdout_of("text"));
    CHECK_FALSE(contains(text_file, "\x1b")); // files never get colour

    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(reports)) {
        names.insert(entry.path().filename().string());
    }
    CHECK(names == std::set<std::string>{"a=b.json", "out.sarif", "out.txt", "out.xml"});
}

TEST_CASE("hacheck --output problems exit 2 before anything is printed",
          "[tool][formats][output]") {
    const example_copy seed("seed");
    const auto usage_error = [&](const std::vector<std::string>& args, const std::string& text) {
        const run_result result = checked_run(args, seed.root);
        INFO("stderr: " << result.err);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("hacheck: error: ", 0) == 0);
        CHECK(contains(result.err, text));
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    };
    usage_error({"--output", "report.sarif", "srv5"}, "expected FORMAT=FILE");
    usage_error({"--output", "xml=report.xml", "srv5"}, "unknown format 'xml'");
    usage_error({"--output", "json=", "srv5"}, "the file name is empty");
    usage_error({"--output", "json=a.json", "--output", "sarif=a.json", "srv5"},
                "a.json is already written by --output");
    usage_error({"--output", "json=no-such-dir/a.json", "srv5"},
                "cannot write no-such-dir/a.json: No such file or directory");
    CHECK_FALSE(fs::exists(seed.root / "report.sarif"));
}

// ------------------------------------------------------------------------ colour on a tty

TEST_CASE("hacheck --color auto colours a terminal unless NO_COLOR is set",
          "[tool][formats][color]") {
    const example_copy seed("seed");
    const std::vector<std::string> args{"srv5", "srv6"};
    const run_result terminal = run_on_terminal(args, seed.root, {}, {"NO_COLOR"});
    CHECK(terminal.exit_code == 1);
    CHECK(contains(terminal.out, "\x1b[1;33mwarning:\x1b[0m"));

    const run_result no_color = run_on_terminal(args, seed.root, {{"NO_COLOR", "1"}}, {});
    CHECK(no_color.exit_code == 1);
    CHECK_FALSE(contains(no_color.out, "\x1b"));
    CHECK(contains(no_color.out, "srv5/authkeys:10:3: warning: "));

    // no-color.org: an empty NO_COLOR does not count.
    const run_result empty = run_on_terminal(args, seed.root, {{"NO_COLOR", ""}}, {});
    CHECK(contains(empty.out, "\x1b[1;33mwarning:\x1b[0m"));

    const run_result never =
        run_on_terminal({"--color", "never", "srv5", "srv6"}, seed.root, {}, {"NO_COLOR"});
    CHECK_FALSE(contains(never.out, "\x1b"));
    // Other formats never colour, even on a terminal.
    const run_result gcc =
        run_on_terminal({"--format", "gcc", "srv5", "srv6"}, seed.root, {}, {"NO_COLOR"});
    CHECK(contains(gcc.out, "srv5/authkeys:10:3: warning:"));
    CHECK_FALSE(contains(gcc.out, "\x1b"));
}

// ------------------------------------------------------------------------ --explain = docs

TEST_CASE("hacheck --explain prints the rule's docs/rules page", "[tool][formats][docs]") {
    const run_result listed = checked_run({"--list-rules"}, source_dir);
    const auto lines = lines_of(listed.out);
    REQUIRE_FALSE(lines.empty());
    for (const auto& line : lines) {
        const auto first_gap = line.find("  ");
        const std::string code = line.substr(0, first_gap);
        const auto name_start = line.find_first_not_of(' ', first_gap);
        const std::string name = line.substr(name_start, line.find(' ', name_start) - name_start);
        INFO(code << " " << name);
        const fs::path page = source_dir / "docs" / "rules" / (name + ".md");
        REQUIRE(fs::exists(page));
        const std::string committed = read_file(page);
        const std::string explained = checked_run({"--explain", code}, source_dir).out;
        // The committed page is the generated notice followed by the explanation.
        CHECK(committed.size() > explained.size());
        CHECK(committed.substr(committed.size() - explained.size()) == explained);
        CHECK(explained.rfind("# " + code + " " + name + "\n", 0) == 0);
    }
}
