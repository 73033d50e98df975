// hacheck.json: lookup upwards, the checks with their JSON pointers, severity overrides and
// rule options reaching the rules.
#include "tool/temp_dir.hpp"

#include <hakit/lint/config_file.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/examples.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using hakit::diagnostic;
using hakit::severity;
using hakit::lint::all_rules;
using hakit::lint::config_error;
using hakit::lint::config_file;

config_file parse(const std::string& text) {
    return hakit::lint::parse_config_file(text, "conf/hacheck.json", all_rules());
}

// The config_error message of `text`.
std::string problem_of(const std::string& text) {
    try {
        parse(text);
    } catch (const config_error& error) {
        return error.what();
    }
    return "no error";
}

std::vector<diagnostic> with_code(const std::vector<diagnostic>& all, const std::string& code) {
    std::vector<diagnostic> found;
    std::copy_if(all.begin(), all.end(), std::back_inserter(found),
                 [&](const diagnostic& d) { return d.code == code; });
    return found;
}

} // namespace

TEST_CASE("a complete config file is read", "[config]") {
    const auto config = parse(R"({
        "select": ["HA1", "short-auth-key"], "ignore": ["HA106"], "fail-on": "error",
        "severity": {"HA103": "info", "auth-key-not-found": "off"},
        "rules": {"short-auth-key": {"min-length": 32}, "HA106": {"min-seconds": 30}}})");
    CHECK(config.select == std::vector<std::string>{"HA1", "short-auth-key"});
    CHECK(config.ignore == std::vector<std::string>{"HA106"});
    CHECK(config.fail_on == severity::error);
    REQUIRE(config.severities.size() == 2);
    CHECK(config.severities.at("HA103") == severity::info);
    CHECK(config.severities.at(std::string(
              hakit::lint::find_rule("auth-key-not-found")->meta->code)) == std::nullopt);
    CHECK(config.options.at("HA307").at("min-length") == 32);
    CHECK(config.options.at("HA106").at("min-seconds") == 30);
}

TEST_CASE("config problems name the file and the JSON pointer", "[config]") {
    CHECK(problem_of("[]") == "conf/hacheck.json: /: expected an object");
    CHECK(problem_of(R"({"selct": []})") ==
          "conf/hacheck.json: /selct: unknown key (expected select, ignore, fail-on, severity, "
          "rules)");
    CHECK(problem_of(R"({"select": "HA1"})") ==
          "conf/hacheck.json: /select: expected an array of rule codes, names or code prefixes");
    CHECK(problem_of(R"({"ignore": ["HA1", 3]})") ==
          "conf/hacheck.json: /ignore/1: expected a string");
    CHECK(problem_of(R"({"ignore": ["HA9"]})") ==
          "conf/hacheck.json: /ignore/0: 'HA9' selects no rule");
    CHECK(problem_of(R"({"fail-on": "fatal"})") ==
          "conf/hacheck.json: /fail-on: expected \"error\", \"warning\" or \"info\"");
    CHECK(problem_of(R"({"severity": {"a/b": "off"}})") ==
          "conf/hacheck.json: /severity/a~1b: 'a/b' is not a rule code or name");
    CHECK(
        problem_of(R"({"severity": {"HA103": "fatal"}})") ==
        "conf/hacheck.json: /severity/HA103: expected \"error\", \"warning\", \"info\" or \"off\"");
    CHECK(problem_of(R"({"rules": {"deadtime-too-short": {"x": 1}}})") ==
          "conf/hacheck.json: /rules/deadtime-too-short/x: deadtime-too-short has no options");
    CHECK(problem_of(R"({"rules": {"short-auth-key": {"min-lenght": 1}}})") ==
          "conf/hacheck.json: /rules/short-auth-key/min-lenght: short-auth-key has no option "
          "'min-lenght'");
    CHECK(problem_of(R"({"rules": {"short-auth-key": {"min-length": "32"}}})") ==
          "conf/hacheck.json: /rules/short-auth-key/min-length: expected an integer");
    CHECK(problem_of(R"({"rules": {"short-auth-key": {"min-length": 0}}})") ==
          "conf/hacheck.json: /rules/short-auth-key/min-length: must be at least 1");
    CHECK(problem_of(R"({"rules": {"short-auth-key": 32}})") ==
          "conf/hacheck.json: /rules/short-auth-key: expected an object of option name to value");
    CHECK(problem_of("{").starts_with("conf/hacheck.json: not JSON: "));
}

TEST_CASE("the nearest config file above a path wins; two in one directory are an error",
          "[config]") {
    const hakit::test::temp_dir scratch;
    const fs::path root = scratch.path();
    fs::create_directories(root / "fleet" / "site" / "node1");
    hakit::test::write_file(root / "fleet" / ".hacheck.json", "{}");
    CHECK(hakit::lint::find_config_file(root / "fleet" / "site" / "node1") ==
          root / "fleet" / ".hacheck.json");
    hakit::test::write_file(root / "fleet" / "site" / "hacheck.json", "{}");
    hakit::test::write_file(root / "fleet" / "site" / "node1" / "ha.cf", "");
    CHECK(hakit::lint::find_config_file(root / "fleet" / "site" / "node1" / "ha.cf") ==
          root / "fleet" / "site" / "hacheck.json");
    hakit::test::write_file(root / "fleet" / "site" / ".hacheck.json", "{}");
    CHECK_THROWS_AS(hakit::lint::find_config_file(root / "fleet" / "site" / "node1"), config_error);
}

TEST_CASE("severity overrides change or drop findings", "[config]") {
    std::vector<diagnostic> findings(3);
    findings[0].code = "HA103";
    findings[1].code = "HA301";
    findings[2].code = "HA106";
    findings[2].level = severity::warning;
    const auto kept = hakit::lint::apply_severities(
        findings, {{"HA103", severity::info}, {"HA301", std::nullopt}});
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].code == "HA103");
    CHECK(kept[0].level == severity::info);
    CHECK(kept[1].level == severity::warning);
}

TEST_CASE("rule options reach the rules that read them", "[config][options]") {
    const auto folders = hakit::lint::load_example("== ha.cf ==\n"
                                                   "keepalive 1\n"
                                                   "deadtime 5\n"
                                                   "initdead 15\n"
                                                   "== authkeys 0600 ==\n"
                                                   "auth 1\n"
                                                   "1 sha1 0123456789abcdef0123\n");
    CHECK(with_code(hakit::lint::check(folders), "HA106").empty());
    CHECK(with_code(hakit::lint::check(folders), "HA307").empty());

    const auto config = parse(R"({"rules": {"initdead-under-10s": {"min-seconds": 30},
                                            "short-auth-key": {"min-length": 32}}})");
    const auto found = hakit::lint::check(folders, &config.options);
    const auto initdead = with_code(found, "HA106");
    REQUIRE(initdead.size() == 1);
    CHECK(initdead[0].where == hakit::location{"example/ha.cf", 3, 10});
    CHECK(initdead[0].message == "initdead 15000 ms is under 30 seconds");
    const auto key = with_code(found, "HA307");
    REQUIRE(key.size() == 1);
    CHECK(key[0].message.find("shorter than 32") != std::string::npos);
}

TEST_CASE("reading an option a rule does not declare is a bug", "[config][options]") {
    const hakit::lint::sink out;
    CHECK_THROWS_AS(out.option(*hakit::lint::find_rule("HA103")->meta, "min-seconds"),
                    std::logic_error);
    CHECK(out.option(*hakit::lint::find_rule("HA106")->meta, "min-seconds") == 10);
}
