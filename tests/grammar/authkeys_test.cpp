#include "support/corpus_sources.hpp"
#include "support/located_tokens.hpp"
#include "support/pseudo_random_inputs.hpp"

#include <hakit/grammar/authkeys.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace hakit::grammar::detail {
std::size_t authkeys_grammar_problems(); // grammar/src/authkeys/parse.cpp
} // namespace hakit::grammar::detail

namespace {

using namespace hakit::grammar;
using hakit::location;
using hakit::source_file;
using hakit::test::check_located;

const char* const invalid_auth = "invalid auth line (expected: auth N)";
const char* const invalid_key = "invalid key line (expected: INDEX METHOD [KEY])";

authkeys_file parse(std::string bytes) {
    return parse_authkeys(std::make_shared<const source_file>("authkeys", std::move(bytes)));
}

// "text@line:column": one string per token, so a failed CHECK shows what was found.
std::string show(const token& piece) {
    return piece.text + "@" + std::to_string(piece.where.line) + ":" +
           std::to_string(piece.where.column);
}

std::string show(const std::vector<token>& pieces) {
    std::string shown;
    for (const token& piece : pieces) {
        shown += (shown.empty() ? "" : " ") + show(piece);
    }
    return shown;
}

std::string show(const syntax_error& error) {
    return std::to_string(error.where.line) + ":" + std::to_string(error.where.column) + " " +
           error.message;
}

const auth_directive& auth_at(const authkeys_file& file, std::size_t index) {
    REQUIRE(index < file.entries.size());
    REQUIRE(std::holds_alternative<auth_directive>(file.entries[index]));
    return std::get<auth_directive>(file.entries[index]);
}

const key_entry& key_at(const authkeys_file& file, std::size_t index) {
    REQUIRE(index < file.entries.size());
    REQUIRE(std::holds_alternative<key_entry>(file.entries[index]));
    return std::get<key_entry>(file.entries[index]);
}

// Every token is the bytes at its location, and no error message quotes a key.
void check_all_located(const authkeys_file& file) {
    const source_file& source = *file.source;
    std::vector<std::string> keys;
    for (const authkeys_entry& entry : file.entries) {
        if (const auto* auth = std::get_if<auth_directive>(&entry)) {
            check_located(source, auth->keyword);
            check_located(source, auth->index);
            CHECK(auth->keyword.text == "auth");
            CHECK(auth->line == auth->keyword.where.line);
        } else {
            const key_entry& key = std::get<key_entry>(entry);
            check_located(source, key.index);
            check_located(source, key.method);
            CHECK(key.line == key.index.where.line);
            if (key.key) {
                check_located(source, *key.key);
                keys.push_back(key.key->text);
            }
            for (const token& word : key.ignored) {
                check_located(source, word);
            }
        }
    }
    for (const token& comment : file.comments) {
        check_located(source, comment);
    }
    for (const syntax_error& error : file.errors) {
        CHECK(error.where.file == source.path());
        CHECK(error.where.line <= source.line_count());
        CHECK((error.message == invalid_auth || error.message == invalid_key));
    }
}

} // namespace

TEST_CASE("authkeys: the grammar passes PEGTL's analyze()", "[authkeys]") {
    CHECK(detail::authkeys_grammar_problems() == 0);
}

