// The ha.cf grammar: tokens with exact locations, Heartbeat's lexical quirks, the shapes of
// whole-line directives, and the real files of the shared corpus.
#include "support/corpus_sources.hpp"
#include "support/located_tokens.hpp"

#include <hakit/grammar/ha_cf.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace hakit::grammar::detail {
// Defined in grammar/src/ha_cf/parse.cpp: PEGTL analyze() problems of the ha.cf rules.
std::size_t ha_cf_grammar_problems();
} // namespace hakit::grammar::detail

namespace {

using hakit::grammar::ha_cf_comment;
using hakit::grammar::ha_cf_directive;
using hakit::grammar::ha_cf_file;
using hakit::grammar::ha_cf_split;
using hakit::grammar::token;

ha_cf_file parse(const std::string& text, const std::string& path = "ha.cf") {
    return hakit::grammar::parse_ha_cf(std::make_shared<const hakit::source_file>(path, text));
}

// "text"@line:column, the file name being checked once per test by every_token_is_in().
std::string show(const token& t) {
    std::string out = "\"";
    out += t.text;
    out += "\"@" + std::to_string(t.where.line) + ":" + std::to_string(t.where.column);
    return out;
}

std::string show(const ha_cf_directive& d) {
    std::string out = show(d.name);
    out += d.split == ha_cf_split::whole_line ? " whole-line" : " option-list";
    out += " rest=" + show(d.rest) + " args=[";
    for (std::size_t i = 0; i < d.args.size(); ++i) {
        out += i == 0 ? "" : " ";
        out += show(d.args[i]);
    }
    return out + "]";
}

std::string show(const ha_cf_comment& c) {
    return show(c.text) + (c.own_line ? " own-line" : " after-directive");
}

template <typename Item> std::vector<std::string> shown(const std::vector<Item>& items) {
    std::vector<std::string> out;
    for (const Item& item : items) {
        out.push_back(show(item));
    }
    return out;
}

std::vector<std::string> errors_of(const ha_cf_file& file) {
    std::vector<std::string> out;
    for (const auto& error : file.errors) {
        out.push_back(hakit::to_string(error.where) + ": " + error.message);
    }
    return out;
}

std::vector<const token*> all_tokens(const ha_cf_file& file) {
    std::vector<const token*> out;
    for (const ha_cf_directive& d : file.directives) {
        out.push_back(&d.name);
        out.push_back(&d.rest);
        for (const token& arg : d.args) {
            out.push_back(&arg);
        }
    }
    for (const ha_cf_comment& c : file.comments) {
        out.push_back(&c.text);
    }
    return out;
}

// Every token's text is exactly the source bytes at its location, in the right file.
void every_token_is_in(const ha_cf_file& file) {
    const hakit::source_file& source = *file.source;
    INFO(source.path());
    for (const token* t : all_tokens(file)) {
        hakit::test::check_located(source, *t);
    }
    for (const ha_cf_directive& d : file.directives) {
        CHECK(d.line == d.name.where.line);
        for (const token& arg : d.args) {
            CHECK_FALSE(arg.text.empty());
        }
    }
}

ha_cf_file parse_checked(const std::string& text) {
    ha_cf_file file = parse(text);
    every_token_is_in(file);
    return file;
}

using strings = std::vector<std::string>;
using namespace std::string_literals;

} // namespace

TEST_CASE("ha_cf: the grammar has no loop that can run without consuming input", "[ha_cf]") {
    CHECK(hakit::grammar::detail::ha_cf_grammar_problems() == 0);
}

TEST_CASE("ha_cf: a directive, its rest and its arguments are located", "[ha_cf]") {
    const auto file = parse_checked("keepalive 2\ndeadtime 30\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="2"@1:11 args=["2"@1:11])",
                  R"("deadtime"@2:1 option-list rest="30"@2:10 args=["30"@2:10])"});
    CHECK(file.comments.empty());
    CHECK(file.errors.empty());
    CHECK(file.directives[0].line == 1);
    CHECK(file.directives[1].line == 2);
    CHECK(file.directives[0].name.where.file == "ha.cf");
}

