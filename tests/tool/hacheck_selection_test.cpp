// hacheck end to end: --select/--ignore, inline suppression comments, hacheck.json and the
// baseline round trip of issue 4 (write, add one mistake, only that one is reported).
#include "hacheck.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;

namespace {

constexpr auto mode_0600 = fs::perms::owner_read | fs::perms::owner_write;

// A node folder "cluster/srv1" with a few findings: HA103 (deadtime), HA106 (initdead),
// HA307 (short key).
const std::string ha_cf = "logfile /var/log/ha-log\n"
                          "keepalive 2\n"
                          "deadtime 4\n"
                          "initdead 9\n"
                          "udpport 694\n"
                          "bcast eth0\n"
                          "bcast eth1\n"
                          "auto_failback on\n"
                          "node srv1 srv2\n";
const std::string haresources = "srv1 10.0.0.10/24/eth0 httpd\n";
const std::string authkeys = "auth 1\n1 sha1 short-key\n";

struct folder_fixture {
    temp_dir scratch;
    fs::path node = scratch.path() / "cluster" / "srv1";

    folder_fixture() {
        fs::create_directories(node);
        write("ha.cf", ha_cf);
        write("haresources", haresources);
        write("authkeys", authkeys);
        write("nodeinfo", "srv1\n");
    }
    void write(const std::string& name, const std::string& text) const {
        write_file(node / name, text);
        if (name == "authkeys") {
            fs::permissions(node / name, mode_0600);
        }
    }
    run_result hacheck(std::vector<std::string> args) const {
        args.push_back("cluster/srv1");
        return run_hacheck(args, scratch.path());
    }
};

// The codes of a --format json run.
std::multiset<std::string> codes_of(const run_result& run) {
    std::multiset<std::string> codes;
    const auto document = nlohmann::json::parse(run.out);
    for (const auto& d : document.at("diagnostics")) {
        codes.insert(d.at("code").get<std::string>());
    }
    return codes;
}

} // namespace

TEST_CASE("the fixture folder has the findings the selection tests rely on", "[cli][select]") {
    const folder_fixture fixture;
    const auto run = fixture.hacheck({"--format", "json"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 1);
    const auto codes = codes_of(run);
    CHECK(codes.count("HA103") == 1);
    CHECK(codes.count("HA106") == 1);
    CHECK(codes.count("HA307") == 1);
}

TEST_CASE("hacheck --select and --ignore take codes, names, prefixes and comma lists",
          "[cli][select]") {
    const folder_fixture fixture;
    CHECK(codes_of(fixture.hacheck({"--format", "json", "--select", "HA1"})) ==
          std::multiset<std::string>{"HA103", "HA106"});
    CHECK(codes_of(fixture.hacheck(
              {"--format", "json", "--select", "HA1,short-auth-key", "--ignore", "HA106"})) ==
          std::multiset<std::string>{"HA103", "HA307"});
    const auto none = fixture.hacheck({"--select", "HA103", "--ignore", "deadtime-too-short"});
    CHECK(none.exit_code == 0);
    CHECK(none.out.find("no problems") != std::string::npos);
}

TEST_CASE("unknown selectors are a usage error naming them", "[cli][select]") {
    const folder_fixture fixture;
    const auto run = fixture.hacheck({"--select", "HA1,HA9", "--ignore", "deadtime"});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "hacheck: error: --select: HA9 select no rule (see --list-rules)\n");
}

TEST_CASE("inline suppression comments silence their line in all three files", "[cli][suppress]") {
    const folder_fixture fixture;
    fixture.write("ha.cf", "logfile /var/log/ha-log\n"
                           "keepalive 2\n"
                           "deadtime 4 # hacheck: ignore[deadtime-too-short]\n"
                           "# hacheck: ignore[HA106]\n"
                           "initdead 9\n"
                           "udpport 694\nbcast eth0\nbcast eth1\nauto_failback on\n"
                           "node srv1 srv2\n");
    fixture.write("authkeys", "auth 1\n# hacheck: ignore[short-auth-key]\n1 sha1 short-key\n");
    fixture.write("haresources", "# hacheck: ignore[HA202]\n" + haresources);
    const auto run = fixture.hacheck({"--format", "gcc", "--fail-on", "info"});
    CHECK(run.exit_code == 1);
    CHECK(run.out == "cluster/srv1/haresources:1:19: info: suppression of HA202 is unused: no "
                     "such finding on line 2 [HA004 unused-suppression]\n");
}

