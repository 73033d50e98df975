// Inline `# hacheck: ignore[...]` comments: where each file allows them, what they suppress,
// and the unused-suppression rule (HA004) that reports those suppressing nothing.
#include <hakit/lint/engine.hpp>
#include <hakit/lint/examples.hpp>
#include <hakit/lint/suppression.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace {

using hakit::diagnostic;
using hakit::file_kind;
using hakit::source_file;
using hakit::lint::apply_suppressions;
using hakit::lint::find_suppressions;
using hakit::lint::suppression;

std::vector<suppression> comments_in(const std::string& text, file_kind kind) {
    return find_suppressions(source_file("f/" + std::string(to_string(kind)), text), kind);
}

std::vector<diagnostic> with_code(const std::vector<diagnostic>& all, const std::string& code) {
    std::vector<diagnostic> found;
    std::copy_if(all.begin(), all.end(), std::back_inserter(found),
                 [&](const diagnostic& d) { return d.code == code; });
    return found;
}

// Runs every rule on the example, then the suppression step.
struct checked {
    std::vector<diagnostic> raw;
    std::vector<diagnostic> kept;
};
checked run(std::string_view example) {
    const auto folders = hakit::lint::load_example(example);
    checked result;
    result.raw = hakit::lint::check(folders);
    result.kept = apply_suppressions(result.raw, folders);
    return result;
}

} // namespace

TEST_CASE("ha.cf: a trailing comment suppresses its own line, a comment line the next",
          "[suppression]") {
    const auto found = comments_in("keepalive 2 # hacheck: ignore[HA103, deadtime-too-short]\n"
                                   "  # hacheck:ignore[initdead-under-10s] why: lab\n"
                                   "# hacheck is great\n",
                                   file_kind::ha_cf);
    REQUIRE(found.size() == 2);
    CHECK(found[0].comment_line == 1);
    CHECK(found[0].target_line == 1);
    CHECK(found[0].comment_column == 13);
    REQUIRE(found[0].rules.size() == 2);
    CHECK(found[0].rules[0].name == "HA103");
    CHECK(found[0].rules[0].column == 31);
    CHECK(found[0].rules[1].name == "deadtime-too-short");
    CHECK(found[0].rules[1].column == 38);
    CHECK(found[1].comment_line == 2);
    CHECK(found[1].target_line == 3);
    CHECK_FALSE(found[1].malformed);
}

TEST_CASE("malformed hacheck comments are kept as malformed", "[suppression]") {
    for (const std::string text :
         {"# hacheck: ignore\n", "# hacheck: ignore[]\n", "# hacheck: ignore[a,]\n",
          "# hacheck: ignore[a b]\n", "# hacheck: noqa[a]\n"}) {
        INFO(text);
        const auto found = comments_in(text, file_kind::ha_cf);
        REQUIRE(found.size() == 1);
        CHECK(found[0].malformed);
    }
}

TEST_CASE("haresources: no suppression on a continued line or before a backslash",
          "[suppression]") {
    const auto found = comments_in("# hacheck: ignore[HA202]\n"
                                   "node1 10.0.0.1 \\\n"
                                   "  httpd # hacheck: ignore[HA201]\n"
                                   "node2 10.0.0.2 # hacheck: ignore[HA203]\n"
                                   "node2 10.0.0.3 # hacheck: ignore[HA204] \\\n"
                                   "  squid\n",
                                   file_kind::haresources);
    REQUIRE(found.size() == 2);
    CHECK(found[0].target_line == 2);
    CHECK(found[1].comment_line == 4);
    CHECK(found[1].target_line == 4);
}

TEST_CASE("authkeys: only a comment line suppresses, never a trailing comment", "[suppression]") {
    const auto found = comments_in("auth 1 # hacheck: ignore[HA306]\n"
                                   "# hacheck: ignore[short-auth-key]\n"
                                   "1 sha1 short\n",
                                   file_kind::authkeys);
    REQUIRE(found.size() == 1);
    CHECK(found[0].comment_line == 2);
    CHECK(found[0].target_line == 3);
}

TEST_CASE("a suppression drops only the named rule's findings on its target line",
          "[suppression]") {
    const auto result = run("== ha.cf ==\n"
                            "keepalive 2\n"
                            "deadtime 3 # hacheck: ignore[Deadtime-Too-Short]\n"
                            "initdead 5\n");
    CHECK(with_code(result.raw, "HA103").size() == 1);
    CHECK(with_code(result.kept, "HA103").empty());
    const auto initdead = with_code(result.kept, "HA106");
    REQUIRE(initdead.size() == 1);
    CHECK(initdead[0].where.line == 3);
    CHECK(with_code(result.kept, "HA004").empty());
}

TEST_CASE("a suppression comment alone on its line covers the next line, by code",
          "[suppression]") {
    const auto result = run("== authkeys 0600 ==\n"
                            "auth 1\n"
                            "# hacheck: ignore[ha307]\n"
                            "1 sha1 short-key\n");
    CHECK(with_code(result.raw, "HA307").size() == 1);
    CHECK(with_code(result.kept, "HA307").empty());
    CHECK(with_code(result.kept, "HA004").empty());
}

TEST_CASE("unused, unknown and malformed suppressions are reported at the comment",
          "[suppression][HA004]") {
    const auto result = run("== ha.cf ==\n"
                            "keepalive 2\n"
                            "deadtime 30 # hacheck: ignore[HA103,no-such-rule]\n"
                            "# hacheck: ignore me\n");
    const auto unused = with_code(result.kept, "HA004");
    REQUIRE(unused.size() == 3);
    CHECK(unused[0].where == hakit::location{"example/ha.cf", 2, 31});
    CHECK(unused[0].message == "suppression of HA103 is unused: no such finding on line 2");
    CHECK(unused[0].level == hakit::severity::info);
    CHECK(unused[1].where == hakit::location{"example/ha.cf", 2, 37});
    CHECK(unused[1].message == "'no-such-rule' in a suppression comment is not a rule");
    CHECK(unused[2].where == hakit::location{"example/ha.cf", 3, 1});
    CHECK(unused[2].message ==
          "malformed suppression comment, expected '# hacheck: ignore[rule,...]'");
}

TEST_CASE("an unused-suppression finding cannot be suppressed inline", "[suppression][HA004]") {
    const auto result = run("== ha.cf ==\n"
                            "keepalive 2\n"
                            "# hacheck: ignore[unused-suppression]\n"
                            "deadtime 30 # hacheck: ignore[HA103]\n");
    const auto unused = with_code(result.kept, "HA004");
    REQUIRE(unused.size() == 2);
    CHECK(unused[0].where == hakit::location{"example/ha.cf", 2, 19});
    CHECK(unused[0].message ==
          "a comment cannot suppress unused-suppression findings (use --ignore HA004)");
    CHECK(unused[1].where.line == 3);
}