TEST_CASE("ha_cf: tabs separate like spaces and indentation is skipped", "[ha_cf]") {
    const auto file = parse_checked("keepalive\t\t\t1\n keepalive      1\n\t node\ta\t b\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="1"@1:13 args=["1"@1:13])",
                  R"("keepalive"@2:2 option-list rest="1"@2:17 args=["1"@2:17])",
                  "\"node\"@3:3 option-list rest=\"a\t b\"@3:8 args=[\"a\"@3:8 \"b\"@3:11]"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: option lists split on commas as well as blanks", "[ha_cf]") {
    const auto file = parse_checked("node a b,c\ndeadtime 3,4\nnode a, ,b ,\nnode ,x\n");
    CHECK(shown(file.directives) ==
          strings{R"("node"@1:1 option-list rest="a b,c"@1:6 args=["a"@1:6 "b"@1:8 "c"@1:10])",
                  R"("deadtime"@2:1 option-list rest="3,4"@2:10 args=["3"@2:10 "4"@2:12])",
                  R"("node"@3:1 option-list rest="a, ,b ,"@3:6 args=["a"@3:6 "b"@3:10])",
                  // Heartbeat skips blanks *and commas* after the name.
                  R"("node"@4:1 option-list rest="x"@4:7 args=["x"@4:7])"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: values are tokens, not checked here", "[ha_cf]") {
    const auto file = parse_checked("keepalive 1000 ms\nkeepalive 2s\nfoo bar,baz\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="1000 ms"@1:11 args=["1000"@1:11 "ms"@1:16])",
                  R"("keepalive"@2:1 option-list rest="2s"@2:11 args=["2s"@2:11])",
                  R"("foo"@3:1 option-list rest="bar,baz"@3:5 args=["bar"@3:5 "baz"@3:9])"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: directive names keep their case and may hold commas", "[ha_cf]") {
    // Heartbeat ends the name at whitespace only, so `node,a` is one (illegal) name.
    const auto file = parse_checked("Keepalive 2\nnode,a b\n");
    CHECK(shown(file.directives) ==
          strings{R"("Keepalive"@1:1 option-list rest="2"@1:11 args=["2"@1:11])",
                  R"("node,a"@2:1 option-list rest="b"@2:8 args=["b"@2:8])"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: a directive without value has an empty rest just after its name", "[ha_cf]") {
    const auto file = parse_checked("keepalive\nkeepalive   # later\nnode ,, \n");
    CHECK(shown(file.directives) == strings{R"("keepalive"@1:1 option-list rest=""@1:10 args=[])",
                                            R"("keepalive"@2:1 option-list rest=""@2:10 args=[])",
                                            R"("node"@3:1 option-list rest=""@3:5 args=[])"});
    CHECK(shown(file.comments) == strings{R"("# later"@2:13 after-directive)"});
}

TEST_CASE("ha_cf: '#' starts a comment anywhere, even inside a value", "[ha_cf]") {
    const auto file = parse_checked("# header\nkeepalive 2 #x\nlogfile /var/log/ha#x\n"
                                    "   \t# indented\nnode#a b\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@2:1 option-list rest="2"@2:11 args=["2"@2:11])",
                  R"("logfile"@3:1 option-list rest="/var/log/ha"@3:9 args=["/var/log/ha"@3:9])",
                  R"("node"@5:1 option-list rest=""@5:5 args=[])"});
    CHECK(shown(file.comments) ==
          strings{R"("# header"@1:1 own-line)", R"("#x"@2:13 after-directive)",
                  R"("#x"@3:20 after-directive)", R"("# indented"@4:5 own-line)",
                  R"("#a b"@5:5 after-directive)"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: CRLF line endings are cut and never part of a token", "[ha_cf]") {
    const auto file = parse_checked("keepalive 2\r\ndeadtime 10 \r\n# note\r\n\r\nnode a\r\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="2"@1:11 args=["2"@1:11])",
                  R"("deadtime"@2:1 option-list rest="10"@2:10 args=["10"@2:10])",
                  R"("node"@5:1 option-list rest="a"@5:6 args=["a"@5:6])"});
    CHECK(shown(file.comments) == strings{R"("# note"@3:1 own-line)"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: a lone carriage return mid-line ends the line's content", "[ha_cf]") {
    const auto file = parse_checked("keepalive 2\rdeadtime 5\nwarntime 4 # a\rb\nnode x\r# c\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="2"@1:11 args=["2"@1:11])",
                  R"("warntime"@2:1 option-list rest="4"@2:10 args=["4"@2:10])",
                  R"("node"@3:1 option-list rest="x"@3:6 args=["x"@3:6])"});
    CHECK(shown(file.comments) == strings{R"("# a"@2:12 after-directive)"});
}

TEST_CASE("ha_cf: Heartbeat's leading skip also passes a carriage return, but not a vertical tab",
          "[ha_cf]") {
    // parse_config skips " \t\n\r\f" before it cuts at '\r'; '\v' is no whitespace to it.
    const auto file = parse_checked("\r keepalive 2\n\f\tdeadtime 5\n\vwarntime 4\nnode\va\n");
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:3 option-list rest="2"@1:13 args=["2"@1:13])",
                  R"("deadtime"@2:3 option-list rest="5"@2:12 args=["5"@2:12])",
                  "\"\vwarntime\"@3:1 option-list rest=\"4\"@3:11 args=[\"4\"@3:11]",
                  "\"node\va\"@4:1 option-list rest=\"\"@4:7 args=[]"});
}

TEST_CASE("ha_cf: a NUL byte ends the line for Heartbeat's C strings", "[ha_cf]") {
    const auto file = parse_checked("keepalive 2\0 3\n\0node a\nnode b\n"s);
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="2"@1:11 args=["2"@1:11])",
                  R"("node"@3:1 option-list rest="b"@3:6 args=["b"@3:6])"});
}

TEST_CASE("ha_cf: a missing final newline and empty files are fine", "[ha_cf]") {
    const auto no_newline = parse_checked("keepalive 2\ndeadtime 10");
    CHECK(shown(no_newline.directives) ==
          strings{R"("keepalive"@1:1 option-list rest="2"@1:11 args=["2"@1:11])",
                  R"("deadtime"@2:1 option-list rest="10"@2:10 args=["10"@2:10])"});
    CHECK(no_newline.errors.empty());

    const auto ends_in_comment = parse_checked("keepalive 2 # no newline");
    CHECK(shown(ends_in_comment.comments) == strings{R"("# no newline"@1:13 after-directive)"});

    for (const std::string text : {"", "\n", "\n\n  \t\n", "\r\n"}) {
        INFO('"' << text << '"');
        const auto empty = parse_checked(text);
        CHECK(empty.directives.empty());
        CHECK(empty.comments.empty());
        CHECK(empty.errors.empty());
        CHECK(empty.source->bytes() == text);
    }
}

TEST_CASE("ha_cf: UTF-8 comments and values are located by byte column", "[ha_cf]") {
    const auto file = parse_checked("# コメント\nkeepalive 2 # 秒\nnode ノード1 b\n");
    CHECK(shown(file.comments) ==
          strings{R"("# コメント"@1:1 own-line)", R"("# 秒"@2:13 after-directive)"});
    CHECK(shown(file.directives) ==
          strings{R"("keepalive"@2:1 option-list rest="2"@2:11 args=["2"@2:11])",
                  R"("node"@3:1 option-list rest="ノード1 b"@3:6 args=["ノード1"@3:6 "b"@3:17])"});
}

TEST_CASE("ha_cf: which directives take the whole line", "[ha_cf]") {
    using hakit::grammar::is_whole_line_directive;
    for (const char* name : {"stonith", "stonith_host", "apiauth", "respawn", "failfast", "mcast",
                             "mcast6", "ucast", "ucast6", "ping_group"}) {
        INFO(name);
        CHECK(is_whole_line_directive(name));
    }
    for (const char* name :
         {"bcast", "ping", "ping6", "serial", "node", "keepalive", "Ucast", "UCAST", "ucast7",
          "ucast ", "ucast,", "stonith_hostx", "mcast4", "ping_groups", ""}) {
        INFO('"' << name << '"');
        CHECK_FALSE(is_whole_line_directive(name));
    }
}

TEST_CASE("ha_cf: whole-line directives split on blanks only", "[ha_cf]") {
    const auto file = parse_checked("respawn hacluster /usr/lib/heartbeat/ipfail -a b,c\n"
                                    "apiauth ipfail gid=haclient uid=hacluster,root\n"
                                    "ucast ,eth0 10.0.0.2\n"
                                    "ucast eth0 10.0.0.2 ignored # peer\n"
                                    "stonith_host * baytech 10.0.0.3 mylogin\n"
                                    "ucast, eth0\n");
    CHECK(
        shown(file.directives) ==
        strings{R"("respawn"@1:1 whole-line rest="hacluster /usr/lib/heartbeat/ipfail -a b,c"@1:9 )"
                R"(args=["hacluster"@1:9 "/usr/lib/heartbeat/ipfail"@1:19 "-a"@1:45 "b,c"@1:48])",
                R"("apiauth"@2:1 whole-line rest="ipfail gid=haclient uid=hacluster,root"@2:9 )"
                R"(args=["ipfail"@2:9 "gid=haclient"@2:16 "uid=hacluster,root"@2:29])",
                // Heartbeat skips blanks and commas after the name, whatever the class.
                R"("ucast"@3:1 whole-line rest="eth0 10.0.0.2"@3:8 )"
                R"(args=["eth0"@3:8 "10.0.0.2"@3:13])",
                R"("ucast"@4:1 whole-line rest="eth0 10.0.0.2 ignored"@4:7 )"
                R"(args=["eth0"@4:7 "10.0.0.2"@4:12 "ignored"@4:21])",
                R"("stonith_host"@5:1 whole-line rest="* baytech 10.0.0.3 mylogin"@5:14 )"
                R"(args=["*"@5:14 "baytech"@5:16 "10.0.0.3"@5:24 "mylogin"@5:33])",
                // `ucast,` is another (illegal) name, so an option list.
                R"("ucast,"@6:1 option-list rest="eth0"@6:8 args=["eth0"@6:8])"});
    CHECK(file.errors.empty());
}

TEST_CASE("ha_cf: complete whole-line directives have no shape error", "[ha_cf]") {
    const auto file = parse_checked("ucast eth0 10.0.0.1\n"
                                    "ucast6 eth0 fe80::1\n"
                                    "mcast eth0 239.0.0.1 694 1 0\n"
                                    "mcast6 eth0 ff02::1 694 1 0\n"
                                    "ping_group group1 10.0.0.1 10.0.0.2\n"
                                    "respawn hacluster /usr/lib/heartbeat/ipfail\n"
                                    "failfast hacluster /usr/lib/heartbeat/ipfail\n"
                                    "stonith baytech /etc/ha.d/conf/stonith.baytech\n"
                                    "stonith_host * baytech 10.0.0.3 mylogin secret\n"
                                    "apiauth ipfail uid=hacluster\n"
                                    "apiauth anon uid=root gid=haclient\n"
                                    "apiauth ping gid=\n");
    CHECK(file.directives.size() == 12);
    CHECK(errors_of(file).empty());
}

TEST_CASE("ha_cf: a missing field is reported just after the last field present", "[ha_cf]") {
    struct shape_case {
        std::string line;
        std::string error;
    };
    const std::vector<shape_case> cases = {
        {"ucast", "ha.cf:1:6: ucast is missing DEV (expected: ucast DEV PEER)"},
        {"ucast eth0", "ha.cf:1:11: ucast is missing PEER (expected: ucast DEV PEER)"},
        {"  ucast\teth0   # peer later",
         "ha.cf:1:13: ucast is missing PEER (expected: ucast DEV PEER)"},
        {"ucast , ", "ha.cf:1:6: ucast is missing DEV (expected: ucast DEV PEER)"},
        {"ucast6", "ha.cf:1:7: ucast6 is missing DEV (expected: ucast6 DEV PEER)"},
        {"ucast6 eth0", "ha.cf:1:12: ucast6 is missing PEER (expected: ucast6 DEV PEER)"},
        {"mcast", "ha.cf:1:6: mcast is missing DEV (expected: mcast DEV GROUP PORT TTL LOOP)"},
        {"mcast eth0",
         "ha.cf:1:11: mcast is missing GROUP (expected: mcast DEV GROUP PORT TTL LOOP)"},
        {"mcast eth0 239.0.0.1",
         "ha.cf:1:21: mcast is missing PORT (expected: mcast DEV GROUP PORT TTL LOOP)"},
        {"mcast eth0 239.0.0.1 694",
         "ha.cf:1:25: mcast is missing TTL (expected: mcast DEV GROUP PORT TTL LOOP)"},
        {"mcast eth0 239.0.0.1 694 1",
         "ha.cf:1:27: mcast is missing LOOP (expected: mcast DEV GROUP PORT TTL LOOP)"},
        {"mcast6", "ha.cf:1:7: mcast6 is missing DEV (expected: mcast6 DEV GROUP PORT HOPS LOOP)"},
        {"mcast6 eth0",
         "ha.cf:1:12: mcast6 is missing GROUP (expected: mcast6 DEV GROUP PORT HOPS LOOP)"},
        {"mcast6 eth0 ff02::1",
         "ha.cf:1:20: mcast6 is missing PORT (expected: mcast6 DEV GROUP PORT HOPS LOOP)"},
        {"mcast6 eth0 ff02::1 694",
         "ha.cf:1:24: mcast6 is missing HOPS (expected: mcast6 DEV GROUP PORT HOPS LOOP)"},
        {"mcast6 eth0 ff02::1 694 1",
         "ha.cf:1:26: mcast6 is missing LOOP (expected: mcast6 DEV GROUP PORT HOPS LOOP)"},
        {"ping_group",
         "ha.cf:1:11: ping_group is missing NAME (expected: ping_group NAME HOST [HOST...])"},
        {"ping_group group1",
         "ha.cf:1:18: ping_group is missing HOST (expected: ping_group NAME HOST [HOST...])"},
        {"respawn",
         "ha.cf:1:8: respawn is missing USER (expected: respawn USER COMMAND [ARGS...])"},
        {"respawn hacluster",
         "ha.cf:1:18: respawn is missing COMMAND (expected: respawn USER COMMAND [ARGS...])"},
        {"failfast",
         "ha.cf:1:9: failfast is missing USER (expected: failfast USER COMMAND [ARGS...])"},
        {"failfast hacluster",
         "ha.cf:1:19: failfast is missing COMMAND (expected: failfast USER COMMAND [ARGS...])"},
        {"stonith", "ha.cf:1:8: stonith is missing TYPE (expected: stonith TYPE CONFIGFILE)"},
        {"stonith baytech",
         "ha.cf:1:16: stonith is missing CONFIGFILE (expected: stonith TYPE CONFIGFILE)"},
        {"stonith_host",
         "ha.cf:1:13: stonith_host is missing HOST (expected: stonith_host HOST TYPE [PARAMS...])"},
        {"stonith_host *",
         "ha.cf:1:15: stonith_host is missing TYPE (expected: stonith_host HOST TYPE [PARAMS...])"},
        {"apiauth",
         "ha.cf:1:8: apiauth is missing CLIENT (expected: apiauth CLIENT [uid=U,...] [gid=G,...])"},
        {"apiauth ipfail", "ha.cf:1:15: apiauth is missing uid= or gid= (expected: apiauth CLIENT "
                           "[uid=U,...] [gid=G,...])"},
        {"apiauth ipfail #uid=x", "ha.cf:1:15: apiauth is missing uid= or gid= (expected: apiauth "
                                  "CLIENT [uid=U,...] [gid=G,...])"},
    };
    for (const shape_case& c : cases) {
        INFO(c.line);
        const auto file = parse_checked(c.line + "\n");
        CHECK(errors_of(file) == strings{c.error});
        CHECK(file.directives.size() == 1);
    }
}

TEST_CASE("ha_cf: apiauth takes only uid= and gid= lists after the client", "[ha_cf]") {
    const std::string message = "apiauth takes only uid=... and gid=... after the client name";
    CHECK(errors_of(parse_checked("apiauth ipfail foo\n")) == strings{"ha.cf:1:16: " + message});
    CHECK(errors_of(parse_checked("apiauth ipfail UID=root\n")) ==
          strings{"ha.cf:1:16: " + message});
    const auto file = parse_checked("apiauth ipfail uid=hacluster bar gid=haclient\n");
    CHECK(errors_of(file) == strings{"ha.cf:1:30: " + message});
    // The directive keeps every word, including those after the bad one.
    CHECK(shown(file.directives) ==
          strings{R"("apiauth"@1:1 whole-line rest="ipfail uid=hacluster bar gid=haclient"@1:9 )"
                  R"(args=["ipfail"@1:9 "uid=hacluster"@1:16 "bar"@1:30 "gid=haclient"@1:34])"});
}

TEST_CASE("ha_cf: a directive with a shape error keeps the fields it has", "[ha_cf]") {
    const auto file = parse_checked("mcast eth0 239.0.0.1 694 1 # no loop\n");
    CHECK(shown(file.directives) ==
          strings{R"("mcast"@1:1 whole-line rest="eth0 239.0.0.1 694 1"@1:7 )"
                  R"(args=["eth0"@1:7 "239.0.0.1"@1:12 "694"@1:22 "1"@1:26])"});
    CHECK(shown(file.comments) == strings{R"("# no loop"@1:28 after-directive)"});
    CHECK(errors_of(file) ==
          strings{"ha.cf:1:27: mcast is missing LOOP (expected: mcast DEV GROUP PORT TTL LOOP)"});
}

TEST_CASE("ha_cf: every bad line is reported and the good ones still parsed", "[ha_cf]") {
    const auto file =
        parse("ucast eth0\nkeepalive 2\nmcast eth1 239.0.0.1\r\nping_group g\n", "/etc/ha.d/ha.cf");
    every_token_is_in(file);
    CHECK(errors_of(file) ==
          strings{"/etc/ha.d/ha.cf:1:11: ucast is missing PEER (expected: ucast DEV PEER)",
                  "/etc/ha.d/ha.cf:3:21: mcast is missing PORT (expected: mcast DEV GROUP PORT "
                  "TTL LOOP)",
                  "/etc/ha.d/ha.cf:4:13: ping_group is missing HOST (expected: ping_group NAME "
                  "HOST [HOST...])"});
    REQUIRE(file.directives.size() == 4);
    CHECK(file.directives[1].name.text == "keepalive");
    CHECK(file.directives[1].args.size() == 1);
}

TEST_CASE("ha_cf: a line past Heartbeat's 5119-byte buffer is an error but parsed whole",
          "[ha_cf]") {
    const std::string message = "line is longer than Heartbeat's 5119-byte line buffer; "
                                "Heartbeat would read the rest as a new line";
    const std::string long_comment = "# " + std::string(5198, 'x'); // 5200 bytes
    const auto file = parse_checked(long_comment + "\nkeepalive 2\n");
    CHECK(errors_of(file) == strings{"ha.cf:1:5120: " + message});
    REQUIRE(file.comments.size() == 1);
    CHECK(file.comments[0].text.text == long_comment);
    CHECK(file.directives.size() == 1);

    const std::string long_value(6000, 'a');
    const auto directive = parse_checked("node " + long_value + " b\n");
    CHECK(errors_of(directive) == strings{"ha.cf:1:5120: " + message});
    REQUIRE(directive.directives.size() == 1);
    REQUIRE(directive.directives[0].args.size() == 2);
    CHECK(directive.directives[0].args[0].text == long_value);
    CHECK(directive.directives[0].args[1].where.column == 6007);

    // Exactly 5119 bytes fit, also with a CRLF; one more byte does not.
    const std::string fits = "node " + std::string(5114, 'a');
    CHECK(parse_checked(fits + "\n").errors.empty());
    CHECK(parse_checked(fits + "\r\n").errors.empty());
    CHECK(parse_checked(fits).errors.empty());
    CHECK(errors_of(parse_checked(fits + "a\r\n")) == strings{"ha.cf:1:5120: " + message});

    // Both errors of one line, in column order.
    const auto both = parse_checked("ucast" + std::string(5200, ' ') + "# c\n");
    CHECK(errors_of(both) == strings{"ha.cf:1:6: ucast is missing DEV (expected: ucast DEV PEER)",
                                     "ha.cf:1:5120: " + message});
}

TEST_CASE("ha_cf: arbitrary bytes never throw and every token points at its bytes", "[ha_cf]") {
    // Deterministic random lines built from the bytes the grammar cares about.
    const std::vector<std::string> pieces = {" ",
                                             "\t",
                                             "\f",
                                             "\v",
                                             "\r",
                                             "\n",
                                             std::string(1, '\0'),
                                             "#",
                                             ",",
                                             "=",
                                             "uid=",
                                             "gid=",
                                             "ucast",
                                             "mcast",
                                             "mcast6",
                                             "apiauth",
                                             "respawn",
                                             "stonith",
                                             "stonith_host",
                                             "ping_group",
                                             "node",
                                             "keepalive",
                                             "2",
                                             "eth0",
                                             "\xe6\x97\xa5",
                                             "\xff",
                                             "a"};
    std::mt19937 random(20240601);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<std::size_t> length(0, 40);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        for (std::size_t n = length(random); n > 0; --n) {
            text += pieces[pick(random)];
        }
        INFO("round " << round);
        ha_cf_file file;
        REQUIRE_NOTHROW(file = parse(text));
        every_token_is_in(file);
        for (const auto& error : file.errors) {
            CHECK(error.where.line >= 1);
            CHECK(error.where.column >= 1);
        }
    }
}

TEST_CASE("ha_cf: every ha.cf of the shared corpus parses with exact token locations",
          "[ha_cf][corpus]") {
    std::size_t parsed = 0;
    std::size_t directives = 0;
    for (const auto& [row, source] : hakit::test::read_corpus_sources("ha.cf")) {
        INFO(source->path());
        ha_cf_file file;
        REQUIRE_NOTHROW(file = hakit::grammar::parse_ha_cf(source));
        every_token_is_in(file);
        directives += file.directives.size();
        ++parsed;
    }
    CHECK(parsed >= 100);
    CHECK(directives >= 1000);
}

TEST_CASE("ha_cf: the corpus's ucast without a peer is found", "[ha_cf][corpus]") {
    const std::string path =
        std::string(HAKIT_SHARED_DIR) + "/corpus/giangtph-aci-k8s__root/ha.cf.j2";
    std::string error;
    const hakit::shared_source source = hakit::read_source_file(path, error);
    REQUIRE(source != nullptr);
    const auto file = hakit::grammar::parse_ha_cf(source);
    CHECK(errors_of(file) ==
          strings{path + ":14:17: ucast is missing PEER (expected: ucast DEV PEER)"});
}
