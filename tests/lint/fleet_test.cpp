// Fleet mode internals: folder discovery, cluster grouping and the parallel check.
#include "tool/temp_dir.hpp"

#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/fleet.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using hakit::test::temp_dir;
using hakit::test::write_file;

namespace {

std::string ha_cf_for(const std::string& nodes) {
    return "logfile /var/log/ha-log\nkeepalive 2\ndeadtime 30\ninitdead 60\nudpport 694\n"
           "bcast eth0\nbcast eth1\nauto_failback on\nnode " +
           nodes + "\n";
}

hakit::node_folder folder_in_memory(const std::string& path, const std::string& nodes) {
    return hakit::load_node_folder_from_memory(path, {{"ha.cf", ha_cf_for(nodes)}}, std::nullopt,
                                               std::nullopt);
}

void make_node(const fs::path& folder, const std::string& nodes, const std::string& local) {
    write_file(folder / "ha.cf", ha_cf_for(nodes));
    const std::string owner = nodes.substr(0, nodes.find(' ')); // the same on both nodes
    write_file(folder / "haresources", owner + " 10.0.0.10/24/eth0 httpd\n");
    write_file(folder / "authkeys", "auth 1\n1 sha1 0123456789abcdef0123\n");
    fs::permissions(folder / "authkeys", fs::perms::owner_read | fs::perms::owner_write);
    write_file(folder / "nodeinfo", local + "\n");
}

std::vector<std::string> relative_to(const std::vector<std::string>& paths, const fs::path& base) {
    std::vector<std::string> relative;
    for (const auto& path : paths) {
        relative.push_back(fs::path(path).lexically_relative(base).string());
    }
    return relative;
}

} // namespace

TEST_CASE("find_node_folders lists folders holding an ha.cf, sorted, skipping hidden ones",
          "[fleet]") {
    temp_dir scratch;
    const auto root = scratch.path();
    write_file(root / "site-b" / "srv2" / "ha.cf", "node srv1 srv2\n");
    write_file(root / "site-a" / "srv1" / "ha.cf", "node srv1 srv2\n");
    write_file(root / "site-a" / "srv1" / "deeper" / "ha.cf", "node x\n");
    write_file(root / "site-a" / "notes" / "README", "no ha.cf here\n");
    write_file(root / ".git" / "old" / "ha.cf", "node srv1\n");
    write_file(root / "site-a" / "ha.cf.j2", "node {{ a }}\n"); // a template, not an ha.cf
    // A link back up must not loop, and a linked node folder is not entered either.
    fs::create_directory_symlink(root, root / "site-a" / "loop");
    fs::create_directory_symlink(root / "site-b" / "srv2", root / "site-a" / "linked");

    const auto found = hakit::lint::find_node_folders({root.string()});
    CHECK(relative_to(found, root) ==
          std::vector<std::string>{"site-a/srv1", "site-a/srv1/deeper", "site-b/srv2"});

    // Overlapping roots name each folder once; a root that holds an ha.cf itself is found.
    const auto overlapping = hakit::lint::find_node_folders(
        {(root / "site-b").string(), root.string() + "/", (root / "site-b" / "srv2").string()});
    CHECK(relative_to(overlapping, root) ==
          std::vector<std::string>{"site-a/srv1", "site-a/srv1/deeper", "site-b/srv2"});
}

TEST_CASE("find_node_folders refuses a root that is not a folder", "[fleet]") {
    temp_dir scratch;
    write_file(scratch.path() / "ha.cf", "node a\n");
    CHECK_THROWS_AS(hakit::lint::find_node_folders({(scratch.path() / "ha.cf").string()}),
                    hakit::lint::usage_error);
    CHECK_THROWS_AS(hakit::lint::find_node_folders({(scratch.path() / "missing").string()}),
                    hakit::lint::usage_error);
}