TEST_CASE("authkeys: an auth line and a key line, each located", "[authkeys]") {
    const authkeys_file file = parse("auth 1\n1 sha1 s3cret\n");
    REQUIRE(file.entries.size() == 2);
    const auth_directive& auth = auth_at(file, 0);
    CHECK(auth.keyword == token{"auth", location{"authkeys", 1, 1}});
    CHECK(show(auth.index) == "1@1:6");
    CHECK(auth.value == 1);
    CHECK(auth.line == 1);
    const key_entry& key = key_at(file, 1);
    CHECK(show(key.index) == "1@2:1");
    CHECK(key.value == 1);
    CHECK(show(key.method) == "sha1@2:3");
    REQUIRE(key.key.has_value());
    CHECK(show(*key.key) == "s3cret@2:8");
    CHECK(key.ignored.empty());
    CHECK(key.line == 2);
    CHECK(file.comments.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: 'auth %d' accepts auth1, tabs, signs and trailing text", "[authkeys]") {
    const authkeys_file file = parse("auth1\n  auth\t3\nauth 2 # or 3 md5\nauth+4\nauth -1\n");
    REQUIRE(file.entries.size() == 5);
    CHECK(show(auth_at(file, 0).index) == "1@1:5");
    CHECK(auth_at(file, 0).value == 1);
    CHECK(show(auth_at(file, 1).keyword) == "auth@2:3");
    CHECK(show(auth_at(file, 1).index) == "3@2:8");
    CHECK(show(auth_at(file, 2).index) == "2@3:6");
    CHECK(auth_at(file, 2).value == 2);
    CHECK(show(auth_at(file, 3).index) == "+4@4:5");
    CHECK(auth_at(file, 3).value == 4);
    CHECK(auth_at(file, 4).value == -1);
    // Heartbeat never reads past the number: "# or 3 md5" is neither a comment nor an error.
    CHECK(file.comments.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: a key line reads only three fields", "[authkeys]") {
    const authkeys_file file = parse("1 crc # comment\n1sha1 key\n2 md5 k # x y\n3\tcrc\n");
    REQUIRE(file.entries.size() == 4);
    const key_entry& crc = key_at(file, 0);
    CHECK(show(crc.method) == "crc@1:3");
    REQUIRE(crc.key.has_value());
    CHECK(show(*crc.key) == "#@1:7"); // Heartbeat then refuses: crc takes no key
    CHECK(show(crc.ignored) == "comment@1:9");

    const key_entry& glued = key_at(file, 1);
    CHECK(show(glued.index) == "1@2:1");
    CHECK(show(glued.method) == "sha1@2:2");
    CHECK(show(*glued.key) == "key@2:7");

    CHECK(show(key_at(file, 2).ignored) == "#@3:9 x@3:11 y@3:13");
    CHECK_FALSE(key_at(file, 3).key.has_value());
    CHECK(show(key_at(file, 3).method) == "crc@4:3");
    CHECK(file.comments.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: '#' lines and blank lines are skipped, comments kept", "[authkeys]") {
    const authkeys_file file = parse("# a\n\n   \n\t# b\r\n \f\r\n");
    CHECK(file.entries.empty());
    CHECK(show(file.comments) == "# a@1:1 # b@4:2");
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: CRLF is whitespace and never part of a token", "[authkeys]") {
    const authkeys_file file = parse("auth 2\r\n2 sha1 k\r\n3 crc\r\n");
    REQUIRE(file.entries.size() == 3);
    CHECK(show(auth_at(file, 0).index) == "2@1:6");
    CHECK(show(*key_at(file, 1).key) == "k@2:8");
    CHECK(show(key_at(file, 2).method) == "crc@3:3");
    CHECK_FALSE(key_at(file, 2).key.has_value());
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: a last line without a newline is read", "[authkeys]") {
    const authkeys_file file = parse("auth 1\n1 md5 abc");
    REQUIRE(file.entries.size() == 2);
    CHECK(show(*key_at(file, 1).key) == "abc@2:7");
}

TEST_CASE("authkeys: an empty file has no entries", "[authkeys]") {
    const authkeys_file file = parse("");
    CHECK(file.entries.empty());
    CHECK(file.comments.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: a line starting with 'a' must be 'auth N'", "[authkeys]") {
    const authkeys_file file = parse("abc 3\n  auth x\nauth\nauthx 1\nauth - 1\n");
    CHECK(file.entries.empty());
    REQUIRE(file.errors.size() == 5);
    CHECK(show(file.errors[0]) == std::string("1:1 ") + invalid_auth);
    CHECK(show(file.errors[1]) == std::string("2:3 ") + invalid_auth);
    CHECK(show(file.errors[2]) == std::string("3:1 ") + invalid_auth);
    CHECK(show(file.errors[3]) == std::string("4:1 ") + invalid_auth);
    CHECK(show(file.errors[4]) == std::string("5:1 ") + invalid_auth);
}

TEST_CASE("authkeys: any other line must be 'INDEX METHOD [KEY]'", "[authkeys]") {
    const authkeys_file file = parse("hello world\n 1\n2   \n+ 1 sha1 k\nsha1 1 k\n");
    CHECK(file.entries.empty());
    REQUIRE(file.errors.size() == 5);
    CHECK(show(file.errors[0]) == std::string("1:1 ") + invalid_key);
    CHECK(show(file.errors[1]) == std::string("2:2 ") + invalid_key);
    CHECK(show(file.errors[2]) == std::string("3:1 ") + invalid_key);
    CHECK(show(file.errors[3]) == std::string("4:1 ") + invalid_key);
    CHECK(show(file.errors[4]) == std::string("5:1 ") + invalid_key);
}

TEST_CASE("authkeys: a bad line never hides the next one", "[authkeys]") {
    const authkeys_file file = parse("abc\nauth 1\n1 hello\nx sha1 topsecret\n1 sha1 k\n");
    REQUIRE(file.errors.size() == 2);
    CHECK(show(file.errors[0]) == std::string("1:1 ") + invalid_auth);
    CHECK(show(file.errors[1]) == std::string("4:1 ") + invalid_key);
    // Entries of the good lines only, nothing left over from the bad ones.
    REQUIRE(file.entries.size() == 3);
    CHECK(auth_at(file, 0).line == 2);
    CHECK(show(key_at(file, 1).method) == "hello@3:3");
    CHECK_FALSE(key_at(file, 1).key.has_value());
    CHECK(show(*key_at(file, 2).key) == "k@5:8");
    for (const syntax_error& error : file.errors) {
        CHECK(error.message.find("topsecret") == std::string::npos);
    }
}

TEST_CASE("authkeys: absurd indices are clamped to the range of long", "[authkeys]") {
    const authkeys_file file =
        parse("auth 99999999999999999999999\n-99999999999999999999 crc\n2147483648 crc\n"
              "auth 007\n");
    REQUIRE(file.entries.size() == 4);
    CHECK(auth_at(file, 0).value == std::numeric_limits<long>::max());
    CHECK(show(auth_at(file, 0).index) == "99999999999999999999999@1:6");
    CHECK(key_at(file, 1).value == std::numeric_limits<long>::min());
    CHECK(key_at(file, 2).value == 2147483648L);
    CHECK(auth_at(file, 3).value == 7);
}

TEST_CASE("authkeys: a vertical tab is skipped by sscanf but not before the first character",
          "[authkeys]") {
    const authkeys_file file = parse("\v1 crc\n\v# x\n\vauth 1\n");
    REQUIRE(file.entries.size() == 1);
    CHECK(show(key_at(file, 0).index) == "1@1:2");
    REQUIRE(file.errors.size() == 2);
    CHECK(show(file.errors[0]) == std::string("2:1 ") + invalid_key);
    CHECK(show(file.errors[1]) == std::string("3:1 ") + invalid_key);
    CHECK(file.comments.empty());
}

TEST_CASE("authkeys: a NUL byte ends what Heartbeat reads of a line", "[authkeys]") {
    const authkeys_file file = parse(std::string("1 sha1 ke\0y more\n\0auth x\nauth\0 1\n", 33));
    REQUIRE(file.entries.size() == 1);
    CHECK(show(*key_at(file, 0).key) == "ke@1:8");
    CHECK(key_at(file, 0).ignored.empty());
    REQUIRE(file.errors.size() == 1);
    CHECK(show(file.errors[0]) == std::string("3:1 ") + invalid_auth);
}

TEST_CASE("authkeys: a missing source gives an empty tree", "[authkeys]") {
    const authkeys_file file = parse_authkeys(nullptr);
    CHECK(file.entries.empty());
    CHECK(file.errors.empty());
}

TEST_CASE("authkeys: any bytes parse, and every token is the bytes at its location", "[authkeys]") {
    // A fixed pseudo-random sweep over the characters that matter to the grammar.
    const std::string pieces[] = {" ", "\t",   "\n", "\r", "\v", "\f",   "#",
                                  "a", "auth", "1",  "+",  "-",  "sha1", std::string(1, '\0')};
    const std::vector<std::string> inputs = hakit::test::pseudo_random_inputs(pieces, 54321, 3000);
    for (std::size_t round = 0; round < inputs.size(); ++round) {
        INFO("input #" << round);
        const authkeys_file file = parse(inputs[round]);
        check_all_located(file);
    }
}

TEST_CASE("authkeys: every authkeys file of the corpus parses", "[authkeys][corpus]") {
    std::size_t parsed = 0;
    for (const auto& [row, source] : hakit::test::read_corpus_sources("authkeys")) {
        INFO(source->path());
        authkeys_file file;
        REQUIRE_NOTHROW(file = parse_authkeys(source));
        check_all_located(file);
        // Real (non-template) files are well-formed, each with an auth line and a key line.
        if (row.kind == "plain") {
            CHECK(file.errors.empty());
            std::size_t auth_lines = 0;
            for (const authkeys_entry& entry : file.entries) {
                auth_lines += std::holds_alternative<auth_directive>(entry) ? 1U : 0U;
            }
            CHECK(auth_lines >= 1);
            CHECK(file.entries.size() > auth_lines);
        }
        ++parsed;
    }
    CHECK(parsed == 59); // MANIFEST.tsv lists 59 authkeys-kind files
}
