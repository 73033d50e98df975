#include <hakit/compiler/load.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/rule.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

namespace {

using hakit::diagnostic;
using hakit::location;
using hakit::node_folder;
using hakit::severity;
using hakit::lint::registered_rule;
using hakit::lint::rule_meta;
using hakit::lint::rule_scope;
using hakit::lint::sink;

// Rules of the tests' own, run through check(folders, rules) so the registry stays untouched.
constexpr rule_meta test_meta(std::string_view code, std::string_view name, severity level,
                              rule_scope scope = rule_scope::node) {
    return rule_meta{.code = code,
                     .name = name,
                     .level = level,
                     .scope = scope,
                     .heartbeat_refuses = false,
                     .summary = "test rule",
                     .doc = "",
                     .bad = "",
                     .good = ""};
}
constexpr rule_meta scatter_meta = test_meta("HA901", "test-scatter", severity::warning);
constexpr rule_meta other_meta = test_meta("HA900", "test-other", severity::info);
constexpr rule_meta repeat_meta = test_meta("HA902", "test-repeat", severity::error);
constexpr rule_meta cluster_meta =
    test_meta("HA990", "test-cluster", severity::error, rule_scope::cluster);

location at(const node_folder& folder, std::size_t line, std::size_t column) {
    return location{folder.path + "/ha.cf", line, column};
}

// Reports out of order, so the engine has to sort.
void scatter(const node_folder& folder, sink& out) {
    out.report(scatter_meta, at(folder, 9, 1), "late");
    out.report(scatter_meta, at(folder, 2, 5), "middle");
    out.report(scatter_meta, at(folder, 2, 1), "early");
    out.report(scatter_meta, at(folder, 0, 0), "whole file");
}

void other(const node_folder& folder, sink& out) {
    out.report(other_meta, at(folder, 2, 5), "same place, lower code");
}

// The same finding twice, and findings that differ from it in one field only.
void repeat(const node_folder& folder, sink& out) {
    out.report(repeat_meta, at(folder, 3, 1), "twice");
    out.report(repeat_meta, at(folder, 3, 1), "twice", {{at(folder, 1, 1), "first note"}});
    out.report(repeat_meta, at(folder, 3, 1), "twice");
    out.report_as(repeat_meta, severity::info, at(folder, 3, 1), "twice");
    out.report(repeat_meta, at(folder, 3, 1), "twice", {{at(folder, 1, 1), "first note"}});
    out.report(repeat_meta, at(folder, 3, 1), "twice", {{at(folder, 1, 1), "other note"}});
}

int cluster_calls = 0;
std::size_t cluster_nodes_seen = 0;

void whole_cluster(const std::vector<const node_folder*>& nodes, sink& out) {
    ++cluster_calls;
    cluster_nodes_seen = nodes.size();
    for (const auto* node : nodes) {
        out.report(cluster_meta, at(*node, 1, 1), "seen by the cluster rule");
    }
}

node_folder folder_named(const std::string& path) {
    return hakit::load_node_folder_from_memory(path, {{"ha.cf", "node srv5 srv6\nbcast eth0\n"}},
                                               std::nullopt, std::nullopt);
}

std::vector<registered_rule> test_rules() {
    return {
        registered_rule{.meta = &scatter_meta, .check_node = &scatter},
        registered_rule{.meta = &other_meta, .check_node = &other},
        registered_rule{.meta = &repeat_meta, .check_node = &repeat},
        registered_rule{.meta = &cluster_meta, .check_cluster = &whole_cluster},
    };
}

std::string describe(const diagnostic& d) {
    return hakit::to_string(d.where) + " " + d.code + " " + d.message;
}

std::vector<std::string> describe_all(const std::vector<diagnostic>& diagnostics) {
    std::vector<std::string> lines;
    for (const auto& d : diagnostics) {
        lines.push_back(describe(d));
    }
    return lines;
}

} // namespace

TEST_CASE("the sink stamps each finding with its rule's identity and severity") {
    sink out;
    const hakit::note related{location{"a/ha.cf", 1, 2}, "related"};
    out.report(scatter_meta, location{"a/ha.cf", 3, 4}, "message", {related});
    out.report_as(scatter_meta, severity::error, location{"a/ha.cf", 5, 6}, "escalated");
    const auto taken = out.take();
    REQUIRE(taken.size() == 2);
    CHECK(taken[0].code == "HA901");
    CHECK(taken[0].rule == "test-scatter");
    CHECK(taken[0].level == severity::warning);
    CHECK(taken[0].message == "message");
    CHECK(taken[0].where == location{"a/ha.cf", 3, 4});
    REQUIRE(taken[0].notes.size() == 1);
    CHECK(taken[0].notes[0].where == related.where);
    CHECK(taken[0].notes[0].message == "related");
    CHECK(taken[1].level == severity::error);
    CHECK(taken[1].notes.empty());
}

