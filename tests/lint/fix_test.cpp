// The autofix model (docs/autofix.md): edits applied per file, the unified diff, atomic writes
// that keep owner and mode, and the fixes the rules attach (HA151, HA202, HA301; never HA152).
#include "rules/rule_fixture.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/fix.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using hakit::diagnostic;
using hakit::fix;
using hakit::location;
using hakit::text_edit;
using hakit::test::at;
using hakit::test::describe;
using hakit::test::findings_of;
using hakit::test::read_file;
using hakit::test::temp_dir;
using hakit::test::write_file;

namespace {

fix edits_fix(std::vector<text_edit> edits) {
    return fix{.description = "test", .file = "f", .edits = std::move(edits), .mode = {}};
}

std::string applied(std::string_view bytes, const std::vector<fix>& fixes,
                    std::vector<bool>& accepted) {
    std::vector<const fix*> pointers;
    for (const auto& f : fixes) {
        pointers.push_back(&f);
    }
    return hakit::lint::apply_edits(bytes, pointers, accepted);
}

unsigned mode_of(const fs::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return static_cast<unsigned>(status.st_mode) & 07777U;
}

// Loads a folder from disk and checks it as hacheck does.
struct checked {
    std::vector<hakit::node_folder> folders;
    std::vector<diagnostic> findings;
    hakit::lint::source_index sources;
};

checked check_folder(const fs::path& folder) {
    checked result;
    result.folders = hakit::lint::load_node_folders({folder.string()}, {});
    result.findings = hakit::lint::check(result.folders);
    result.sources = hakit::lint::index_sources(result.folders);
    return result;
}

std::size_t fixable(const std::vector<diagnostic>& findings) {
    std::size_t count = 0;
    for (const auto& finding : findings) {
        count += finding.fix ? 1U : 0U;
    }
    return count;
}

} // namespace

TEST_CASE("apply_edits replaces, inserts and deletes by line and byte column", "[fix]") {
    std::vector<bool> accepted;
    const std::string bytes = "one\ntwo\nthree\n";
    SECTION("a replacement and an insertion at the end of the file") {
        const auto result = applied(bytes,
                                    {edits_fix({text_edit{location{"f", 2, 1}, 3, "TWO"}}),
                                     edits_fix({text_edit{location{"f", 4, 1}, 0, "four\n"}})},
                                    accepted);
        CHECK(result == "one\nTWO\nthree\nfour\n");
        CHECK(accepted == std::vector<bool>{true, true});
    }
    SECTION("moving a line is a deletion plus an insertion in one fix") {
        const auto result = applied(bytes,
                                    {edits_fix({text_edit{location{"f", 3, 1}, 6, ""},
                                                text_edit{location{"f", 1, 1}, 0, "three\n"}})},
                                    accepted);
        CHECK(result == "three\none\ntwo\n");
    }
    SECTION("a fix overlapping an accepted one is skipped whole") {
        const auto result = applied(bytes,
                                    {edits_fix({text_edit{location{"f", 1, 2}, 2, "NE"}}),
                                     edits_fix({text_edit{location{"f", 2, 1}, 1, "T"},
                                                text_edit{location{"f", 1, 3}, 1, "X"}})},
                                    accepted);
        CHECK(result == "oNE\ntwo\nthree\n");
        CHECK(accepted == std::vector<bool>{true, false});
    }
    SECTION("insertions at one point keep the order of their fixes") {
        const auto result = applied(bytes,
                                    {edits_fix({text_edit{location{"f", 2, 1}, 0, "a\n"}}),
                                     edits_fix({text_edit{location{"f", 2, 1}, 0, "b\n"}}),
                                     edits_fix({text_edit{location{"f", 2, 1}, 3, "2"}})},
                                    accepted);
        CHECK(result == "one\na\nb\n2\nthree\n");
        CHECK(accepted == std::vector<bool>{true, true, true});
    }
    SECTION("an edit outside the file is an error") {
        CHECK_THROWS_AS(
            applied(bytes, {edits_fix({text_edit{location{"f", 9, 1}, 0, "x"}})}, accepted),
            hakit::lint::fix_error);
        CHECK_THROWS_AS(
            applied(bytes, {edits_fix({text_edit{location{"f", 3, 1}, 99, ""}})}, accepted),
            hakit::lint::fix_error);
    }
}

