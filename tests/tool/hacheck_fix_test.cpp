// hacheck --fix and --diff end to end (docs/autofix.md), and the acceptance test of issue 4:
// --fix on a copy of the whole corpus changes only what the fixes name, and a second --fix
// changes nothing.
#include "hacheck.hpp"
#include "support/corpus_manifest.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;
using json = nlohmann::json;

namespace {

// One node folder with each fixable mistake once, and findings no fix touches: HA307 (short
// key) and HA152 (moving udpport would give bcast eth1 another port).
const std::string ha_cf = "node alpha beta\n"
                          "mcast eth0 239.0.0.1 694 1 0\n"
                          "udp eth1\n"
                          "udpport 695\n"
                          "auto_failback off\n"
                          "logfile /var/log/ha-log\n";
const std::string haresources = "alpha IPaddr::10.0.0.1 \\ \n  httpd\n";
const std::string authkeys = "auth 1\n1 sha1 short-key\n";

unsigned mode_of(const fs::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return static_cast<unsigned>(status.st_mode) & 07777U;
}

struct node_fixture {
    temp_dir scratch;
    fs::path node = scratch.path() / "srv1";

    node_fixture() {
        fs::create_directories(node);
        write_file(node / "ha.cf", ha_cf);
        write_file(node / "haresources", haresources);
        write_file(node / "authkeys", authkeys);
        write_file(node / "nodeinfo", "alpha\n");
        REQUIRE(::chmod((node / "authkeys").c_str(), 0644) == 0);
    }
};

// Every regular file below `root`: its bytes and permission bits.
using snapshot = std::map<std::string, std::pair<std::string, unsigned>>;

snapshot take_snapshot(const fs::path& root) {
    snapshot files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && !entry.is_symlink()) {
            files[fs::relative(entry.path(), root).string()] = {read_file(entry.path()),
                                                                mode_of(entry.path())};
        }
    }
    return files;
}

// The test's own reading of the "fix" objects of --format json: the bytes and modes the named
// edits give, applied independently of hacheck's code.
struct byte_edit {
    std::size_t begin = 0;
    std::size_t length = 0;
    std::size_t order = 0;
    std::string replacement;
};

std::size_t offset_in(const std::string& bytes, std::size_t line, std::size_t column) {
    std::size_t begin = 0;
    for (std::size_t current = 1; current < line; ++current) {
        begin = bytes.find('\n', begin);
        REQUIRE(begin != std::string::npos);
        ++begin;
    }
    return begin + column - 1;
}

std::string apply_named_edits(const std::string& bytes, std::vector<byte_edit> edits) {
    std::sort(edits.begin(), edits.end(), [](const byte_edit& a, const byte_edit& b) {
        return std::tie(a.begin, a.length, a.order) < std::tie(b.begin, b.length, b.order);
    });
    std::string result;
    std::size_t copied = 0;
    for (const auto& edit : edits) {
        REQUIRE(edit.begin >= copied); // the fixes hacheck reports never overlap
        result += bytes.substr(copied, edit.begin - copied) + edit.replacement;
        copied = edit.begin + edit.length;
    }
    return result + bytes.substr(copied);
}

} // namespace

TEST_CASE("hacheck --diff prints the fixes as a git-style diff and writes nothing", "[tool][fix]") {
    node_fixture fixture;
    const auto before = take_snapshot(fixture.scratch.path());
    const auto plain = run_hacheck({"--color", "never", "srv1"}, fixture.scratch.path());
    const auto diff = run_hacheck({"--diff", "srv1"}, fixture.scratch.path());
    INFO(diff.out << diff.err);
    CHECK(diff.exit_code == plain.exit_code);
    CHECK(diff.exit_code == 1);
    CHECK(diff.err.empty());
    CHECK(diff.out == "diff --git a/srv1/authkeys b/srv1/authkeys\n"
                      "old mode 100644\n"
                      "new mode 100600\n"
                      "diff --git a/srv1/ha.cf b/srv1/ha.cf\n"
                      "--- a/srv1/ha.cf\n"
                      "+++ b/srv1/ha.cf\n"
                      "@@ -1,6 +1,6 @@\n"
                      " node alpha beta\n"
                      " mcast eth0 239.0.0.1 694 1 0\n"
                      "-udp eth1\n"
                      "+bcast eth1\n"
                      " udpport 695\n"
                      " auto_failback off\n"
                      " logfile /var/log/ha-log\n"
                      "diff --git a/srv1/haresources b/srv1/haresources\n"
                      "--- a/srv1/haresources\n"
                      "+++ b/srv1/haresources\n"
                      "@@ -1,2 +1,2 @@\n"
                      "-alpha IPaddr::10.0.0.1 \\ \n"
                      "+alpha IPaddr::10.0.0.1 \\\n"
                      "   httpd\n");
    CHECK(take_snapshot(fixture.scratch.path()) == before);
    // The text output tells which findings are fixable.
    CHECK(plain.out.find("srv1/ha.cf:3:1: help: fixable with --fix: rename 'udp' to 'bcast'\n") !=
          std::string::npos);
}

