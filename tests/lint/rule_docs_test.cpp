// Rule pages generated from the metadata, and the committed docs/rules/ kept equal to them.
#include "tool/golden.hpp"

#include <hakit/lint/rule.hpp>
#include <hakit/lint/rule_docs.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path rules_dir = fs::path(HAKIT_SOURCE_DIR) / "docs" / "rules";
constexpr const char* regenerate_hint =
    "run with HAKIT_UPDATE_GOLDEN=1 to regenerate docs/rules (then review the diff)";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Not registered, so its page has no "reports" section; shaped to test the generator.
constexpr hakit::lint::rule_meta sample_meta{
    .code = "HA999",
    .name = "sample-problem",
    .level = hakit::severity::warning,
    .scope = hakit::lint::rule_scope::cluster,
    .heartbeat_refuses = true,
    .summary = "a | b, in `code`",
    .doc = R"md(
## Why is this bad?
First line of the reason,
second line of it.

More detail.

## How to fix it
Do the right thing.
)md",
    .bad = "== srv5/ha.cf ==\nnode ```x```\n== srv6/authkeys 0644 ==\nauth 1\n",
    .good = "== ha.cf ==\n== haresources ==\nsrv5 10.0.0.1\n",
};

} // namespace

TEST_CASE("a rule page has the title, summary, metadata, doc and examples per file",
          "[rule-docs]") {
    const std::string page = hakit::lint::rule_page(sample_meta);
    CHECK(page.rfind("# HA999 sample-problem\n\na | b, in `code`\n\n", 0) == 0);
    CHECK(contains(page, "| Code | `HA999` |\n"
                         "| Name | `sample-problem` |\n"
                         "| Severity | warning |\n"
                         "| Scope | across node folders (two or more given together) |\n"
                         "| Heartbeat 3.0.6 refuses to start | yes |\n\n"
                         "## Why is this bad?\nFirst line"));
    CHECK(contains(page, "Do the right thing.\n\n## Example that triggers it\n\n"
                         "`srv5/ha.cf`:\n\n"
                         "````\nnode ```x```\n````\n\n" // a fence longer than the content's
                         "`srv6/authkeys` (mode 0644):\n\n"
                         "```\nauth 1\n```\n"));
    CHECK(contains(page, "## Example that passes\n\n"
                         "`ha.cf`:\n\n(an empty file)\n\n"
                         "`haresources`:\n\n```\nsrv5 10.0.0.1\n```\n"));
    CHECK_FALSE(contains(page, "reports:"));
    CHECK(page.back() == '\n');
}

TEST_CASE("a registered rule's page shows what hacheck reports on its bad example", "[rule-docs]") {
    const auto* rule = hakit::lint::find_rule("deadtime-too-short");
    REQUIRE(rule != nullptr);
    const std::string page = hakit::lint::rule_page(*rule->meta);
    CHECK(contains(page, "`hacheck --format gcc` reports:\n\n```\nexample/ha.cf:"));
    CHECK(contains(page, "[HA103 deadtime-too-short]\n"));
    // Only this rule's findings, although the example lacks files other rules ask for.
    CHECK_FALSE(contains(page, "missing-config-file"));
}

TEST_CASE("a rule's description is the first paragraph of its reason, else its summary",
          "[rule-docs]") {
    CHECK(hakit::lint::rule_description(sample_meta) ==
          "First line of the reason, second line of it.");
    hakit::lint::rule_meta bare = sample_meta;
    bare.doc = "## How to fix it\nJust fix it.\n";
    CHECK(hakit::lint::rule_description(bare) == "a | b, in `code`");
}

TEST_CASE("the index lists every rule with a link, severity and refusal", "[rule-docs]") {
    const hakit::lint::registered_rule sample{&sample_meta, nullptr, nullptr};
    const std::string index = hakit::lint::rule_index_file({sample});
    CHECK(index.rfind("<!-- Generated from the rule metadata", 0) == 0);
    CHECK(contains(index, "# hacheck rules\n\n1 rule."));
    CHECK(contains(index, "| Code | Name | Severity | Heartbeat refuses to start | Summary |\n"
                          "|---|---|---|---|---|\n"
                          "| HA999 | [sample-problem](sample-problem.md) | warning | yes | "
                          "a \\| b, in `code` |\n"));
    CHECK(hakit::lint::rule_page_name(sample_meta) == "sample-problem.md");
    CHECK(hakit::lint::rule_page_file(sample_meta) ==
          index.substr(0, index.find("# hacheck rules")) + hakit::lint::rule_page(sample_meta));
}

TEST_CASE("docs/rules holds exactly the pages the rule metadata generates", "[rule-docs]") {
    const auto& rules = hakit::lint::all_rules();
    REQUIRE_FALSE(rules.empty());
    if (hakit::test::updating_goldens()) {
        fs::create_directories(rules_dir);
    }

    std::set<std::string> expected{"README.md"};
    for (const auto& rule : rules) {
        const std::string name = hakit::lint::rule_page_name(*rule.meta);
        expected.insert(name);
        const std::string problem =
            hakit::test::check_golden(rules_dir / name, hakit::lint::rule_page_file(*rule.meta));
        if (!problem.empty()) {
            FAIL_CHECK(problem << "\n" << regenerate_hint);
        }
    }
    const std::string index_problem =
        hakit::test::check_golden(rules_dir / "README.md", hakit::lint::rule_index_file(rules));
    if (!index_problem.empty()) {
        FAIL_CHECK(index_problem << "\n" << regenerate_hint);
    }

    // A page whose rule is gone (renamed or removed) must go too.
    if (!fs::is_directory(rules_dir)) {
        return; // every page was reported missing above
    }
    for (const auto& entry : fs::directory_iterator(rules_dir)) {
        const std::string name = entry.path().filename().string();
        if (expected.count(name) != 0) {
            continue;
        }
        if (hakit::test::updating_goldens()) {
            fs::remove(entry.path());
            continue;
        }
        FAIL_CHECK("docs/rules/" << name << " belongs to no rule; " << regenerate_hint);
    }
}