TEST_CASE("unified_diff writes git-style hunks and mode lines", "[fix]") {
    hakit::lint::file_change change;
    change.path = "srv/ha.cf";
    change.old_mode = 0644;
    SECTION("one changed line with three lines of context on each side") {
        change.old_bytes = "1\n2\n3\n4\nudp eth0\n6\n7\n8\n9\n";
        change.new_bytes = "1\n2\n3\n4\nbcast eth0\n6\n7\n8\n9\n";
        CHECK(hakit::lint::unified_diff(change) == "diff --git a/srv/ha.cf b/srv/ha.cf\n"
                                                   "--- a/srv/ha.cf\n"
                                                   "+++ b/srv/ha.cf\n"
                                                   "@@ -2,7 +2,7 @@\n"
                                                   " 2\n"
                                                   " 3\n"
                                                   " 4\n"
                                                   "-udp eth0\n"
                                                   "+bcast eth0\n"
                                                   " 6\n"
                                                   " 7\n"
                                                   " 8\n");
    }
    SECTION("changes far apart make two hunks; a missing final newline is marked") {
        change.old_bytes = "a\n1\n2\n3\n4\n5\n6\n7\n8\nz";
        change.new_bytes = "A\n1\n2\n3\n4\n5\n6\n7\n8\nZ";
        CHECK(hakit::lint::unified_diff(change) == "diff --git a/srv/ha.cf b/srv/ha.cf\n"
                                                   "--- a/srv/ha.cf\n"
                                                   "+++ b/srv/ha.cf\n"
                                                   "@@ -1,4 +1,4 @@\n"
                                                   "-a\n"
                                                   "+A\n"
                                                   " 1\n"
                                                   " 2\n"
                                                   " 3\n"
                                                   "@@ -7,4 +7,4 @@\n"
                                                   " 6\n"
                                                   " 7\n"
                                                   " 8\n"
                                                   "-z\n"
                                                   "\\ No newline at end of file\n"
                                                   "+Z\n"
                                                   "\\ No newline at end of file\n");
    }
    SECTION("a mode change alone has no hunk") {
        change.path = "./srv/authkeys";
        change.old_bytes = change.new_bytes = "auth 1\n";
        change.new_mode = 0600;
        CHECK(hakit::lint::unified_diff(change) == "diff --git a/srv/authkeys b/srv/authkeys\n"
                                                   "old mode 100644\n"
                                                   "new mode 100600\n");
    }
    SECTION("nothing changes, nothing printed") {
        change.old_bytes = change.new_bytes = "x\n";
        CHECK(hakit::lint::unified_diff(change).empty());
    }
}

TEST_CASE("HA151 udp-directive: the fix renames the directive token", "[fix][rules]") {
    const auto found = findings_of("HA151", "== ha.cf ==\n"
                                            "node alpha beta\n"
                                            "bcast eth0\n"
                                            "  udp eth1 eth2\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].fix);
    CHECK(found[0].fix->file == "example/ha.cf");
    REQUIRE(found[0].fix->edits.size() == 1);
    CHECK(found[0].fix->edits[0].where == at("example/ha.cf", 3, 3));
    CHECK(found[0].fix->edits[0].length == 3);
    CHECK(found[0].fix->edits[0].replacement == "bcast");
    CHECK_FALSE(found[0].fix->mode);
}

TEST_CASE("HA152 udpport-after-media: never fixed, moving the line would change a port",
          "[fix][rules]") {
    // bcast eth1 kept the default port: moving udpport above it would give it 695.
    const auto found = findings_of("HA152", "== ha.cf ==\n"
                                            "node alpha beta\n"
                                            "mcast eth0 239.0.0.1 694 1 0\n"
                                            "bcast eth1\n"
                                            "udpport 695 # second cluster\n");
    INFO(describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].level == hakit::severity::warning);
    CHECK_FALSE(found[0].fix);
    // When nothing above it uses udpport, the position changes no port and the rule is silent.
    CHECK(findings_of("HA152", "== ha.cf ==\n"
                               "node alpha beta\n"
                               "mcast eth0 239.0.0.1 694 1 0\n"
                               "udpport 695\n"
                               "bcast eth1\n")
              .empty());
}