TEST_CASE("hacheck.json above the folder selects, overrides severities and sets options",
          "[cli][config]") {
    const folder_fixture fixture;
    write_file(fixture.scratch.path() / "cluster" / "hacheck.json",
               R"({"ignore": ["HA3"], "severity": {"HA103": "info"}, "fail-on": "warning",
                   "rules": {"initdead-under-10s": {"min-seconds": 5}}})");
    const auto run = fixture.hacheck({"--format", "gcc"});
    CHECK(run.exit_code == 0); // HA103 is only info now, HA106 quiet with 5 s, HA3xx ignored
    CHECK(run.out.find("info: deadtime") != std::string::npos);
    CHECK(run.out.find("HA106") == std::string::npos);
    CHECK(run.out.find("HA307") == std::string::npos);

    // The command line wins over the file.
    const auto cli = fixture.hacheck({"--format", "json", "--ignore", "HA1", "--fail-on", "info"});
    CHECK(cli.exit_code == 1);
    CHECK(codes_of(cli) == std::multiset<std::string>{"HA307"});
}

TEST_CASE("a broken config file is a usage error with its path and JSON pointer", "[cli][config]") {
    const folder_fixture fixture;
    const fs::path config = fixture.scratch.path() / "cluster" / ".hacheck.json";
    write_file(config, R"({"severity": {"HA103": "loud"}})");
    const auto run = fixture.hacheck({});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "hacheck: error: " + config.string() +
                         ": /severity/HA103: expected \"error\", \"warning\", \"info\" or "
                         "\"off\"\n");
}

TEST_CASE("baseline round trip: only the new mistake is reported", "[cli][baseline]") {
    const folder_fixture fixture;
    fs::create_directory(fixture.scratch.path() / "ci");
    const auto written = fixture.hacheck({"--write-baseline", "ci/hacheck-baseline.json"});
    REQUIRE(written.exit_code == 0);
    const auto record =
        nlohmann::json::parse(read_file(fixture.scratch.path() / "ci/hacheck-baseline.json"));
    CHECK(record.at("version") == 1);
    CHECK(record.at("entries").at(0).at("file") == "../cluster/srv1/authkeys");
    CHECK(read_file(fixture.scratch.path() / "ci/hacheck-baseline.json").find("short-key") ==
          std::string::npos);

    const auto clean = fixture.hacheck({"--baseline", "ci/hacheck-baseline.json"});
    CHECK(clean.exit_code == 0);
    CHECK(clean.out.find("no problems") != std::string::npos);

    // Lines moved down by a new comment, and one new mistake: the udp alias.
    fixture.write("ha.cf", "# moved\n" + ha_cf + "udp eth2\n");
    const auto run =
        fixture.hacheck({"--format", "json", "--baseline", "ci/hacheck-baseline.json"});
    CHECK(run.exit_code == 1);
    const auto codes = codes_of(run);
    REQUIRE(codes.size() == 1);
    CHECK(codes.count("HA103") == 0);

    // An edited line is no longer covered.
    fixture.write("ha.cf", "# moved\n" + ha_cf);
    fixture.write("authkeys", "auth 1\n1 sha1 other-key\n");
    const auto edited =
        fixture.hacheck({"--format", "json", "--baseline", "ci/hacheck-baseline.json"});
    CHECK(codes_of(edited).empty()); // authkeys content keeps no key: "1 sha1" still matches
    fixture.write("authkeys", "auth 1\n1 md5 short-key\n");
    const auto md5 =
        fixture.hacheck({"--format", "json", "--baseline", "ci/hacheck-baseline.json"});
    CHECK(codes_of(md5).count("HA307") == 1);
}
