#include "support/corpus_sources.hpp"
#include "support/located_tokens.hpp"
#include "support/pseudo_random_inputs.hpp"

#include <hakit/grammar/haresources.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace hakit::grammar::detail {
std::size_t haresources_grammar_problems(); // grammar/src/haresources/parse.cpp
} // namespace hakit::grammar::detail

namespace {

using namespace hakit::grammar;
using hakit::location;
using hakit::source_file;
using hakit::test::bytes_at;
using hakit::test::check_located;

haresources_file parse(std::string bytes) {
    return parse_haresources(std::make_shared<const source_file>("haresources", std::move(bytes)));
}

// "text@line:column": one string per token, so a failed CHECK shows what was found.
std::string show(const token& piece) {
    return piece.text + "@" + std::to_string(piece.where.line) + ":" +
           std::to_string(piece.where.column);
}

std::string show(const location& where) {
    return std::to_string(where.line) + ":" + std::to_string(where.column);
}

template <typename Item> std::string show(const std::vector<Item>& items) {
    std::string shown;
    for (const Item& item : items) {
        shown += (shown.empty() ? "" : " ") + show(item);
    }
    return shown;
}

std::string show_texts(const std::vector<resource_spec>& resources) {
    std::string shown;
    for (const resource_spec& resource : resources) {
        shown += (shown.empty() ? "" : " ") + show(resource.text);
    }
    return shown;
}

// Every token is the bytes at its location; a bare IP's script is "IPaddr" at the word.
void check_all_located(const haresources_file& file) {
    const source_file& source = *file.source;
    for (const resource_group_line& group : file.groups) {
        check_located(source, group.owner);
        CHECK(group.first_line <= group.owner.where.line);
        CHECK(group.owner.where.line <= group.last_line);
        CHECK(group.last_line <= source.line_count());
        for (const resource_spec& resource : group.resources) {
            check_located(source, resource.text);
            if (resource.bare_ip) {
                CHECK(resource.script.text == "IPaddr");
                CHECK(resource.script.where == resource.text.where);
            } else {
                check_located(source, resource.script);
            }
            for (const token& argument : resource.args) {
                check_located(source, argument);
            }
        }
        for (const token& word : group.comments_on_continuation) {
            check_located(source, word);
        }
    }
    for (const token& comment : file.comments) {
        check_located(source, comment);
    }
    for (const location& backslash : file.blank_after_backslash) {
        CHECK(bytes_at(source, backslash, 1) == "\\");
    }
}

} // namespace

TEST_CASE("haresources: the grammar passes PEGTL's analyze()", "[haresources]") {
    CHECK(detail::haresources_grammar_problems() == 0);
}

