// Baselines: normalised content, JSON round trip, matching by rule + file + content with
// multiplicity (moved lines still match, edited lines do not).
#include <hakit/lint/baseline.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using hakit::diagnostic;
using hakit::lint::baseline;
using hakit::lint::baseline_error;
using hakit::lint::source_index;

// A finding of `code` on `line` of `file`, with the file's text in `sources`.
diagnostic at(const std::string& code, const std::string& file, std::size_t line) {
    return diagnostic{.code = code,
                      .rule = "r",
                      .level = hakit::severity::error,
                      .message = "m",
                      .where = {file, line, 1},
                      .notes = {}};
}

source_index sources_of(const std::string& file, const std::string& text) {
    source_index sources;
    sources.emplace(file, std::make_shared<const hakit::source_file>(file, text));
    return sources;
}

const fs::path here = fs::current_path();

std::string problem_of(const std::string& text) {
    try {
        hakit::lint::parse_baseline(text, "base.json");
    } catch (const baseline_error& error) {
        return error.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("line content is normalised; authkeys keeps no key", "[baseline]") {
    using hakit::lint::normalized_content;
    CHECK(normalized_content("  deadtime\t \t3   # slow  ", "srv/ha.cf") == "deadtime 3 # slow");
    CHECK(normalized_content("", "srv/ha.cf").empty());
    CHECK(normalized_content("\t1  sha1   s3cret-key\r", "srv/authkeys") == "1 sha1");
}

TEST_CASE("a baseline counts identical findings and survives JSON", "[baseline]") {
    const auto sources = sources_of("srv/ha.cf", "node a\nnode   a\nkeepalive 2\n");
    const std::vector<diagnostic> findings{at("HA111", "srv/ha.cf", 1), at("HA111", "srv/ha.cf", 2),
                                           at("HA103", "srv/ha.cf", 3),
                                           at("HA002", "srv/ha.cf", 0)};
    const baseline record = hakit::lint::make_baseline(findings, sources, here);
    REQUIRE(record.entries.size() == 3);
    CHECK(record.entries[0].code == "HA002");
    CHECK(record.entries[0].content.empty());
    CHECK(record.entries[2].code == "HA111");
    CHECK(record.entries[2].file == "srv/ha.cf");
    CHECK(record.entries[2].content == "node a");
    CHECK(record.entries[2].count == 2);
    const auto json = hakit::lint::to_json(record);
    CHECK(hakit::lint::parse_baseline(json, "base.json").entries == record.entries);
}

TEST_CASE("file paths are relative to the baseline's directory", "[baseline]") {
    const auto sources = sources_of("srv/ha.cf", "keepalive 2\n");
    const auto entry = hakit::lint::entry_of(at("HA103", "srv/ha.cf", 1), sources, here / "ci");
    CHECK(entry.file == "../srv/ha.cf");
}

TEST_CASE("the baseline drops recorded findings even after lines moved", "[baseline]") {
    const auto before = sources_of("srv/ha.cf", "keepalive 2\ndeadtime 3\nnode a\nnode a\n");
    const baseline record = hakit::lint::make_baseline(
        {at("HA103", "srv/ha.cf", 2), at("HA111", "srv/ha.cf", 3), at("HA111", "srv/ha.cf", 4)},
        before, here);

    // Two lines added on top, one duplicate node line more (a new finding), deadtime edited.
    const auto after = sources_of("srv/ha.cf", "# new\nlogfile x\nkeepalive 2\ndeadtime 4\n"
                                               "node a\nnode a\nnode a\n");
    const auto result =
        hakit::lint::apply_baseline({at("HA103", "srv/ha.cf", 4), at("HA111", "srv/ha.cf", 5),
                                     at("HA111", "srv/ha.cf", 6), at("HA111", "srv/ha.cf", 7)},
                                    record, after, here);
    REQUIRE(result.findings.size() == 2);
    CHECK(result.findings[0].where.line == 4); // the edited line is new
    CHECK(result.findings[1].where.line == 7); // the third identical line is new
    CHECK(result.matched == 2);
    CHECK(result.stale == 1); // the recorded "deadtime 3" finding is gone
}

TEST_CASE("malformed baselines name the problem", "[baseline]") {
    CHECK(problem_of("[]") == "base.json: /: expected an object");
    CHECK(problem_of(R"({"version": 2, "entries": []})") ==
          "base.json: /version: unsupported version 2");
    CHECK(problem_of(R"({"version": 1})") == "base.json: /entries: missing");
    CHECK(problem_of(R"({"version": 1, "entries": [{"code": "HA1", "file": "f",
                         "content": "c", "count": -1}]})") ==
          "base.json: /entries/0/count: has the wrong type");
    CHECK(problem_of("{").starts_with("base.json: not JSON: "));
}
