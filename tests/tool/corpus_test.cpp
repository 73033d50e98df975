// hacheck over the real-world corpus (../shared/corpus): it never fails with a usage error or a
// crash (the asan build runs this same test), and its output is pinned by goldens in
// tests/corpus/golden so a rule change shows up as a reviewed diff. HAKIT_UPDATE_GOLDEN=1
// rewrites the goldens.
#include "golden.hpp"
#include "hacheck.hpp"
#include "support/corpus_manifest.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit::test;

namespace {

const fs::path golden_root = fs::path(HAKIT_SOURCE_DIR) / "tests" / "corpus" / "golden";

bool is_checked_file(const corpus_file& row) {
    return row.kind == "plain" || row.kind == "upstream-sample";
}

// Folders holding a file named exactly ha.cf are checked as node folders too.
std::set<std::string> node_folders(const std::vector<corpus_file>& rows) {
    std::set<std::string> folders;
    for (const auto& row : rows) {
        if (row.file == "ha.cf") {
            folders.insert(row.folder);
        }
    }
    return folders;
}

// A scratch copy at <tmp>/corpus/<folder> for each folder, so the checks run on
// "corpus/<folder>/..." paths. Git and the corpus keep no meaningful modes (the corpus is
// read-only), so every authkeys-type file is set to 0600 as on a real node.
void copy_corpus_folders(const temp_dir& scratch, const std::vector<corpus_file>& rows,
                         const std::set<std::string>& folders) {
    for (const auto& folder : folders) {
        scratch.copy_folder(corpus_root() / folder, fs::path("corpus") / folder);
    }
    for (const auto& row : rows) {
        const fs::path copy = scratch.path() / "corpus" / row.folder / row.file;
        if (row.type == "authkeys" && folders.count(row.folder) && fs::exists(copy)) {
            fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write);
        }
    }
}

// What every corpus run must satisfy, then the golden comparison.
void check_run(const std::string& path, const fs::path& working_dir, const fs::path& golden) {
    INFO("hacheck --format text --color never " << path);
    const run_result result =
        run_hacheck({"--format", "text", "--color", "never", path}, working_dir);
    INFO(describe_end(result) << "\nstderr:\n" << result.err);
    CHECK(result.exited());
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    CHECK(result.err.empty());
    const auto summary = parse_summary_line(result.out);
    CHECK(summary.has_value());
    if (summary) {
        CHECK(result.exit_code == expected_exit_code(*summary));
    }
    const std::string mismatch = check_golden(golden, result.out);
    if (!mismatch.empty()) {
        FAIL_CHECK(mismatch);
    }
}

} // namespace

TEST_CASE("hacheck checks every plain corpus file with exit 0 or 1, no stderr, golden output",
          "[tool][corpus]") {
    if (!corpus_available()) {
        return;
    }
    const auto rows = read_corpus_manifest();
    std::set<std::string> folders;
    for (const auto& row : rows) {
        if (is_checked_file(row)) {
            folders.insert(row.folder);
        }
    }
    REQUIRE_FALSE(folders.empty());
    const temp_dir scratch;
    copy_corpus_folders(scratch, rows, folders);

    for (const auto& row : rows) {
        if (is_checked_file(row)) {
            check_run((fs::path("corpus") / row.folder / row.file).string(), scratch.path(),
                      golden_root / row.folder / (row.file + ".txt"));
        }
    }
}

TEST_CASE("hacheck checks every corpus folder with an ha.cf as a node folder", "[tool][corpus]") {
    if (!corpus_available()) {
        return;
    }
    const auto rows = read_corpus_manifest();
    const auto folders = node_folders(rows);
    REQUIRE_FALSE(folders.empty());
    const temp_dir scratch;
    copy_corpus_folders(scratch, rows, folders);

    for (const auto& folder : folders) {
        check_run((fs::path("corpus") / folder).string(), scratch.path(),
                  golden_root / folder / "folder.txt");
    }
}

TEST_CASE("every corpus golden belongs to a manifest row or node folder", "[tool][corpus]") {
    if (!corpus_available() || !fs::exists(golden_root)) {
        return;
    }
    std::set<fs::path> expected;
    const auto rows = read_corpus_manifest();
    for (const auto& row : rows) {
        if (is_checked_file(row)) {
            expected.insert(golden_root / row.folder / (row.file + ".txt"));
        }
    }
    for (const auto& folder : node_folders(rows)) {
        expected.insert(golden_root / folder / "folder.txt");
    }
    for (const auto& entry : fs::recursive_directory_iterator(golden_root)) {
        if (!entry.is_regular_file() || expected.count(entry.path())) {
            continue;
        }
        if (updating_goldens()) {
            fs::remove(entry.path()); // left over from a row that is gone
        } else {
            FAIL_CHECK("stale golden " << entry.path().string()
                                       << " (HAKIT_UPDATE_GOLDEN=1 removes it)");
        }
    }
}