TEST_CASE("findings come out sorted by file, line, column and code") {
    const std::vector<node_folder> folders{folder_named("srv6"), folder_named("srv5")};
    const auto diagnostics =
        hakit::lint::check(folders, {registered_rule{.meta = &scatter_meta, .check_node = &scatter},
                                     registered_rule{.meta = &other_meta, .check_node = &other}});
    CHECK(describe_all(diagnostics) == std::vector<std::string>{
                                           "srv5/ha.cf:0:0 HA901 whole file",
                                           "srv5/ha.cf:2:1 HA901 early",
                                           "srv5/ha.cf:2:5 HA900 same place, lower code",
                                           "srv5/ha.cf:2:5 HA901 middle",
                                           "srv5/ha.cf:9:1 HA901 late",
                                           "srv6/ha.cf:0:0 HA901 whole file",
                                           "srv6/ha.cf:2:1 HA901 early",
                                           "srv6/ha.cf:2:5 HA900 same place, lower code",
                                           "srv6/ha.cf:2:5 HA901 middle",
                                           "srv6/ha.cf:9:1 HA901 late",
                                       });
}

TEST_CASE("exact duplicates are dropped, near duplicates are kept") {
    const std::vector<node_folder> folders{folder_named("srv5")};
    const auto diagnostics =
        hakit::lint::check(folders, {registered_rule{.meta = &repeat_meta, .check_node = &repeat}});
    // Kept: plain (error), with "first note", info, with "other note".
    REQUIRE(diagnostics.size() == 4);
    const auto count_where = [&](auto predicate) {
        return std::count_if(diagnostics.begin(), diagnostics.end(), predicate);
    };
    CHECK(count_where([](const diagnostic& d) {
              return d.notes.empty() && d.level == severity::error;
          }) == 1);
    CHECK(count_where([](const diagnostic& d) { return d.level == severity::info; }) == 1);
    CHECK(count_where([](const diagnostic& d) {
              return d.notes.size() == 1 && d.notes[0].message == "first note";
          }) == 1);
    CHECK(count_where([](const diagnostic& d) {
              return d.notes.size() == 1 && d.notes[0].message == "other note";
          }) == 1);
}

TEST_CASE("the same finding from two folders is not a duplicate") {
    const std::vector<node_folder> folders{folder_named("srv5"), folder_named("srv6")};
    const auto diagnostics =
        hakit::lint::check(folders, {registered_rule{.meta = &other_meta, .check_node = &other}});
    CHECK(diagnostics.size() == 2);
}

TEST_CASE("cluster rules run once, and only when two or more folders are given") {
    cluster_calls = 0;
    const std::vector<node_folder> one{folder_named("srv5")};
    auto diagnostics = hakit::lint::check(one, test_rules());
    CHECK(cluster_calls == 0);
    CHECK(std::none_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.code == "HA990"; }));

    const std::vector<node_folder> three{folder_named("srv5"), folder_named("srv6"),
                                         folder_named("srv7")};
    diagnostics = hakit::lint::check(three, test_rules());
    CHECK(cluster_calls == 1);
    CHECK(cluster_nodes_seen == 3);
    CHECK(std::count_if(diagnostics.begin(), diagnostics.end(),
                        [](const diagnostic& d) { return d.code == "HA990"; }) == 3);
    // Node rules still ran on every folder.
    for (const std::string path : {"srv5/ha.cf", "srv6/ha.cf", "srv7/ha.cf"}) {
        CHECK(std::any_of(diagnostics.begin(), diagnostics.end(), [&](const diagnostic& d) {
            return d.code == "HA901" && d.where.file == path;
        }));
    }
}

TEST_CASE("no folders, no findings") {
    cluster_calls = 0;
    CHECK(hakit::lint::check({}, test_rules()).empty());
    CHECK(cluster_calls == 0);
}

TEST_CASE("the registry is sorted by code, with unique codes and names") {
    const auto& rules = hakit::lint::all_rules();
    REQUIRE_FALSE(rules.empty());
    std::set<std::string_view> codes;
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        INFO(rules[i].meta->code);
        CHECK(codes.insert(rules[i].meta->code).second);
        CHECK(names.insert(rules[i].meta->name).second);
        if (i > 0) {
            CHECK(rules[i - 1].meta->code < rules[i].meta->code);
        }
    }
}

TEST_CASE("every registered rule has exactly the check its scope calls for") {
    for (const auto& rule : hakit::lint::all_rules()) {
        INFO(rule.meta->code);
        if (rule.meta->scope == rule_scope::node) {
            // A node rule checks the folder, or the other rules' findings on it (HA004).
            CHECK((rule.check_node != nullptr) != (rule.check_findings != nullptr));
            CHECK(rule.check_cluster == nullptr);
        } else if (rule.meta->scope == rule_scope::host) {
            CHECK(rule.check_node == nullptr);
            CHECK(rule.check_host != nullptr);
        } else {
            CHECK(rule.check_node == nullptr);
            CHECK(rule.check_cluster != nullptr);
        }
    }
}

TEST_CASE("find_rule finds a rule by code or name, in any case") {
    const auto& rules = hakit::lint::all_rules();
    REQUIRE_FALSE(rules.empty());
    for (const auto& rule : rules) {
        INFO(rule.meta->code);
        CHECK(hakit::lint::find_rule(rule.meta->code) == &rule);
        CHECK(hakit::lint::find_rule(rule.meta->name) == &rule);
        std::string lower(rule.meta->code);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        CHECK(hakit::lint::find_rule(lower) == &rule);
    }
    CHECK(hakit::lint::find_rule("HA999999") == nullptr);
    CHECK(hakit::lint::find_rule("no-such-rule") == nullptr);
    CHECK(hakit::lint::find_rule("") == nullptr);
}