TEST_CASE("HA202 blank-after-backslash: fixed only when Heartbeat refuses the file as it is",
          "[fix][rules]") {
    SECTION("the next line starts with a resource, not a node: blanks and CR deleted") {
        const auto found = findings_of("HA202", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.1 \\ \t\r\n"
                                                "  httpd\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        REQUIRE(found[0].fix);
        REQUIRE(found[0].fix->edits.size() == 1);
        CHECK(found[0].fix->edits[0].where == at("example/haresources", 1, 25));
        CHECK(found[0].fix->edits[0].length == 3);
        CHECK(found[0].fix->edits[0].replacement.empty());
    }
    SECTION("the next line is a valid group of node beta: joining would change it, no fix") {
        const auto found = findings_of("HA202", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.1 \\ \n"
                                                "Beta httpd\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK_FALSE(found[0].fix);
    }
    SECTION("a comment after the blanks: deleting them would not continue the line") {
        const auto found = findings_of("HA202", "== ha.cf ==\n"
                                                "node alpha beta\n"
                                                "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.1 \\ # web\n"
                                                "  httpd\n");
        INFO(describe(found));
        for (const auto& finding : found) {
            CHECK_FALSE(finding.fix);
        }
    }
    SECTION("without ha.cf the nodes are unknown: no fix") {
        const auto found = findings_of("HA202", "== haresources ==\n"
                                                "alpha IPaddr::10.0.0.1 \\ \n"
                                                "  httpd\n");
        INFO(describe(found));
        REQUIRE(found.size() == 1);
        CHECK_FALSE(found[0].fix);
    }
}

TEST_CASE("HA301 authkeys-permissions: the fix drops the group and other bits", "[fix][rules]") {
    const auto mode_fix = [](const char* mode) -> std::optional<unsigned> {
        const auto found = findings_of("HA301", std::string("== authkeys ") + mode +
                                                    " ==\nauth 1\n1 sha1 ExampleSecretOnly\n");
        REQUIRE(found.size() == 1);
        REQUIRE(found[0].fix);
        CHECK(found[0].fix->edits.empty());
        CHECK(found[0].fix->file == "example/authkeys");
        return found[0].fix->mode;
    };
    CHECK(mode_fix("0644") == 0600U);
    CHECK(mode_fix("0444") == 0400U);
    CHECK(mode_fix("0620") == 0600U);
    CHECK(mode_fix("0755") == 0700U);
    CHECK(findings_of("HA301", "== authkeys 0600 ==\nauth 1\n1 sha1 ExampleSecretOnly\n").empty());
}

TEST_CASE("fixes written to disk: new bytes and mode, owner kept, idempotent", "[fix]") {
    const temp_dir scratch;
    const fs::path node = scratch.path() / "node";
    fs::create_directories(node);
    write_file(node / "ha.cf", "node alpha beta\n"
                               "mcast eth0 239.0.0.1 694 1 0\n"
                               "udp eth1\n"
                               "udpport 694\n"
                               "auto_failback off\n"
                               "logfile /var/log/ha-log\n");
    write_file(node / "haresources", "alpha IPaddr::10.0.0.1 \\ \n  httpd\n");
    write_file(node / "authkeys", "auth 1\n1 sha1 ExampleSecretOnlyLong\n");
    REQUIRE(::chmod((node / "ha.cf").c_str(), 0640) == 0);
    REQUIRE(::chmod((node / "authkeys").c_str(), 0644) == 0);
    const bool root = ::geteuid() == 0;
    if (root) { // a test owner that is not root shows the owner is kept, not reset
        REQUIRE(::chown((node / "ha.cf").c_str(), 4242, 4343) == 0);
    }

    const auto before = check_folder(node);
    CHECK(fixable(before.findings) == 3);
    const auto plan = hakit::lint::plan_fixes(before.findings, before.sources);
    CHECK(plan.fixed == 3);
    CHECK(plan.skipped == 0);
    REQUIRE(plan.changes.size() == 3);
    hakit::lint::write_changes(plan);

    CHECK(read_file(node / "ha.cf") == "node alpha beta\n"
                                       "mcast eth0 239.0.0.1 694 1 0\n"
                                       "bcast eth1\n"
                                       "udpport 694\n"
                                       "auto_failback off\n"
                                       "logfile /var/log/ha-log\n");
    CHECK(read_file(node / "haresources") == "alpha IPaddr::10.0.0.1 \\\n  httpd\n");
    CHECK(mode_of(node / "authkeys") == 0600);
    CHECK(mode_of(node / "ha.cf") == 0640);
    if (root) {
        struct stat status {};
        REQUIRE(::stat((node / "ha.cf").c_str(), &status) == 0);
        CHECK(status.st_uid == 4242U);
        CHECK(status.st_gid == 4343U);
    }
    // No temporary file is left behind.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(node)) {
        ++entries;
    }
    CHECK(entries == 3);

    const auto after = check_folder(node);
    CHECK(fixable(after.findings) == 0);
    CHECK(hakit::lint::plan_fixes(after.findings, after.sources).changes.empty());
}

TEST_CASE("a file changed since it was checked is not overwritten", "[fix]") {
    const temp_dir scratch;
    const fs::path node = scratch.path() / "node";
    fs::create_directories(node);
    write_file(node / "ha.cf", "node alpha beta\nudp eth1\n");
    const auto before = check_folder(node);
    const auto plan = hakit::lint::plan_fixes(before.findings, before.sources);
    REQUIRE(plan.changes.size() == 1);
    write_file(node / "ha.cf", "node alpha beta\nudp eth2\n");
    CHECK_THROWS_AS(hakit::lint::write_changes(plan), hakit::lint::fix_error);
    CHECK(read_file(node / "ha.cf") == "node alpha beta\nudp eth2\n");
}

TEST_CASE("a symbolic link to a config file stays a link", "[fix]") {
    const temp_dir scratch;
    const fs::path node = scratch.path() / "node";
    fs::create_directories(node);
    write_file(scratch.path() / "shared-ha.cf", "node alpha beta\nudp eth1\n");
    fs::create_symlink(scratch.path() / "shared-ha.cf", node / "ha.cf");
    const auto before = check_folder(node);
    hakit::lint::write_changes(hakit::lint::plan_fixes(before.findings, before.sources));
    CHECK(fs::is_symlink(node / "ha.cf"));
    CHECK(read_file(scratch.path() / "shared-ha.cf") == "node alpha beta\nbcast eth1\n");
}
