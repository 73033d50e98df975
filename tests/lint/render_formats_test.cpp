// The CI formats (gcc, SARIF, GitHub workflow commands, JUnit XML), the format dispatcher, the
// fingerprint and atomic report files, on hand-made findings.
#include "render_samples.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/lint/render.hpp>
#include <hakit/lint/render_format.hpp>
#include <hakit/lint/rule.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

using hakit::diagnostic;
using hakit::location;
using hakit::note;
using hakit::severity;
using hakit::lint::source_index;
using hakit::test::add_source;
using hakit::test::deadtime_finding;
using hakit::test::sources_of;
using hakit::test::srv5_ha_cf;

source_index srv5_sources() {
    return sources_of("srv5/ha.cf", srv5_ha_cf);
}

diagnostic whole_file_finding() {
    return diagnostic{
        .code = "HA301",
        .rule = "authkeys-permissions",
        .level = severity::warning,
        .message = "authkeys is readable by group and others (mode 0644)",
        .where = location{"srv5/authkeys", 0, 0},
        .notes = {},
    };
}

std::string gcc_of(const std::vector<diagnostic>& diagnostics) {
    std::ostringstream out;
    hakit::lint::render_gcc(out, diagnostics);
    return out.str();
}

std::string github_of(const std::vector<diagnostic>& diagnostics) {
    std::ostringstream out;
    hakit::lint::render_github(out, diagnostics);
    return out.str();
}

std::string junit_of(const std::vector<diagnostic>& diagnostics, const source_index& sources) {
    std::ostringstream out;
    hakit::lint::render_junit(out, diagnostics, sources);
    return out.str();
}

json sarif_of(const std::vector<diagnostic>& diagnostics, const source_index& sources,
              hakit::lint::sarif_options options = {}) {
    std::ostringstream out;
    hakit::lint::render_sarif(out, diagnostics, sources, options);
    REQUIRE(json::accept(out.str()));
    return json::parse(out.str());
}

