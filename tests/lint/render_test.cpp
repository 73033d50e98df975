#include "render_samples.hpp"

#include <hakit/lint/render.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

namespace {

using hakit::diagnostic;
using hakit::location;
using hakit::note;
using hakit::severity;
using hakit::lint::source_index;
using hakit::test::deadtime_finding;
using hakit::test::sources_of;
using hakit::test::srv5_ha_cf;

std::string text_of(const std::vector<diagnostic>& diagnostics, const source_index& sources,
                    std::size_t files, bool color) {
    std::ostringstream out;
    hakit::lint::render_text(out, diagnostics, sources, hakit::lint::summarize(diagnostics, files),
                             color);
    return out.str();
}

} // namespace

TEST_CASE("text shows location, severity, message, rule, the source line, a caret and notes") {
    const auto text = text_of({deadtime_finding()}, sources_of("srv5/ha.cf", srv5_ha_cf), 3, false);
    CHECK(text == "srv5/ha.cf:7:10: error: deadtime 3000 ms is not more than twice keepalive "
                  "2000 ms [HA103 deadtime-too-short]\n"
                  "    7 | deadtime 3\n"
                  "      |          ^\n"
                  "srv5/ha.cf:6:11: note: keepalive set here\n"
                  "1 error, 0 warnings, 0 infos in 3 files\n");
}

TEST_CASE("the caret line repeats the tabs of the source line so it lines up") {
    auto finding = deadtime_finding();
    finding.where = location{"a/ha.cf", 2, 11};
    finding.notes.clear();
    const auto text =
        text_of({finding}, sources_of("a/ha.cf", "node a\n\tdeadtime\t3\r\n"), 1, false);
    CHECK(text == "a/ha.cf:2:11: error: deadtime 3000 ms is not more than twice keepalive 2000 "
                  "ms [HA103 deadtime-too-short]\n"
                  "    2 | \tdeadtime\t3\n"
                  "      | \t        \t^\n"
                  "1 error, 0 warnings, 0 infos in 1 file\n");
}

TEST_CASE("the caret skips UTF-8 continuation bytes so it stays under the right character") {
    auto finding = deadtime_finding();
    // "nöde" : 'ö' is two bytes, so byte column 7 is the 'x' after "nöde ".
    finding.where = location{"a/ha.cf", 1, 7};
    finding.notes.clear();
    const auto text = text_of({finding},
                              sources_of("a/ha.cf", "n\xC3\xB6"
                                                    "de x\n"),
                              1, false);
    CHECK(text.find("    1 | n\xC3\xB6"
                    "de x\n"
                    "      |      ^\n") != std::string::npos);
}

TEST_CASE("a caret past the end of the line is padded with spaces") {
    auto finding = deadtime_finding();
    finding.where = location{"a/ha.cf", 1, 6};
    finding.notes.clear();
    const auto text = text_of({finding}, sources_of("a/ha.cf", "node"), 1, false);
    CHECK(text.find("    1 | node\n"
                    "      |      ^\n") != std::string::npos);
}

TEST_CASE("a location on line 0 prints the file only and no excerpt") {
    diagnostic missing{
        .code = "HA101",
        .rule = "no-media",
        .level = severity::warning,
        .message = "no communication medium",
        .where = location{"srv5/ha.cf", 0, 0},
        .notes = {note{location{"srv6/ha.cf", 0, 0}, "srv6 has one"}},
    };
    const auto text = text_of({missing}, sources_of("srv5/ha.cf", srv5_ha_cf), 2, false);
    CHECK(text == "srv5/ha.cf: warning: no communication medium [HA101 no-media]\n"
                  "srv6/ha.cf: note: srv6 has one\n"
                  "0 errors, 1 warning, 0 infos in 2 files\n");
}

TEST_CASE("a location with a line but no column quotes the line without a caret") {
    auto finding = deadtime_finding();
    finding.where.column = 0;
    finding.notes.clear();
    const auto text = text_of({finding}, sources_of("srv5/ha.cf", srv5_ha_cf), 1, false);
    CHECK(text == "srv5/ha.cf:7:0: error: deadtime 3000 ms is not more than twice keepalive "
                  "2000 ms [HA103 deadtime-too-short]\n"
                  "    7 | deadtime 3\n"
                  "1 error, 0 warnings, 0 infos in 1 file\n");
}