TEST_CASE("haresources: a group is an owner and its resources, each located", "[haresources]") {
    const haresources_file file = parse("node1 IPaddr::10.0.0.1/24/eth0 httpd\n");
    REQUIRE(file.groups.size() == 1);
    const resource_group_line& group = file.groups[0];
    CHECK(group.owner == token{"node1", location{"haresources", 1, 1}});
    REQUIRE(group.resources.size() == 2);
    const resource_spec& ip = group.resources[0];
    CHECK(show(ip.text) == "IPaddr::10.0.0.1/24/eth0@1:7");
    CHECK(show(ip.script) == "IPaddr@1:7");
    CHECK(show(ip.args) == "10.0.0.1/24/eth0@1:15");
    CHECK_FALSE(ip.bare_ip);
    const resource_spec& httpd = group.resources[1];
    CHECK(show(httpd.text) == "httpd@1:32");
    CHECK(show(httpd.script) == "httpd@1:32");
    CHECK(httpd.args.empty());
    CHECK(group.first_line == 1);
    CHECK(group.last_line == 1);
    CHECK(group.comments_on_continuation.empty());
    CHECK(file.comments.empty());
    CHECK(file.blank_after_backslash.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("haresources: the owner keeps its case and words split on spaces and tabs",
          "[haresources]") {
    const haresources_file file = parse("\tNode1\t IPaddr2::1.2.3.4\t\thttpd  \n");
    REQUIRE(file.groups.size() == 1);
    CHECK(show(file.groups[0].owner) == "Node1@1:2");
    CHECK(show_texts(file.groups[0].resources) == "IPaddr2::1.2.3.4@1:9 httpd@1:27");
}

TEST_CASE("haresources: '::' splits a script from its arguments", "[haresources]") {
    const haresources_file file =
        parse("n Filesystem::/dev/drbd0::/data::ext3 MailTo::a@b.c::Fail_over x:y:::z\n");
    REQUIRE(file.groups.size() == 1);
    const std::vector<resource_spec>& resources = file.groups[0].resources;
    REQUIRE(resources.size() == 3);
    CHECK(show(resources[0].script) == "Filesystem@1:3");
    CHECK(show(resources[0].args) == "/dev/drbd0@1:15 /data@1:27 ext3@1:34");
    CHECK(show(resources[1].script) == "MailTo@1:39");
    CHECK(show(resources[1].args) == "a@b.c@1:47 Fail_over@1:54");
    // The script ends at the first "::"; a single ':' is text.
    CHECK(show(resources[2].script) == "x:y@1:64");
    CHECK(show(resources[2].args) == ":z@1:69");
}

TEST_CASE("haresources: empty '::' pieces are dropped as the shell drops empty words",
          "[haresources]") {
    const haresources_file file = parse("n a::::b:: c::\n");
    REQUIRE(file.groups.size() == 1);
    const std::vector<resource_spec>& resources = file.groups[0].resources;
    REQUIRE(resources.size() == 2);
    CHECK(show(resources[0].script) == "a@1:3");
    CHECK(show(resources[0].args) == "b@1:8");
    CHECK(show(resources[1].script) == "c@1:12");
    CHECK(resources[1].args.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("haresources: IPaddr::10.0.30.15//8/eth0:10 has one argument", "[haresources]") {
    const haresources_file file = parse("alton IPaddr::10.0.30.15//8/eth0:10 haproxy\n");
    REQUIRE(file.groups.size() == 1);
    const resource_spec& ip = file.groups[0].resources.at(0);
    CHECK(show(ip.script) == "IPaddr@1:7");
    CHECK(show(ip.args) == "10.0.30.15//8/eth0:10@1:15");
    CHECK_FALSE(ip.bare_ip);
}

TEST_CASE("haresources: a bare IP means IPaddr::<ip>, first or last in the group",
          "[haresources]") {
    const haresources_file file = parse("server1 10.24.21.121 nginx\n"
                                        "db-1 MailTo::me@x.org drbddisk::r0 192.168.50.103/24\n");
    REQUIRE(file.groups.size() == 2);
    const resource_spec& first = file.groups[0].resources.at(0);
    CHECK(first.bare_ip);
    CHECK(show(first.text) == "10.24.21.121@1:9");
    CHECK(show(first.script) == "IPaddr@1:9");
    CHECK(show(first.args) == "10.24.21.121@1:9");
    CHECK_FALSE(file.groups[0].resources.at(1).bare_ip);

    const resource_spec& last = file.groups[1].resources.at(2);
    CHECK(last.bare_ip);
    CHECK(show(last.script) == "IPaddr@2:36");
    CHECK(show(last.args) == "192.168.50.103/24@2:36");
    CHECK_FALSE(file.groups[1].resources.at(0).bare_ip);
}

TEST_CASE("haresources: bare IPs match the shell glob [0-9]*.[0-9]*.[0-9]*.[0-9]*",
          "[haresources]") {
    struct example {
        const char* word;
        bool bare_ip;
    };
    const example examples[] = {
        {"1.2.3.4", true},
        {"10.0.0.1/24/eth0:0", true},
        {"1...2.3.4", true},
        {"1.2.3.4::x", true},
        {"9a.1b.2c.3d", true},
        {"1.2.3", false},
        {"1.2.3.x", false},
        {"a1.2.3.4", false},
        {"NNN.NNN.NNN.NNN/NN", false},
        {"IPaddr::1.2.3.4", false},
        {"1.2.3.", false},
        {"1:2.3.4.5", true},
    };
    for (const example& each : examples) {
        INFO(each.word);
        const haresources_file file = parse(std::string("node ") + each.word + "\n");
        REQUIRE(file.groups.size() == 1);
        REQUIRE(file.groups[0].resources.size() == 1);
        const resource_spec& resource = file.groups[0].resources[0];
        CHECK(resource.bare_ip == each.bare_ip);
        if (each.bare_ip) {
            CHECK(resource.script.text == "IPaddr");
            REQUIRE(resource.args.size() == 1);
            CHECK(resource.args[0].text == each.word);
        }
    }
}

TEST_CASE("haresources: '#' strips the rest of a line and the comment is kept", "[haresources]") {
    const haresources_file file = parse("# header\n  \nnode1 a b#c d # tail\n\t# indented\n");
    REQUIRE(file.groups.size() == 1);
    CHECK(show_texts(file.groups[0].resources) == "a@3:7 b@3:9");
    CHECK(show(file.comments) == "# header@1:1 #c d # tail@3:10 # indented@4:2");
    CHECK(file.groups[0].first_line == 3);
    CHECK(file.groups[0].last_line == 3);
}

TEST_CASE("haresources: a backslash before the newline joins lines into one group",
          "[haresources]") {
    const haresources_file file = parse("node1 a \\\n  b\\\n\tc\nnode2 d\n");
    REQUIRE(file.groups.size() == 2);
    CHECK(show(file.groups[0].owner) == "node1@1:1");
    CHECK(show_texts(file.groups[0].resources) == "a@1:7 b@2:3 c@3:2");
    CHECK(file.groups[0].first_line == 1);
    CHECK(file.groups[0].last_line == 3);
    CHECK(show(file.groups[1].owner) == "node2@4:1");
    CHECK(file.groups[1].first_line == 4);
    CHECK(file.groups[1].last_line == 4);
    CHECK(file.blank_after_backslash.empty());
}

TEST_CASE("haresources: '#' on a continuation line is not a comment", "[haresources]") {
    const haresources_file file = parse("node1 10.0.0.1 \\\n  httpd # trailing \\\n  x#y z\n");
    REQUIRE(file.groups.size() == 1);
    const resource_group_line& group = file.groups[0];
    CHECK(show_texts(group.resources) ==
          "10.0.0.1@1:7 httpd@2:3 #@2:9 trailing@2:11 x#y@3:3 z@3:7");
    CHECK(show(group.comments_on_continuation) == "#@2:9 trailing@2:11 x#y@3:3 z@3:7");
    CHECK(group.last_line == 3);
    CHECK(file.comments.empty());
}

TEST_CASE("haresources: a '#' that removes the backslash also removes the continuation",
          "[haresources]") {
    const haresources_file file = parse("node1 a # see below \\\nnode2 b\n");
    REQUIRE(file.groups.size() == 2);
    CHECK(show(file.comments) == "# see below \\@1:9");
    CHECK(file.groups[0].last_line == 1);
    CHECK(show(file.groups[1].owner) == "node2@2:1");
    CHECK(file.blank_after_backslash.empty());
}

TEST_CASE("haresources: a blank after a backslash ends the group, the backslash stays a word",
          "[haresources]") {
    const haresources_file file = parse("node1 a \\ \nb c\\\t\t\nnode2 d \\ # note\n");
    REQUIRE(file.groups.size() == 3);
    CHECK(show_texts(file.groups[0].resources) == "a@1:7 \\@1:9");
    CHECK(show(file.groups[1].owner) == "b@2:1");
    CHECK(show_texts(file.groups[1].resources) == "c\\@2:3");
    CHECK(show_texts(file.groups[2].resources) == "d@3:7 \\@3:9");
    CHECK(show(file.blank_after_backslash) == "1:9 2:4 3:9");
    CHECK(file.errors.empty());
}

TEST_CASE("haresources: CRLF after a backslash is not a continuation", "[haresources]") {
    const haresources_file file = parse("node1 a \\\r\nnode2 b\r\n");
    REQUIRE(file.groups.size() == 2);
    CHECK(show_texts(file.groups[0].resources) == "a@1:7 \\@1:9");
    CHECK(show(file.groups[1].owner) == "node2@2:1");
    CHECK(show(file.blank_after_backslash) == "1:9");
}

TEST_CASE("haresources: CRLF line endings are not part of any word", "[haresources]") {
    const haresources_file file = parse("# c\r\nnode1 a b\r\n");
    REQUIRE(file.groups.size() == 1);
    CHECK(show_texts(file.groups[0].resources) == "a@2:7 b@2:9");
    CHECK(show(file.comments) == "# c@1:1");
    CHECK(file.blank_after_backslash.empty());
}

TEST_CASE("haresources: a last line without a newline is read", "[haresources]") {
    const haresources_file file = parse("node1 a\nnode2 b");
    REQUIRE(file.groups.size() == 2);
    CHECK(show_texts(file.groups[1].resources) == "b@2:7");
    CHECK(file.groups[1].last_line == 2);
}

TEST_CASE("haresources: a backslash at the end of the file joins nothing", "[haresources]") {
    const haresources_file ends = parse("node1 a \\\n");
    REQUIRE(ends.groups.size() == 1);
    CHECK(ends.groups[0].last_line == 1);

    const haresources_file blank_next = parse("node1 a \\\n\nnode2 b\n");
    REQUIRE(blank_next.groups.size() == 2);
    CHECK(blank_next.groups[0].last_line == 2);
    CHECK(blank_next.groups[1].first_line == 3);
}

TEST_CASE("haresources: a group may take its owner from a continuation line", "[haresources]") {
    const haresources_file file = parse("\\\nnode1 a\n");
    REQUIRE(file.groups.size() == 1);
    CHECK(show(file.groups[0].owner) == "node1@2:1");
    CHECK(file.groups[0].first_line == 1);
    CHECK(file.groups[0].last_line == 2);
}

TEST_CASE("haresources: empty and comment-only files have no groups", "[haresources]") {
    const haresources_file empty = parse("");
    CHECK(empty.groups.empty());
    CHECK(empty.comments.empty());
    CHECK(empty.errors.empty());

    const haresources_file only_comments = parse("\n \t\n# nothing here\n");
    CHECK(only_comments.groups.empty());
    CHECK(show(only_comments.comments) == "# nothing here@3:1");
}

TEST_CASE("haresources: an owner without resources is not a syntax error", "[haresources]") {
    const haresources_file file = parse("node1\n");
    REQUIRE(file.groups.size() == 1);
    CHECK(file.groups[0].resources.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("haresources: a resource starting with '::' has no script name", "[haresources]") {
    const haresources_file file = parse("node1 ::foo::bar httpd\nnode2 :: x\n");
    REQUIRE(file.errors.size() == 2);
    CHECK(file.errors[0].where == location{"haresources", 1, 7});
    CHECK(file.errors[0].message == "resource has no script name before '::'");
    CHECK(file.errors[1].where == location{"haresources", 2, 7});
    CHECK(file.errors[1].message == "resource has no script name before '::'");

    // The lines are still in the tree, in order, as far as they go.
    REQUIRE(file.groups.size() == 2);
    const std::vector<resource_spec>& first = file.groups[0].resources;
    REQUIRE(first.size() == 2);
    CHECK(show(first[0].script) == "@1:7");
    CHECK(show(first[0].args) == "foo@1:9 bar@1:14");
    CHECK(show(first[1].script) == "httpd@1:18");
    const std::vector<resource_spec>& second = file.groups[1].resources;
    REQUIRE(second.size() == 2);
    CHECK(second[0].args.empty());
    CHECK(show(second[1].script) == "x@2:10");
}

TEST_CASE("haresources: a missing source gives an empty tree", "[haresources]") {
    const haresources_file file = parse_haresources(nullptr);
    CHECK(file.groups.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("haresources: any bytes parse, and every token is the bytes at its location",
          "[haresources]") {
    // A fixed pseudo-random sweep over the characters that matter to the grammar.
    const std::string pieces[] = {
        "1.2.3.4",           "::", ":", ".", "1", "a", "#", "\\", " ", "\t", "\n", "\r",
        std::string(1, '\0')};
    const std::vector<std::string> inputs = hakit::test::pseudo_random_inputs(pieces, 12345, 3000);
    for (std::size_t round = 0; round < inputs.size(); ++round) {
        INFO("input #" << round);
        const haresources_file file = parse(inputs[round]);
        check_all_located(file);
    }
}

TEST_CASE("haresources: every haresources file of the corpus parses", "[haresources][corpus]") {
    std::size_t parsed = 0;
    std::size_t groups = 0;
    for (const auto& [row, source] : hakit::test::read_corpus_sources("haresources")) {
        INFO(source->path());
        haresources_file file;
        REQUIRE_NOTHROW(file = parse_haresources(source));
        check_all_located(file);
        groups += file.groups.size();
        ++parsed;
    }
    CHECK(parsed == 70); // MANIFEST.tsv lists 70 haresources-kind files
    CHECK(groups > parsed);
}

TEST_CASE("haresources: a continued group of the corpus is read across its lines",
          "[haresources][corpus]") {
    std::string error;
    const hakit::shared_source source = hakit::read_source_file(
        std::string(HAKIT_SHARED_DIR) +
            "/corpus/witaloandrade-linux-sysadmin-estudos__HeartBeat/haresources",
        error);
    REQUIRE(source != nullptr);
    const haresources_file file = parse_haresources(source);
    REQUIRE(file.groups.size() == 2);
    const resource_group_line& continued = file.groups[1];
    CHECK(continued.owner.text == "server1");
    CHECK(continued.last_line == continued.first_line + 1);
    REQUIRE(continued.resources.size() == 2);
    CHECK(continued.resources[0].text.text == "drbddisk::r0");
    CHECK(continued.resources[1].script.text == "Filesystem");
    CHECK(continued.resources[1].args.size() == 3);
    CHECK(file.errors.empty());
}
