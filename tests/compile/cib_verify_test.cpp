// crm_verify accepts the CIB of every example cluster (the mistakes example with --force, its
// errors as comments) and of every corpus folder that validates without errors.
#include "cib_test_support.hpp"
#include "support/corpus_manifest.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/lint/engine.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit;
using namespace hakit::test;

namespace {

std::vector<diagnostic> errors_of(const std::vector<diagnostic>& diagnostics) {
    std::vector<diagnostic> errors;
    for (const auto& d : diagnostics) {
        if (d.level == severity::error) {
            errors.push_back(d);
        }
    }
    return errors;
}

void check_verified(const cib_cluster& cluster, const temp_dir& scratch, const std::string& name) {
    const auto file = scratch.path() / (name + ".xml");
    write_file(file, cluster.cib_text());
    const auto verdict = crm_verify(file);
    INFO(name << ": " << verdict.report);
    CHECK(verdict.ok);
}

} // namespace

TEST_CASE("crm_verify accepts the CIB of the clean examples", "[cib][verify][examples]") {
    const temp_dir scratch;
    for (const auto& [name, nodes] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"seed", {"srv5", "srv6"}}, {"clean-sha1", {"alpha", "beta"}}}) {
        std::vector<fs::path> paths;
        for (const auto& node : nodes) {
            paths.push_back(example_folder(name + "/" + node));
        }
        const auto cluster = load_cib_cluster(paths);
        INFO(name);
        REQUIRE(errors_of(lint::check(cluster.folders)).empty());
        check_verified(cluster, scratch, name);
    }
}

TEST_CASE("crm_verify accepts the mistakes example compiled with its errors as comments",
          "[cib][verify][examples]") {
    auto cluster =
        load_cib_cluster({example_folder("mistakes/node1"), example_folder("mistakes/node2")});
    cluster.options.forced_errors = errors_of(lint::check(cluster.folders));
    REQUIRE_FALSE(cluster.options.forced_errors.empty());
    const std::string xml = cluster.cib_text();
    for (const auto& error : cluster.options.forced_errors) {
        INFO(error.message);
        CHECK(xml.find("<!-- " + to_string(error.where) + ": ") < xml.find("<cib "));
    }
    const temp_dir scratch;
    check_verified(cluster, scratch, "mistakes");
}

TEST_CASE("crm_verify accepts the CIB of every corpus folder without errors",
          "[cib][verify][corpus]") {
    if (!corpus_available()) {
        return;
    }
    const auto rows = read_corpus_manifest();
    std::set<std::string> folders;
    for (const auto& row : rows) {
        if (row.file == "ha.cf" && (row.kind == "plain" || row.kind == "upstream-sample")) {
            folders.insert(row.folder);
        }
    }
    REQUIRE(folders.size() >= 30);
    const temp_dir scratch;
    std::size_t verified = 0;
    for (const auto& folder : folders) {
        // A copy whose authkeys has the mode a real node gives it (the corpus keeps none).
        const auto copy = scratch.copy_folder(corpus_root() / folder, fs::path("corpus") / folder);
        set_modes_by_name(copy, "authkeys", fs::perms::owner_read | fs::perms::owner_write);
        const auto cluster = load_cib_cluster({copy});
        if (!errors_of(lint::check(cluster.folders)).empty()) {
            continue; // hacompile refuses these without --force
        }
        INFO(folder);
        check_verified(cluster, scratch, "cib-" + std::to_string(verified));
        ++verified;
    }
    // The corpus holds a good number of clean folders; none silently skipped them all.
    CHECK(verified >= 10);
    WARN("crm_verify checked " << verified << " of " << folders.size() << " corpus folders");
}
