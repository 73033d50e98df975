// --select / --ignore selectors: codes, names and code prefixes.
#include <hakit/lint/rule.hpp>
#include <hakit/lint/selection.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using hakit::diagnostic;
using hakit::lint::all_rules;
using hakit::lint::find_rule;
using hakit::lint::rule_selection;
using hakit::lint::selector_matches;

const hakit::lint::rule_meta& meta_of(const std::string& code) {
    const auto* rule = find_rule(code);
    REQUIRE(rule != nullptr);
    return *rule->meta;
}

diagnostic finding(const std::string& code) {
    diagnostic made;
    made.code = code;
    made.rule = std::string(meta_of(code).name);
    return made;
}

} // namespace

TEST_CASE("selectors are split at commas, blanks and empty ones dropped", "[selection]") {
    CHECK(hakit::lint::split_selectors({"HA1, HA2", "deadtime-too-short", ",HA3,,"}) ==
          std::vector<std::string>{"HA1", "HA2", "deadtime-too-short", "HA3"});
    CHECK(hakit::lint::split_selectors({""}).empty());
}

TEST_CASE("a selector matches by code, name or code prefix, in any case", "[selection]") {
    const auto& deadtime = meta_of("HA103");
    CHECK(selector_matches("HA103", deadtime));
    CHECK(selector_matches("ha103", deadtime));
    CHECK(selector_matches("deadtime-too-short", deadtime));
    CHECK(selector_matches("HA1", deadtime));
    CHECK(selector_matches("HA10", deadtime));
    CHECK(selector_matches("HA", deadtime));
    CHECK_FALSE(selector_matches("H", deadtime));
    CHECK_FALSE(selector_matches("HA2", deadtime));
    CHECK_FALSE(selector_matches("HA1030", deadtime));
    CHECK_FALSE(selector_matches("deadtime", deadtime)); // names match whole, never by prefix
}

TEST_CASE("selectors that match no rule are unknown", "[selection]") {
    CHECK(hakit::lint::unknown_selectors({"HA1", "HA9", "deadtime-too-short", "deadtime"},
                                         all_rules()) ==
          std::vector<std::string>{"HA9", "deadtime"});
}

TEST_CASE("ignore wins over select; no select selects everything", "[selection]") {
    const auto& deadtime = meta_of("HA103");
    const auto& authkeys = meta_of("HA301");
    CHECK(is_selected(rule_selection{}, deadtime));
    CHECK(is_selected(rule_selection{.select = {"HA1"}}, deadtime));
    CHECK_FALSE(is_selected(rule_selection{.select = {"HA1"}}, authkeys));
    CHECK_FALSE(is_selected(rule_selection{.select = {"HA1"}, .ignore = {"HA103"}}, deadtime));
    CHECK_FALSE(is_selected(rule_selection{.select = {"HA103"}, .ignore = {"HA1"}}, deadtime));
    CHECK(is_selected(rule_selection{.ignore = {"HA3"}}, deadtime));
}

TEST_CASE("apply_selection keeps the findings of the selected rules in order", "[selection]") {
    const std::vector<diagnostic> findings{finding("HA301"), finding("HA103"), finding("HA104"),
                                           finding("HA301")};
    const auto kept = hakit::lint::apply_selection(
        findings, rule_selection{.select = {"HA1", "HA301"}, .ignore = {"HA104"}});
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].code == "HA301");
    CHECK(kept[1].code == "HA103");
    CHECK(kept[2].code == "HA301");
}