TEST_CASE("group_clusters joins siblings declaring the same nodes, case-insensitively", "[fleet]") {
    std::vector<hakit::node_folder> folders;
    folders.push_back(folder_in_memory("fleet/a/srv1", "srv1 srv2"));
    folders.push_back(folder_in_memory("fleet/a/srv2", "SRV2\nnode srv1"));
    folders.push_back(folder_in_memory("fleet/a/srv3", "srv3 srv4"));      // other cluster
    folders.push_back(folder_in_memory("fleet/b/srv1", "srv1 srv2"));      // other parent
    folders.push_back(folder_in_memory("fleet/a/srv5", "srv1 srv2 srv5")); // superset: apart
    folders.push_back(hakit::load_node_folder_from_memory(
        "fleet/a/empty", {{"ha.cf", "keepalive 2\n"}}, std::nullopt, std::nullopt));
    folders.push_back(hakit::load_node_folder_from_memory(
        "fleet/a/empty2", {{"ha.cf", "keepalive 2\n"}}, std::nullopt, std::nullopt));

    const auto clusters = hakit::lint::group_clusters(folders);
    CHECK(clusters == std::vector<std::vector<std::size_t>>{{0, 1}, {2}, {3}, {4}, {5}, {6}});
}

TEST_CASE("check_fleet gives the same findings for any number of threads", "[fleet]") {
    temp_dir scratch;
    const auto root = scratch.path() / "fleet";
    for (int cluster = 0; cluster < 12; ++cluster) {
        const std::string a = "a" + std::to_string(cluster);
        const std::string b = "b" + std::to_string(cluster);
        make_node(root / ("c" + std::to_string(cluster)) / a, a + " " + b, a);
        make_node(root / ("c" + std::to_string(cluster)) / b, a + " " + b, b);
    }
    // One broken pair: the peers disagree about deadtime (a cross-node finding) and one node
    // has deadtime <= 2 * keepalive (a node finding).
    write_file(root / "c3" / "b3" / "ha.cf",
               "logfile /var/log/ha-log\nkeepalive 2\ndeadtime 4\ninitdead 60\nudpport 694\n"
               "bcast eth0\nbcast eth1\nauto_failback on\nnode a3 b3\n");

    const auto paths = hakit::lint::find_node_folders({root.string()});
    REQUIRE(paths.size() == 24);
    std::size_t checked = 0;
    std::size_t sizes = 0;
    auto run = [&](unsigned threads) {
        return hakit::lint::check_fleet(
            paths,
            [&](const std::vector<hakit::node_folder>& cluster) {
                return hakit::lint::check(cluster);
            },
            [&](std::size_t done, std::size_t total) {
                checked = done;
                sizes = total;
            },
            threads);
    };
    const auto one = run(1);
    CHECK(checked == 24); // progress counts folders
    CHECK(sizes == 24);
    const auto four = run(4);
    CHECK(one.clusters == 12);
    CHECK(one.folders == 24);
    CHECK(one.config_files == 72);
    REQUIRE(one.diagnostics.size() == four.diagnostics.size());
    for (std::size_t i = 0; i < one.diagnostics.size(); ++i) {
        CHECK(one.diagnostics[i].code == four.diagnostics[i].code);
        CHECK(one.diagnostics[i].where == four.diagnostics[i].where);
        CHECK(one.diagnostics[i].message == four.diagnostics[i].message);
    }
    const std::string broken = (root / "c3" / "b3" / "ha.cf").string();
    bool node_finding = false;
    for (const auto& finding : one.diagnostics) {
        node_finding = node_finding || (finding.code == "HA103" && finding.where.file == broken);
        // Every quoted file is kept; nothing else is.
        CHECK(one.sources.count(finding.where.file) == 1);
    }
    CHECK(node_finding);
    for (const auto& [file, source] : one.sources) {
        CHECK(file.find("/c3/") != std::string::npos);
    }
}

TEST_CASE("check_fleet reports the first folder that cannot be loaded", "[fleet]") {
    temp_dir scratch;
    make_node(scratch.path() / "ok", "a b", "a");
    make_node(scratch.path() / "bad", "a b", "a");
    fs::remove(scratch.path() / "bad" / "ha.cf");
    fs::create_directory(scratch.path() / "bad" / "ha.cf"); // a folder where ha.cf should be
    CHECK_THROWS(hakit::lint::check_fleet(
        {(scratch.path() / "bad").string(), (scratch.path() / "ok").string()},
        [](const std::vector<hakit::node_folder>& cluster) { return hakit::lint::check(cluster); },
        {}, 2));
}