TEST_CASE("hacheck --diff is a patch that `git apply` accepts", "[tool][fix]") {
    node_fixture fixture;
    const auto diff = run_hacheck({"--diff", "srv1"}, fixture.scratch.path());
    write_file(fixture.scratch.path() / "fixes.patch", diff.out);
    run_options in_scratch;
    in_scratch.working_dir = fixture.scratch.path();
    const auto applied = run_process("git", {"apply", "fixes.patch"}, in_scratch);
    INFO(applied.out << applied.err);
    REQUIRE(applied.exit_code == 0);
    CHECK(read_file(fixture.node / "ha.cf").find("\nbcast eth1\n") != std::string::npos);
    // git keeps only the executable bit, so `git apply` leaves 0644 as it is: only the mode
    // change is left to do.
    const auto again = run_hacheck({"--diff", "srv1"}, fixture.scratch.path());
    CHECK(again.out == "diff --git a/srv1/authkeys b/srv1/authkeys\n"
                       "old mode 100644\n"
                       "new mode 100600\n");
}

TEST_CASE("hacheck --fix writes the fixes, reports what remains, and is idempotent",
          "[tool][fix]") {
    node_fixture fixture;
    REQUIRE(::chmod((fixture.node / "ha.cf").c_str(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root) {
        REQUIRE(::chown((fixture.node / "ha.cf").c_str(), 4242, 4343) == 0);
        REQUIRE(::chown((fixture.node / "haresources").c_str(), 4242, 4343) == 0);
    }
    const auto fixed = run_hacheck({"--fix", "--color", "never", "srv1"}, fixture.scratch.path());
    INFO(fixed.out << fixed.err);
    CHECK(fixed.exit_code == 1); // HA307 and HA152 remain
    CHECK(fixed.err == "hacheck: 3 fixed (3 files changed)\n");
    for (const char* gone : {"HA151", "HA202", "HA301", "help: fixable"}) {
        CHECK(fixed.out.find(gone) == std::string::npos);
    }
    CHECK(fixed.out.find("[HA307 short-auth-key]") != std::string::npos);
    CHECK(fixed.out.find("[HA152 udpport-after-media]") != std::string::npos);
    CHECK(read_file(fixture.node / "ha.cf") == "node alpha beta\n"
                                               "mcast eth0 239.0.0.1 694 1 0\n"
                                               "bcast eth1\n"
                                               "udpport 695\n"
                                               "auto_failback off\n"
                                               "logfile /var/log/ha-log\n");
    CHECK(read_file(fixture.node / "haresources") == "alpha IPaddr::10.0.0.1 \\\n  httpd\n");
    CHECK(read_file(fixture.node / "authkeys") == authkeys);
    CHECK(mode_of(fixture.node / "authkeys") == 0600);
    CHECK(mode_of(fixture.node / "ha.cf") == 0640);
    CHECK(mode_of(fixture.node / "haresources") == 0644);
    if (root) {
        for (const char* name : {"ha.cf", "haresources"}) {
            struct stat status {};
            REQUIRE(::stat((fixture.node / name).c_str(), &status) == 0);
            CHECK(status.st_uid == 4242U);
            CHECK(status.st_gid == 4343U);
        }
    }
    const auto after = take_snapshot(fixture.scratch.path());
    const auto second = run_hacheck({"--fix", "--color", "never", "srv1"}, fixture.scratch.path());
    CHECK(second.exit_code == 1);
    CHECK(second.err == "hacheck: 0 fixed (0 files changed)\n");
    CHECK(second.out == fixed.out);
    CHECK(take_snapshot(fixture.scratch.path()) == after);
}

TEST_CASE("hacheck --fix refuses --write-baseline", "[tool][fix]") {
    node_fixture fixture;
    const auto before = take_snapshot(fixture.scratch.path());
    const auto result =
        run_hacheck({"--fix", "--write-baseline", "base.json", "srv1"}, fixture.scratch.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err == "hacheck: error: --fix and --diff cannot be used with --write-baseline\n");
    CHECK(take_snapshot(fixture.scratch.path()) == before);
}

TEST_CASE("hacheck --fix on a copy of the corpus changes only what the fixes name, once",
          "[tool][fix][corpus]") {
    if (!corpus_available()) {
        return;
    }
    const temp_dir scratch;
    scratch.copy_folder(corpus_root(), "corpus"); // every file 0644: HA301 has work to do
    std::vector<std::string> folders;
    const auto is_node_folder = [](const fs::path& folder) {
        return fs::exists(folder / "ha.cf") || fs::exists(folder / "haresources") ||
               fs::exists(folder / "authkeys");
    };
    for (const auto& entry : fs::directory_iterator(scratch.path() / "corpus")) {
        if (entry.is_directory() && is_node_folder(entry.path())) {
            folders.push_back("corpus/" + entry.path().filename().string());
        }
    }
    std::sort(folders.begin(), folders.end());
    REQUIRE(folders.size() > 50);
    const auto before = take_snapshot(scratch.path());

    // What the fixes name, per file: the edits and the new mode.
    std::map<std::string, std::vector<byte_edit>> edits;
    std::map<std::string, unsigned> modes;
    std::size_t fixes = 0;
    for (const auto& folder : folders) {
        const auto result = run_hacheck({"--format", "json", folder}, scratch.path());
        INFO(folder << ": " << describe_end(result) << "\n" << result.err);
        REQUIRE((result.exit_code == 0 || result.exit_code == 1));
        const json output = json::parse(result.out);
        for (const auto& finding : output.at("diagnostics")) {
            if (!finding.contains("fix")) {
                continue;
            }
            const auto& repair = finding.at("fix");
            const std::string file = repair.at("file");
            const std::string& bytes = before.at(file).first;
            for (const auto& edit : repair.at("edits")) {
                REQUIRE(edit.at("file") == file);
                edits[file].push_back(
                    byte_edit{offset_in(bytes, edit.at("line"), edit.at("column")),
                              edit.at("length"), fixes, edit.at("replacement")});
            }
            if (!repair.at("mode").is_null()) {
                modes[file] = static_cast<unsigned>(
                    std::stoul(repair.at("mode").get<std::string>(), nullptr, 8));
            }
            ++fixes;
        }
    }
    CHECK(fixes > 0);
    CHECK(!modes.empty()); // authkeys copies at 0644
    CHECK(!edits.empty());

    for (const auto& folder : folders) {
        const auto result = run_hacheck({"--fix", "--format", "json", folder}, scratch.path());
        INFO(folder << ": " << describe_end(result) << "\n" << result.err);
        CHECK((result.exit_code == 0 || result.exit_code == 1));
        CHECK(result.err.find("hacheck: ") == 0);
    }
    const auto after = take_snapshot(scratch.path());
    REQUIRE(after.size() == before.size());
    for (const auto& [file, content] : before) {
        INFO(file);
        REQUIRE(after.count(file) == 1);
        const auto named = edits.find(file);
        const std::string expected_bytes =
            named == edits.end() ? content.first : apply_named_edits(content.first, named->second);
        CHECK(after.at(file).first == expected_bytes);
        const auto mode = modes.find(file);
        CHECK(after.at(file).second == (mode == modes.end() ? content.second : mode->second));
    }

    for (const auto& folder : folders) {
        const auto result = run_hacheck({"--fix", "--format", "json", folder}, scratch.path());
        INFO(folder << ": " << result.err);
        CHECK(result.err == "hacheck: 0 fixed (0 files changed)\n");
        CHECK(result.out.find("\"fix\":") == std::string::npos);
    }
    CHECK(take_snapshot(scratch.path()) == after);
}