const json& first_result(const json& log) {
    return log.at("runs").at(0).at("results").at(0);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

// ------------------------------------------------------------------------------------- gcc

TEST_CASE("gcc: one line per finding and per note, no excerpt, no summary", "[render][gcc]") {
    CHECK(gcc_of({deadtime_finding()}) ==
          "srv5/ha.cf:7:10: error: deadtime 3000 ms is not more than twice keepalive 2000 ms "
          "[HA103 deadtime-too-short]\n"
          "srv5/ha.cf:6:11: note: keepalive set here\n");
    CHECK(gcc_of({}).empty());
}

TEST_CASE("gcc: a whole-file finding has no line, a line without column no column",
          "[render][gcc]") {
    auto no_column = deadtime_finding();
    no_column.where.column = 0;
    no_column.notes = {note{location{"srv6/ha.cf", 0, 0}, "srv6 too"}};
    CHECK(gcc_of({whole_file_finding(), no_column}) ==
          "srv5/authkeys: warning: authkeys is readable by group and others (mode 0644) "
          "[HA301 authkeys-permissions]\n"
          "srv5/ha.cf:7: error: deadtime 3000 ms is not more than twice keepalive 2000 ms "
          "[HA103 deadtime-too-short]\n"
          "srv6/ha.cf: note: srv6 too\n");
}

TEST_CASE("gcc: info keeps its word and control characters are escaped", "[render][gcc]") {
    auto finding = deadtime_finding();
    finding.level = severity::info;
    finding.message = "node [srv5\r] \x1b[2J";
    finding.notes = {note{location{"a\nb", 1, 1}, "bell \x07"}};
    CHECK(gcc_of({finding}) == "srv5/ha.cf:7:10: info: node [srv5\\r] \\x1b[2J "
                               "[HA103 deadtime-too-short]\n"
                               "a\\nb:1:1: note: bell \\x07\n");
}

// ---------------------------------------------------------------------------------- github

TEST_CASE("github: a workflow command per finding with file, line, col and title",
          "[render][github]") {
    auto warning = deadtime_finding();
    warning.level = severity::warning;
    warning.notes.clear();
    auto info = warning;
    info.level = severity::info;
    const std::string expected_tail = "file=srv5/ha.cf,line=7,col=10,title=HA103 "
                                      "deadtime-too-short::deadtime 3000 ms is not more than "
                                      "twice keepalive 2000 ms\n";
    auto error = warning;
    error.level = severity::error;
    CHECK(github_of({error, warning, info}) ==
          "::error " + expected_tail + "::warning " + expected_tail + "::notice " + expected_tail);
}

TEST_CASE("github: notes become extra lines of the message, escaped as %0A", "[render][github]") {
    CHECK(github_of({deadtime_finding()}) ==
          "::error file=srv5/ha.cf,line=7,col=10,title=HA103 deadtime-too-short::deadtime 3000 "
          "ms is not more than twice keepalive 2000 ms%0Asrv5/ha.cf:6:11: note: keepalive set "
          "here\n");
}

TEST_CASE("github: a whole-file finding names only the file", "[render][github]") {
    CHECK(github_of({whole_file_finding()}) ==
          "::warning file=srv5/authkeys,title=HA301 authkeys-permissions::authkeys is readable "
          "by group and others (mode 0644)\n");
}

TEST_CASE("github: %, CR and LF are escaped in data, also ':' and ',' in properties",
          "[render][github]") {
    auto finding = deadtime_finding();
    finding.notes.clear();
    finding.where.file = "odd,dir:1/100%/ha.cf";
    finding.message = "50% of\r\nit";
    const std::string line = github_of({finding});
    CHECK(line == "::error file=odd%2Cdir%3A1/100%25/ha.cf,line=7,col=10,title=HA103 "
                  "deadtime-too-short::50%25 of\\r\\nit\n");
    finding.where.file = "./srv5/ha.cf";
    CHECK(github_of({finding}).rfind("::error file=srv5/ha.cf,line=7,", 0) == 0);
    // A raw line break in a file name would end the command early.
    finding.where.file = "a\nb";
    CHECK(github_of({finding}).rfind("::error file=a%0Ab,", 0) == 0);
}

TEST_CASE("github: bytes that are not UTF-8 are replaced", "[render][github]") {
    auto finding = deadtime_finding();
    finding.notes.clear();
    finding.message = "unknown directive 'n\xF6"
                      "de'";
    CHECK(contains(github_of({finding}), "::unknown directive 'n\xEF\xBF\xBD"
                                         "de'\n"));
}

// ----------------------------------------------------------------------------------- junit

TEST_CASE("junit: a testsuite per file, a failure per finding, a pass per clean file",
          "[render][junit]") {
    auto sources = srv5_sources();
    add_source(sources, "srv5/haresources", "srv5 10.0.0.1\n");
    const std::string xml = junit_of({deadtime_finding(), whole_file_finding()}, sources);
    CHECK(xml ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<testsuites name=\"hacheck\" tests=\"3\" failures=\"2\" errors=\"0\">\n"
          "  <testsuite name=\"srv5/authkeys\" tests=\"1\" failures=\"1\" errors=\"0\" "
          "skipped=\"0\">\n"
          "    <testcase name=\"HA301 authkeys-permissions\" classname=\"srv5/authkeys\">\n"
          "      <failure message=\"authkeys is readable by group and others (mode 0644)\" "
          "type=\"warning\">srv5/authkeys: warning: authkeys is readable by group and others "
          "(mode 0644) [HA301 authkeys-permissions]</failure>\n"
          "    </testcase>\n"
          "  </testsuite>\n"
          "  <testsuite name=\"srv5/ha.cf\" tests=\"1\" failures=\"1\" errors=\"0\" "
          "skipped=\"0\">\n"
          "    <testcase name=\"HA103 deadtime-too-short at line 7, column 10\" "
          "classname=\"srv5/ha.cf\">\n"
          "      <failure message=\"deadtime 3000 ms is not more than twice keepalive 2000 ms\" "
          "type=\"error\">srv5/ha.cf:7:10: error: deadtime 3000 ms is not more than twice "
          "keepalive 2000 ms [HA103 deadtime-too-short]\n"
          "srv5/ha.cf:6:11: note: keepalive set here</failure>\n"
          "    </testcase>\n"
          "  </testsuite>\n"
          "  <testsuite name=\"srv5/haresources\" tests=\"1\" failures=\"0\" errors=\"0\" "
          "skipped=\"0\">\n"
          "    <testcase name=\"no problems\" classname=\"srv5/haresources\"/>\n"
          "  </testsuite>\n"
          "</testsuites>\n");
}

TEST_CASE("junit: a clean run still lists every checked file", "[render][junit]") {
    const std::string xml = junit_of({}, srv5_sources());
    CHECK(contains(xml, "<testsuites name=\"hacheck\" tests=\"1\" failures=\"0\" errors=\"0\">"));
    CHECK(contains(xml, "<testcase name=\"no problems\" classname=\"srv5/ha.cf\"/>"));
    CHECK(junit_of({}, {}) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<testsuites name=\"hacheck\" tests=\"0\" failures=\"0\" "
                              "errors=\"0\">\n"
                              "</testsuites>\n");
}

TEST_CASE("junit: markup is escaped, control characters never reach the XML", "[render][junit]") {
    auto finding = deadtime_finding();
    finding.where.file = "a&b/<x>\"q\"\x01/ha.cf";
    finding.message = "value \"<&>\" with \x1b and \x7f and n\xF6";
    finding.notes = {note{location{"n", 1, 1}, "tab\there"}};
    const std::string xml = junit_of({finding}, {});
    CHECK(contains(xml, "<testsuite name=\"a&amp;b/&lt;x&gt;&quot;q&quot;/ha.cf\""));
    CHECK(contains(xml, "message=\"value &quot;&lt;&amp;&gt;&quot; with \\x1b and \\x7f and "
                        "n\xEF\xBF\xBD\""));
    CHECK(contains(xml, ">a&amp;b/&lt;x&gt;\"q\"\\x01/ha.cf:7:10: error: value \"&lt;&amp;&gt;\""));
    CHECK(contains(xml, "n:1:1: note: tab\there</failure>"));
    for (const char c : xml) {
        const auto byte = static_cast<unsigned char>(c);
        INFO("byte " << static_cast<unsigned>(byte));
        CHECK((byte >= 0x20U || c == '\n' || c == '\t') == true);
    }
}

// ----------------------------------------------------------------------------------- sarif

TEST_CASE("sarif: log, run and driver carry the schema, version and tool", "[render][sarif]") {
    hakit::lint::sarif_options options;
    options.tool_version = "1.2.3";
    options.information_uri = "https://example.org/hakit";
    options.rules_url = "https://example.org/hakit/rules/";
    const json log = sarif_of({deadtime_finding()}, srv5_sources(), options);
    CHECK(log.at("$schema") == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(log.at("version") == "2.1.0");
    REQUIRE(log.at("runs").size() == 1);
    const json& run = log.at("runs").at(0);
    CHECK(run.at("columnKind") == "unicodeCodePoints");
    const json& driver = run.at("tool").at("driver");
    CHECK(driver.at("name") == "hacheck");
    CHECK(driver.at("version") == "1.2.3");
    CHECK(driver.at("semanticVersion") == "1.2.3");
    CHECK(driver.at("informationUri") == "https://example.org/hakit");
}

TEST_CASE("sarif: every registered rule is described, with help and a help URI",
          "[render][sarif]") {
    hakit::lint::sarif_options options;
    options.rules_url = "https://example.org/rules/";
    const json log = sarif_of({}, {}, options);
    const json& rules = log.at("runs").at(0).at("tool").at("driver").at("rules");
    const auto& registered = hakit::lint::all_rules();
    REQUIRE(rules.size() == registered.size());
    for (std::size_t i = 0; i < registered.size(); ++i) {
        const auto& meta = *registered[i].meta;
        const json& rule = rules.at(i);
        INFO(meta.code);
        CHECK(rule.at("id") == meta.code);
        CHECK(rule.at("name") == meta.name);
        CHECK(rule.at("shortDescription").at("text") == meta.summary);
        CHECK_FALSE(rule.at("fullDescription").at("text").get<std::string>().empty());
        CHECK(contains(rule.at("help").at("text").get<std::string>(), "How to fix it"));
        CHECK(rule.at("help")
                  .at("markdown")
                  .get<std::string>()
                  .rfind("# " + std::string(meta.code) + " " + std::string(meta.name) + "\n", 0) ==
              0);
        CHECK(rule.at("helpUri") == "https://example.org/rules/" + std::string(meta.name) + ".md");
        const std::string level = rule.at("defaultConfiguration").at("level");
        CHECK(level ==
              (meta.level == severity::info ? "note" : std::string(to_string(meta.level))));
    }
    CHECK(log.at("runs").at(0).at("results").empty());
}

TEST_CASE("sarif: without a rules URL or version, those members are left out", "[render][sarif]") {
    const json log = sarif_of({}, {});
    const json& driver = log.at("runs").at(0).at("tool").at("driver");
    CHECK_FALSE(driver.contains("version"));
    CHECK_FALSE(driver.contains("informationUri"));
    CHECK_FALSE(driver.at("rules").at(0).contains("helpUri"));
}

TEST_CASE("sarif: a result has rule, index, level, message, location and related notes",
          "[render][sarif]") {
    const json log = sarif_of({deadtime_finding()}, srv5_sources());
    const json& result = first_result(log);
    CHECK(result.at("ruleId") == "HA103");
    const auto index = result.at("ruleIndex").get<std::size_t>();
    CHECK(log.at("runs").at(0).at("tool").at("driver").at("rules").at(index).at("id") == "HA103");
    CHECK(result.at("level") == "error");
    CHECK(result.at("message").at("text") ==
          "deadtime 3000 ms is not more than twice keepalive 2000 ms");
    const json& physical = result.at("locations").at(0).at("physicalLocation");
    CHECK(physical.at("artifactLocation").dump() ==
          R"({"uri":"srv5/ha.cf","uriBaseId":"%SRCROOT%"})");
    CHECK(physical.at("region").dump() == R"({"startLine":7,"startColumn":10})");
    const json& related = result.at("relatedLocations").at(0);
    CHECK(related.at("id") == 0);
    CHECK(related.at("message").at("text") == "keepalive set here");
    CHECK(related.at("physicalLocation").at("region").dump() ==
          R"({"startLine":6,"startColumn":11})");
}

TEST_CASE("sarif: levels map to error, warning and note", "[render][sarif]") {
    auto warning = deadtime_finding();
    warning.level = severity::warning;
    auto info = deadtime_finding();
    info.level = severity::info;
    const json log = sarif_of({deadtime_finding(), warning, info}, srv5_sources());
    const json& results = log.at("runs").at(0).at("results");
    CHECK(results.at(0).at("level") == "error");
    CHECK(results.at(1).at("level") == "warning");
    CHECK(results.at(2).at("level") == "note");
}

TEST_CASE("sarif: a whole-file finding is placed on line 1 without a column", "[render][sarif]") {
    const json log = sarif_of({whole_file_finding()}, {});
    const json& physical = first_result(log).at("locations").at(0).at("physicalLocation");
    CHECK(physical.at("region").dump() == R"({"startLine":1})");
    CHECK_FALSE(first_result(log).contains("relatedLocations"));
}

TEST_CASE("sarif: byte columns become code point columns", "[render][sarif]") {
    source_index sources;
    // "nöde x": 'x' is byte column 7 but the 6th code point.
    add_source(sources, "u/ha.cf",
               "n\xC3\xB6"
               "de x\n");
    auto finding = deadtime_finding();
    finding.where = location{"u/ha.cf", 1, 7};
    finding.notes = {note{location{"u/ha.cf", 1, 1}, "start"}};
    const json log = sarif_of({finding}, sources);
    CHECK(first_result(log)
              .at("locations")
              .at(0)
              .at("physicalLocation")
              .at("region")
              .at("startColumn") == 6);
    CHECK(first_result(log)
              .at("relatedLocations")
              .at(0)
              .at("physicalLocation")
              .at("region")
              .at("startColumn") == 1);
}

TEST_CASE("sarif: paths become URIs, relative to %SRCROOT% or file:// when absolute",
          "[render][sarif]") {
    auto finding = deadtime_finding();
    finding.notes.clear();
    const auto uri_of = [&](const std::string& file) {
        finding.where.file = file;
        return first_result(sarif_of({finding}, {}))
            .at("locations")
            .at(0)
            .at("physicalLocation")
            .at("artifactLocation");
    };
    CHECK(uri_of("./srv5/ha.cf").dump() == R"({"uri":"srv5/ha.cf","uriBaseId":"%SRCROOT%"})");
    CHECK(uri_of("/etc/ha.d/ha.cf").dump() == R"({"uri":"file:///etc/ha.d/ha.cf"})");
    CHECK(uri_of("my dir/a:b#c%d/ha.cf").at("uri") == "my%20dir/a%3Ab%23c%25d/ha.cf");
    CHECK(uri_of("n\xC3\xB6/ha.cf").at("uri") == "n%C3%B6/ha.cf");
}

TEST_CASE("sarif: a finding of a rule missing from the given list still gets a descriptor",
          "[render][sarif]") {
    const std::vector<hakit::lint::registered_rule> no_rules;
    hakit::lint::sarif_options options;
    options.rules = &no_rules;
    auto unknown = deadtime_finding();
    unknown.code = "HA999";
    unknown.rule = "not-registered";
    const json log = sarif_of({deadtime_finding(), unknown, deadtime_finding()}, {}, options);
    const json& rules = log.at("runs").at(0).at("tool").at("driver").at("rules");
    REQUIRE(rules.size() == 2);
    CHECK(rules.at(0).at("id") == "HA103"); // from the registry, with its help
    CHECK(rules.at(0).contains("help"));
    CHECK(rules.at(1).dump() ==
          R"({"id":"HA999","name":"not-registered","shortDescription":{"text":"not-registered"}})");
    const json& results = log.at("runs").at(0).at("results");
    CHECK(results.at(0).at("ruleIndex") == 0);
    CHECK(results.at(1).at("ruleIndex") == 1);
    CHECK(results.at(2).at("ruleIndex") == 0);
}

TEST_CASE("sarif: messages with control characters or bad UTF-8 stay valid", "[render][sarif]") {
    auto finding = deadtime_finding();
    finding.message = "n\xF6"
                      "de \x1b[2J";
    const json log = sarif_of({finding}, srv5_sources());
    CHECK(first_result(log).at("message").at("text") == "n\xEF\xBF\xBD"
                                                        "de \\x1b[2J");
}

// ------------------------------------------------------------------------------ fingerprint

TEST_CASE("fingerprints ignore line numbers and blanks but not the rule, file or content",
          "[render][fingerprint]") {
    using hakit::lint::finding_fingerprint;
    source_index before;
    add_source(before, "srv5/ha.cf", srv5_ha_cf);
    source_index after; // two lines inserted above, blanks changed
    add_source(after, "srv5/ha.cf",
               "# new\n#\n" + srv5_ha_cf.substr(0, srv5_ha_cf.size() - 11) +
                   "  deadtime\t 3  \r\n");
    auto moved = deadtime_finding();
    moved.where.line = 9;
    const std::string original = finding_fingerprint(deadtime_finding(), before);
    CHECK(original.size() == 16);
    CHECK(original.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(finding_fingerprint(moved, after) == original);

    auto dotted = deadtime_finding();
    dotted.where.file = "./srv5/ha.cf";
    source_index dotted_sources;
    add_source(dotted_sources, "./srv5/ha.cf", srv5_ha_cf);
    CHECK(finding_fingerprint(dotted, dotted_sources) == original);

    auto other_rule = deadtime_finding();
    other_rule.code = "HA104";
    CHECK(finding_fingerprint(other_rule, before) != original);
    auto other_line = deadtime_finding();
    other_line.where.line = 6; // "keepalive 2"
    CHECK(finding_fingerprint(other_line, before) != original);
    source_index changed;
    add_source(changed, "srv5/ha.cf", srv5_ha_cf.substr(0, srv5_ha_cf.size() - 2) + "4\n");
    CHECK(finding_fingerprint(deadtime_finding(), changed) != original);
    auto other_file = deadtime_finding();
    other_file.where.file = "srv6/ha.cf";
    source_index srv6;
    add_source(srv6, "srv6/ha.cf", srv5_ha_cf);
    CHECK(finding_fingerprint(other_file, srv6) != original);
}

TEST_CASE("fingerprints of authkeys lines leave the key out", "[render][fingerprint]") {
    using hakit::lint::finding_fingerprint;
    diagnostic finding{.code = "HA306",
                       .rule = "weak-auth-method",
                       .level = severity::info,
                       .message = "key 1 uses md5",
                       .where = location{"srv5/authkeys", 2, 3},
                       .notes = {}};
    source_index one;
    add_source(one, "srv5/authkeys", "auth 1\n1 md5 FirstSecret\n");
    source_index two;
    add_source(two, "srv5/authkeys", "auth 1\n1   md5 AnotherSecret # rotated\n");
    CHECK(finding_fingerprint(finding, one) == finding_fingerprint(finding, two));
    source_index sha;
    add_source(sha, "srv5/authkeys", "auth 1\n1 sha1 FirstSecret\n");
    CHECK(finding_fingerprint(finding, one) != finding_fingerprint(finding, sha));
    // Not an authkeys file: every word counts.
    finding.where.file = "srv5/ha.cf";
    source_index ha_cf_one;
    add_source(ha_cf_one, "srv5/ha.cf", "auth 1\n1 md5 FirstSecret\n");
    source_index ha_cf_two;
    add_source(ha_cf_two, "srv5/ha.cf", "auth 1\n1 md5 AnotherSecret\n");
    CHECK(finding_fingerprint(finding, ha_cf_one) != finding_fingerprint(finding, ha_cf_two));
}

TEST_CASE("sarif: equal fingerprints in one run are told apart by an occurrence counter",
          "[render][sarif][fingerprint]") {
    auto first = deadtime_finding();
    auto second = deadtime_finding();
    second.message = "another problem on the same line";
    const auto sources = srv5_sources();
    const json log = sarif_of({first, second}, sources);
    const std::string hash = hakit::lint::finding_fingerprint(first, sources);
    const json& results = log.at("runs").at(0).at("results");
    CHECK(results.at(0).at("partialFingerprints").dump() ==
          R"({"primaryLocationLineHash":")" + hash + R"(:1"})");
    CHECK(results.at(1).at("partialFingerprints").at("primaryLocationLineHash") == hash + ":2");
}

// -------------------------------------------------------------------------- text helpers

TEST_CASE("printable escapes control characters and keeps everything else", "[render]") {
    using hakit::lint::printable;
    CHECK(printable("plain\ttab n\xC3\xB6") == "plain\ttab n\xC3\xB6");
    CHECK(printable(std::string("a\0b\r\n\x1b\x7f", 7)) == "a\\x00b\\r\\n\\x1b\\x7f");
}

TEST_CASE("valid_utf8 keeps UTF-8 and replaces everything else byte by byte", "[render]") {
    using hakit::lint::valid_utf8;
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(valid_utf8("ascii \xC3\xB6 \xE2\x82\xAC \xF0\x9F\x98\x80") ==
          "ascii \xC3\xB6 \xE2\x82\xAC \xF0\x9F\x98\x80");
    CHECK(valid_utf8("\xF6") == replacement);                                     // Latin-1
    CHECK(valid_utf8("\xC3") == replacement);                                     // cut short
    CHECK(valid_utf8("\xC0\xAF") == replacement + replacement);                   // overlong
    CHECK(valid_utf8("\xED\xA0\x80") == replacement + replacement + replacement); // surrogate
    CHECK(valid_utf8("\xF4\x90\x80\x80") ==
          replacement + replacement + replacement + replacement); // above U+10FFFF
}

// ------------------------------------------------------------------------------ dispatcher

TEST_CASE("format names parse and print back, unknown names do not", "[render][format]") {
    using hakit::lint::output_format;
    const std::vector<std::string> expected{"text", "gcc", "json", "sarif", "github", "junit"};
    CHECK(hakit::lint::output_format_names() == expected);
    for (const auto& name : expected) {
        const auto format = hakit::lint::parse_output_format(name);
        REQUIRE(format.has_value());
        CHECK(hakit::lint::to_string(*format) == name);
    }
    CHECK_FALSE(hakit::lint::parse_output_format("SARIF").has_value());
    CHECK_FALSE(hakit::lint::parse_output_format("").has_value());
}

TEST_CASE("parse_output_request: --output arguments split at the first '='", "[render][format]") {
    using hakit::lint::parse_output_request;
    const auto request = parse_output_request("sarif=out/a=b.sarif");
    CHECK(request.format == hakit::lint::output_format::sarif);
    CHECK(request.file == "out/a=b.sarif");
    CHECK_THROWS_WITH(parse_output_request("report.sarif"),
                      Catch::Contains("expected FORMAT=FILE"));
    CHECK_THROWS_WITH(parse_output_request("xml=report.xml"),
                      Catch::Contains("unknown format 'xml' (one of text, gcc, json, sarif, "
                                      "github, junit)"));
    CHECK_THROWS_WITH(parse_output_request("junit="), Catch::Contains("file name is empty"));
}

TEST_CASE("the dispatcher renders what each renderer renders", "[render][format]") {
    using hakit::lint::output_format;
    const std::vector<diagnostic> diagnostics{deadtime_finding(), whole_file_finding()};
    const auto sources = srv5_sources();
    hakit::lint::render_input input;
    input.diagnostics = &diagnostics;
    input.sources = &sources;
    input.totals = hakit::lint::summarize(diagnostics, 2);
    input.sarif.tool_version = "9.9";

    std::ostringstream text;
    hakit::lint::render_text(text, diagnostics, sources, input.totals, false);
    CHECK(hakit::lint::render_to_string(output_format::text, input) == text.str());
    input.color = true;
    CHECK(hakit::lint::render_to_string(output_format::text, input) != text.str());
    std::ostringstream json_text;
    hakit::lint::render_json(json_text, diagnostics, input.totals);
    CHECK(hakit::lint::render_to_string(output_format::json, input) == json_text.str());
    CHECK(hakit::lint::render_to_string(output_format::gcc, input) == gcc_of(diagnostics));
    CHECK(hakit::lint::render_to_string(output_format::github, input) == github_of(diagnostics));
    CHECK(hakit::lint::render_to_string(output_format::junit, input) ==
          junit_of(diagnostics, sources));
    std::ostringstream sarif;
    hakit::lint::render_sarif(sarif, diagnostics, sources, input.sarif);
    CHECK(hakit::lint::render_to_string(output_format::sarif, input) == sarif.str());
}

// ------------------------------------------------------------------------- report files

TEST_CASE("report files are written whole, replaced in one step, and keep their mode",
          "[render][output-file]") {
    const hakit::test::temp_dir scratch;
    const fs::path file = scratch.path() / "report.sarif";

    const mode_t mask = ::umask(022);
    hakit::lint::write_file_atomically(file.string(), "first\n");
    CHECK(hakit::test::read_file(file) == "first\n");
    CHECK((fs::status(file).permissions() & fs::perms::mask) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
           fs::perms::others_read));

    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    hakit::lint::write_file_atomically(file.string(), "second\n");
    ::umask(mask);
    CHECK(hakit::test::read_file(file) == "second\n");
    CHECK((fs::status(file).permissions() & fs::perms::mask) ==
          (fs::perms::owner_read | fs::perms::owner_write));

    // Nothing but the report is left in the directory.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(scratch.path())) {
        names.push_back(entry.path().filename().string());
    }
    CHECK(names == std::vector<std::string>{"report.sarif"});
}

TEST_CASE("a report file that cannot be written is an error naming it", "[render][output-file]") {
    const hakit::test::temp_dir scratch;
    const fs::path missing = scratch.path() / "no-such-dir" / "report.xml";
    CHECK_THROWS_WITH(hakit::lint::write_file_atomically(missing.string(), "x"),
                      "cannot write " + missing.string() + ": No such file or directory");
    // A directory in the way: the temporary file is removed again.
    fs::create_directory(scratch.path() / "taken");
    CHECK_THROWS_WITH(
        hakit::lint::write_file_atomically((scratch.path() / "taken").string(), "x"),
        Catch::StartsWith("cannot write " + (scratch.path() / "taken").string() + ": "));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.path())) {
        ++entries;
    }
    CHECK(entries == 1);
}

TEST_CASE("a report file name in the working directory works without a directory part",
          "[render][output-file]") {
    const hakit::test::temp_dir scratch;
    const fs::path previous = fs::current_path();
    fs::current_path(scratch.path());
    hakit::lint::write_file_atomically("plain.txt", "ok\n");
    fs::current_path(previous);
    CHECK(hakit::test::read_file(scratch.path() / "plain.txt") == "ok\n");
}