TEST_CASE("no excerpt when the source is unknown or the line does not exist") {
    auto finding = deadtime_finding();
    finding.notes.clear();
    CHECK(text_of({finding}, {}, 1, false).find(" | ") == std::string::npos);
    finding.where.line = 99;
    CHECK(text_of({finding}, sources_of("srv5/ha.cf", srv5_ha_cf), 1, false).find(" | ") ==
          std::string::npos);
}

TEST_CASE("line numbers wider than the gutter widen both gutter lines") {
    std::string bytes;
    for (int i = 1; i < 123456; ++i) {
        bytes += "#\n";
    }
    bytes += "deadtime 3\n";
    auto finding = deadtime_finding();
    finding.where = location{"big/ha.cf", 123456, 10};
    finding.notes.clear();
    const auto text = text_of({finding}, sources_of("big/ha.cf", bytes), 1, false);
    CHECK(text.find("123456 | deadtime 3\n"
                    "       |          ^\n") != std::string::npos);
}

TEST_CASE("the summary counts each severity with the right plural") {
    auto error = deadtime_finding();
    auto warning = error;
    warning.level = severity::warning;
    auto info = error;
    info.level = severity::info;

    const auto totals = hakit::lint::summarize({error, error, warning, info, info, info}, 6);
    CHECK(totals.errors == 2);
    CHECK(totals.warnings == 1);
    CHECK(totals.infos == 3);
    CHECK(totals.files == 6);

    std::ostringstream out;
    hakit::lint::render_text(out, {}, {}, hakit::lint::summary{2, 1, 0, 6}, false);
    CHECK(out.str() == "2 errors, 1 warning, 0 infos in 6 files\n");
    out.str("");
    hakit::lint::render_text(out, {}, {}, hakit::lint::summary{0, 0, 1, 1}, false);
    CHECK(out.str() == "0 errors, 0 warnings, 1 info in 1 file\n");
}

TEST_CASE("no findings print one line") {
    CHECK(text_of({}, {}, 6, false) == "no problems in 6 files\n");
    CHECK(text_of({}, {}, 1, false) == "no problems in 1 file\n");
    CHECK(text_of({}, {}, 0, true) == "no problems in 0 files\n");
}

TEST_CASE("colour makes locations bold and severity words coloured") {
    const auto sources = sources_of("srv5/ha.cf", srv5_ha_cf);
    const auto plain = text_of({deadtime_finding()}, sources, 3, false);
    const auto coloured = text_of({deadtime_finding()}, sources, 3, true);
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(coloured.find("\x1b[1msrv5/ha.cf:7:10:\x1b[0m \x1b[1;31merror:\x1b[0m deadtime") !=
          std::string::npos);
    CHECK(coloured.find("\x1b[1msrv5/ha.cf:6:11:\x1b[0m \x1b[1;36mnote:\x1b[0m keepalive") !=
          std::string::npos);
    // The excerpt itself stays uncoloured so it can be copied.
    CHECK(coloured.find("    7 | deadtime 3\n      |          ^\n") != std::string::npos);

    auto warning = deadtime_finding();
    warning.level = severity::warning;
    auto info = deadtime_finding();
    info.level = severity::info;
    CHECK(text_of({warning}, sources, 1, true).find("\x1b[1;33mwarning:\x1b[0m") !=
          std::string::npos);
    CHECK(text_of({info}, sources, 1, true).find("\x1b[1;36minfo:\x1b[0m") != std::string::npos);
}

