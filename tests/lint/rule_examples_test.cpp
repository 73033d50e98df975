// Every rule's metadata is complete and its examples are true: the bad example makes the rule
// fire, the good one keeps it silent. Also tests the example loader they are written for.
#include <hakit/lint/engine.hpp>
#include <hakit/lint/examples.hpp>
#include <hakit/lint/rule.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// CMake passes the number of files listed in lint/rules/CMakeLists.txt.
static_assert(HAKIT_RULE_FILE_COUNT + 0 > 0, "HAKIT_RULE_FILE_COUNT must come from CMake");

namespace {

using hakit::diagnostic;
using hakit::node_folder;
using hakit::lint::all_rules;
using hakit::lint::load_example;
using hakit::lint::registered_rule;

bool is_kebab_case(std::string_view name) {
    if (name.empty() || name.front() == '-' || name.back() == '-' ||
        name.find("--") != std::string_view::npos) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_rule_code(std::string_view code) {
    return code.size() == 5 && code.starts_with("HA") &&
           std::all_of(code.begin() + 2, code.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::vector<diagnostic> findings_of(const registered_rule& rule, std::string_view example) {
    const auto folders = load_example(example);
    const auto all = hakit::lint::check(folders);
    std::vector<diagnostic> mine;
    std::copy_if(all.begin(), all.end(), std::back_inserter(mine),
                 [&](const diagnostic& d) { return d.code == rule.meta->code; });
    return mine;
}

std::string describe(const std::vector<diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        text += to_string(d.where) + ": " + d.message + "\n";
    }
    return text;
}

// Messages start in lower case and end without a period (conventions for all diagnostics).
bool is_styled_message(std::string_view message) {
    return !message.empty() && !std::isupper(static_cast<unsigned char>(message.front())) &&
           message.back() != '.' && message.back() != ' ';
}

} // namespace

TEST_CASE("the number of registered rules equals the number of rule files", "[rules]") {
    CHECK(all_rules().size() == static_cast<std::size_t>(HAKIT_RULE_FILE_COUNT));
}

TEST_CASE("rule codes and names are well formed and unique", "[rules]") {
    std::set<std::string_view> codes;
    std::set<std::string_view> names;
    for (const auto& rule : all_rules()) {
        REQUIRE(rule.meta != nullptr);
        const auto& meta = *rule.meta;
        INFO(meta.code << " " << meta.name);
        CHECK(is_rule_code(meta.code));
        CHECK(is_kebab_case(meta.name));
        CHECK(codes.insert(meta.code).second);
        CHECK(names.insert(meta.name).second);
        CHECK_FALSE(meta.summary.empty());
        // HA4xx are the rules across nodes, HA5xx the on-node rules (--host); everything else
        // looks at one node folder.
        const bool cross_node = meta.code.starts_with("HA4");
        const bool on_host = meta.code.starts_with("HA5");
        CHECK(cross_node == (meta.scope == hakit::lint::rule_scope::cluster));
        CHECK(on_host == (meta.scope == hakit::lint::rule_scope::host));
        CHECK((rule.check_cluster != nullptr) == cross_node);
        CHECK((rule.check_host != nullptr) == on_host);
        // A rule about the other rules' findings (HA004) looks at one folder too.
        CHECK((rule.check_node != nullptr || rule.check_findings != nullptr) ==
              (!cross_node && !on_host));
    }
}

TEST_CASE("every rule's documentation has the two headings", "[rules]") {
    for (const auto& rule : all_rules()) {
        INFO(rule.meta->code << " " << rule.meta->name);
        CHECK(rule.meta->doc.find("## Why is this bad?") != std::string_view::npos);
        CHECK(rule.meta->doc.find("## How to fix it") != std::string_view::npos);
    }
}

TEST_CASE("every rule fires on its bad example", "[rules][examples]") {
    for (const auto& rule : all_rules()) {
        const auto& meta = *rule.meta;
        if (meta.scope == hakit::lint::rule_scope::host) {
            continue; // needs a machine: run on the example host in rules/host_test.cpp
        }
        INFO(meta.code << " " << meta.name << ", bad example:\n" << meta.bad);
        std::vector<diagnostic> found;
        REQUIRE_NOTHROW(found = findings_of(rule, meta.bad));
        CHECK_FALSE(found.empty());
        for (const auto& d : found) {
            INFO(to_string(d.where) << ": " << d.message);
            CHECK(d.rule == meta.name);
            CHECK(is_styled_message(d.message));
            for (const auto& n : d.notes) {
                CHECK(is_styled_message(n.message));
            }
        }
    }
}

TEST_CASE("no rule fires on its good example", "[rules][examples]") {
    for (const auto& rule : all_rules()) {
        const auto& meta = *rule.meta;
        INFO(meta.code << " " << meta.name << ", good example:\n" << meta.good);
        std::vector<diagnostic> found;
        REQUIRE_NOTHROW(found = findings_of(rule, meta.good));
        INFO("found:\n" << describe(found));
        CHECK(found.empty());
    }
}

TEST_CASE("an example without folder prefixes is the folder 'example'", "[examples]") {
    const auto folders = load_example("== ha.cf ==\n"
                                      "keepalive 2\n"
                                      "deadtime 30\n"
                                      "== authkeys 0620 ==\n"
                                      "auth 1\n"
                                      "1 crc\n"
                                      "== nodeinfo ==\n"
                                      "Srv5\n");
    REQUIRE(folders.size() == 1);
    const node_folder& folder = folders.front();
    CHECK(folder.path == "example");
    CHECK_FALSE(folder.single_file);
    REQUIRE(folder.ha_cf);
    CHECK(folder.ha_cf->source->path() == "example/ha.cf");
    CHECK(folder.ha_cf->source->bytes() == "keepalive 2\ndeadtime 30\n");
    REQUIRE(folder.authkeys);
    CHECK(folder.authkeys->source->bytes() == "auth 1\n1 crc\n");
    REQUIRE(folder.authkeys_mode);
    CHECK(*folder.authkeys_mode == 0620U);
    CHECK_FALSE(folder.haresources);
    REQUIRE(folder.nodeinfo);
    CHECK(folder.nodeinfo->text == "Srv5");
    REQUIRE(folder.ir.local_name);
    CHECK(folder.ir.local_name->v == "srv5");
}

TEST_CASE("example folders come in the order they first appear", "[examples]") {
    const auto folders = load_example("== srv6/ha.cf ==\n"
                                      "udpport 695\n"
                                      "== srv5/haresources ==\n"
                                      "srv5 httpd\n"
                                      "== srv6/authkeys ==\n"
                                      "auth 1\n"
                                      "1 sha1 ExampleSecretOnly\n"
                                      "== ha.cf ==\n"
                                      "udpport 696\n");
    REQUIRE(folders.size() == 3);
    CHECK(folders[0].path == "srv6");
    CHECK(folders[1].path == "srv5");
    CHECK(folders[2].path == "example");

    CHECK(folders[0].ha_cf);
    CHECK(folders[0].authkeys);
    CHECK_FALSE(folders[0].authkeys_mode); // no mode given: unknown, not 0
    CHECK_FALSE(folders[0].haresources);
    CHECK(folders[0].ir.udpport.v == 695);

    CHECK_FALSE(folders[1].ha_cf);
    REQUIRE(folders[1].haresources);
    CHECK(folders[1].haresources->source->path() == "srv5/haresources");

    CHECK(folders[2].ir.udpport.v == 696);
}

TEST_CASE("an example file may be empty or lack its last newline", "[examples]") {
    const auto folders = load_example("== haresources ==\n== ha.cf ==\nkeepalive 2");
    REQUIRE(folders.size() == 1);
    REQUIRE(folders[0].haresources);
    CHECK(folders[0].haresources->source->bytes().empty());
    REQUIRE(folders[0].ha_cf);
    CHECK(folders[0].ha_cf->source->bytes() == "keepalive 2");
}

TEST_CASE("malformed examples are rejected", "[examples]") {
    CHECK_THROWS_AS(load_example("== hosts ==\n127.0.0.1 localhost\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== srv5/ha.conf ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== authkeys 0x600 ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== authkeys 0680 ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== authkeys 17777 ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== authkeys 0600 extra ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== ha.cf 0644 ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== /ha.cf ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example("== ha.cf ==\nkeepalive 1\n== ha.cf ==\nkeepalive 2\n"),
                    std::invalid_argument);
    CHECK_THROWS_AS(load_example("keepalive 2\n== ha.cf ==\n"), std::invalid_argument);
    CHECK_THROWS_AS(load_example(""), std::invalid_argument);
    CHECK_THROWS_AS(load_example("\n\n"), std::invalid_argument);
}
