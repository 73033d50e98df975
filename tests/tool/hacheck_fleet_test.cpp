// hacheck --recursive end to end: discovery, sibling clusters, exit codes, and the whole corpus.
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

std::string ha_cf_with(const std::string& deadtime, const std::string& nodes) {
    return "logfile /var/log/ha-log\nkeepalive 2\ndeadtime " + deadtime +
           "\ninitdead 60\nudpport 694\nbcast eth0\nbcast eth1\nauto_failback on\nnode " + nodes +
           "\n";
}

void make_node(const fs::path& folder, const std::string& ha_cf, const std::string& local) {
    const auto first = ha_cf.rfind("node ") + 5; // the first declared node owns the group
    const std::string owner = ha_cf.substr(first, ha_cf.find_first_of(" \n", first) - first);
    write_file(folder / "ha.cf", ha_cf);
    write_file(folder / "haresources", owner + " 10.0.0.10/24/eth0 httpd\n");
    write_file(folder / "authkeys", "auth 1\n1 sha1 0123456789abcdef0123\n");
    fs::permissions(folder / "authkeys", fs::perms::owner_read | fs::perms::owner_write);
    write_file(folder / "nodeinfo", local + "\n");
}

// (code, file) of every finding in a --format json run.
std::set<std::pair<std::string, std::string>> findings_of(const run_result& run) {
    std::set<std::pair<std::string, std::string>> found;
    const auto json = nlohmann::json::parse(run.out);
    for (const auto& finding : json.at("diagnostics")) {
        found.emplace(finding.at("code").get<std::string>(), finding.at("file").get<std::string>());
    }
    return found;
}

} // namespace

TEST_CASE("hacheck --recursive checks sibling node folders of one cluster together", "[fleet]") {
    temp_dir scratch;
    const auto fleet = scratch.path() / "fleet";
    make_node(fleet / "web" / "web1", ha_cf_with("30", "web1 web2"), "web1");
    make_node(fleet / "web" / "web2", ha_cf_with("30", "web1 web2"), "web2");
    // db1 and db2 disagree on deadtime: HA402 needs them grouped as one cluster.
    make_node(fleet / "db" / "db1", ha_cf_with("30", "db1 db2"), "db1");
    make_node(fleet / "db" / "db2", ha_cf_with("20", "db1 db2"), "db2");
    // The same disagreement across different parents is two clusters: nothing to compare.
    make_node(fleet / "x" / "a1", ha_cf_with("30", "a1 a2"), "a1");
    make_node(fleet / "y" / "a2", ha_cf_with("20", "a1 a2"), "a2");
    write_file(fleet / ".git" / "ha.cf", "this is not checked\n");

    const auto run = run_hacheck({"--recursive", "--format", "json", "fleet"}, scratch.path());
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.empty()); // no progress line: stderr is not a terminal
    const auto found = findings_of(run);
    std::set<std::string> files_with_ha402;
    for (const auto& [code, file] : found) {
        CHECK(file.find(".git") == std::string::npos);
        if (code == "HA402") {
            files_with_ha402.insert(fs::path(file).parent_path().string());
        }
    }
    CHECK(!files_with_ha402.empty());
    for (const auto& folder : files_with_ha402) {
        CHECK(folder.rfind("fleet/db/", 0) == 0);
    }
    const auto summary = nlohmann::json::parse(run.out).at("summary");
    CHECK(summary.at("files").get<int>() == 18);

    // The clean cluster alone exits 0, and the text summary counts its six files.
    const auto clean = run_hacheck({"--recursive", "fleet/web"}, scratch.path());
    CHECK(clean.exit_code == 0);
    const auto line = parse_summary_line(clean.out);
    REQUIRE(line);
    CHECK(line->files == 6);
}

TEST_CASE("hacheck --recursive usage errors exit with 2", "[fleet]") {
    temp_dir scratch;
    make_node(scratch.path() / "n1", ha_cf_with("30", "n1 n2"), "n1");
    const auto missing = run_hacheck({"--recursive", "nowhere"}, scratch.path());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("nowhere") != std::string::npos);
    const auto file = run_hacheck({"--recursive", "n1/ha.cf"}, scratch.path());
    CHECK(file.exit_code == 2);
    const auto with_node = run_hacheck({"--recursive", "--node", ".=n1", "."}, scratch.path());
    CHECK(with_node.exit_code == 2);
}

TEST_CASE("hacheck --recursive over the whole corpus completes", "[fleet][corpus]") {
    const fs::path corpus = fs::path(HAKIT_SHARED_DIR) / "corpus";
    const auto run = run_hacheck({"--recursive", "--format", "json", corpus.string()}, {});
    INFO(describe_end(run) << "\n" << run.err);
    REQUIRE(run.exited());
    CHECK((run.exit_code == 0 || run.exit_code == 1));
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json.at("summary").at("files").get<int>() > 100);
    CHECK(!json.at("diagnostics").empty());
}