TEST_CASE("JSON has the documented shape, key order and totals") {
    auto second = deadtime_finding();
    second.where = location{"srv6/ha.cf", 0, 0};
    second.level = severity::warning;
    second.notes.clear();
    const std::vector<diagnostic> diagnostics{deadtime_finding(), second};

    std::ostringstream out;
    hakit::lint::render_json(out, diagnostics, hakit::lint::summarize(diagnostics, 4));
    const std::string text = out.str();

    const auto document = nlohmann::ordered_json::parse(text);
    std::vector<std::string> top;
    for (const auto& item : document.items()) {
        top.push_back(item.key());
    }
    CHECK(top == std::vector<std::string>{"diagnostics", "summary"});

    const auto& first = document["diagnostics"][0];
    std::vector<std::string> keys;
    for (const auto& item : first.items()) {
        keys.push_back(item.key());
    }
    CHECK(keys == std::vector<std::string>{"file", "line", "column", "severity", "code", "rule",
                                           "message", "notes"});
    CHECK(first["file"] == "srv5/ha.cf");
    CHECK(first["line"] == 7);
    CHECK(first["column"] == 10);
    CHECK(first["severity"] == "error");
    CHECK(first["code"] == "HA103");
    CHECK(first["rule"] == "deadtime-too-short");
    CHECK(first["message"] == "deadtime 3000 ms is not more than twice keepalive 2000 ms");

    std::vector<std::string> note_keys;
    for (const auto& item : first["notes"][0].items()) {
        note_keys.push_back(item.key());
    }
    CHECK(note_keys == std::vector<std::string>{"file", "line", "column", "message"});
    CHECK(first["notes"][0]["line"] == 6);
    CHECK(first["notes"][0]["message"] == "keepalive set here");

    CHECK(document["diagnostics"][1]["severity"] == "warning");
    CHECK(document["diagnostics"][1]["line"] == 0);
    CHECK(document["diagnostics"][1]["notes"].is_array());
    CHECK(document["diagnostics"][1]["notes"].empty());

    CHECK(document["summary"].dump() == R"({"errors":1,"warnings":1,"infos":0,"files":4})");
    // Two-space indentation, one object, newline at the end.
    CHECK(text.rfind("{\n  \"diagnostics\": [\n    {\n      \"file\"", 0) == 0);
    CHECK(text.back() == '\n');
}

TEST_CASE("JSON with no findings still has both members") {
    std::ostringstream out;
    hakit::lint::render_json(out, {}, hakit::lint::summary{0, 0, 0, 3});
    CHECK(out.str() == "{\n"
                       "  \"diagnostics\": [],\n"
                       "  \"summary\": {\n"
                       "    \"errors\": 0,\n"
                       "    \"warnings\": 0,\n"
                       "    \"infos\": 0,\n"
                       "    \"files\": 3\n"
                       "  }\n"
                       "}\n");
}

TEST_CASE("JSON replaces bytes that are not UTF-8 instead of failing") {
    auto finding = deadtime_finding();
    finding.message = "unknown directive 'n\xF6"
                      "de'"; // Latin-1, as in some corpus files
    std::ostringstream out;
    REQUIRE_NOTHROW(hakit::lint::render_json(out, {finding}, hakit::lint::summary{1, 0, 0, 1}));
    const auto document = nlohmann::json::parse(out.str());
    CHECK(document["diagnostics"][0]["message"] == "unknown directive 'n\xEF\xBF\xBD"
                                                   "de'");
}

TEST_CASE("control characters from a config file never reach the terminal raw") {
    auto finding = deadtime_finding();
    finding.message = "current node [srv5\r] \x1b[2J not declared";
    finding.where = location{"n/ha.cf", 1, 4};
    finding.notes = {note{location{"n/ha.cf", 1, 1}, "bell \x07 here"}};
    const auto text = text_of({finding}, sources_of("n/ha.cf", "a\x1b[b c\n"), 1, false);
    CHECK(text == "n/ha.cf:1:4: error: current node [srv5\\r] \\x1b[2J not declared "
                  "[HA103 deadtime-too-short]\n"
                  "    1 | a?[b c\n"
                  "      |    ^\n"
                  "n/ha.cf:1:1: note: bell \\x07 here\n"
                  "1 error, 0 warnings, 0 infos in 1 file\n");
}

TEST_CASE("an authkeys excerpt hides the key but keeps the caret in place") {
    const diagnostic finding{
        .code = "HA308",
        .rule = "short-auth-key",
        .level = severity::warning,
        .message = "the sha1 key of index 1 is 6 characters long",
        .where = location{"srv5/authkeys", 2, 10},
        .notes = {},
    };
    const auto text =
        text_of({finding}, sources_of("srv5/authkeys", "auth 1\n1 sha1\tS3cr t\n"), 1, false);
    CHECK(text.find("S3cr") == std::string::npos);
    CHECK(text.find("    2 | 1 sha1\t**** *\n"
                    "      |       \t  ^\n") != std::string::npos);
}
