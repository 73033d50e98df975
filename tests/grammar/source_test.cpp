#include <hakit/grammar/source.hpp>

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

using hakit::source_file;

// A scratch directory of its own, removed with everything in it.
class scratch_dir {
  public:
    scratch_dir()
        : path_(std::filesystem::temp_directory_path() /
                ("hakit-source-test-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~scratch_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;

    std::string write(const std::string& name, const std::string& bytes) const {
        const std::filesystem::path file = path_ / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file.string();
    }
    std::string path() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

} // namespace

TEST_CASE("source: CRLF line endings are not part of the line text", "[source]") {
    const source_file source("f", "a b\r\nc\r\n");
    CHECK(source.line_count() == 2);
    CHECK(source.line_text(1) == "a b");
    CHECK(source.line_text(2) == "c");
    CHECK(source.ends_with_newline());
    CHECK(source.bytes() == "a b\r\nc\r\n");
}

TEST_CASE("source: a CR that does not end a CRLF stays in the line text", "[source]") {
    CHECK(source_file("f", "a\rb\n").line_text(1) == "a\rb");
    CHECK(source_file("f", "a\r\r\n").line_text(1) == "a\r");
    const source_file last("f", "x\ny\r");
    CHECK(last.line_count() == 2);
    CHECK(last.line_text(2) == "y\r");
}

TEST_CASE("source: a last line without a newline is still a line", "[source]") {
    const source_file source("f", "one\ntwo");
    CHECK(source.line_count() == 2);
    CHECK(source.line_text(2) == "two");
    CHECK_FALSE(source.ends_with_newline());
}

TEST_CASE("source: an empty file has no lines", "[source]") {
    const source_file source("f", "");
    CHECK(source.line_count() == 0);
    CHECK(source.line_text(1).empty());
    CHECK_FALSE(source.ends_with_newline());
}

TEST_CASE("source: line_count counts empty lines but not the end after a final newline",
          "[source]") {
    CHECK(source_file("f", "\n").line_count() == 1);
    CHECK(source_file("f", "\n\n").line_count() == 2);
    const source_file source("f", "a\n\nb\n");
    CHECK(source.line_count() == 3);
    CHECK(source.line_text(1) == "a");
    CHECK(source.line_text(2).empty());
    CHECK(source.line_text(3) == "b");
}

TEST_CASE("source: lines out of range are empty", "[source]") {
    const source_file source("f", "a\nb\n");
    CHECK(source.line_text(0).empty());
    CHECK(source.line_text(3).empty());
}

TEST_CASE("source: NUL bytes are kept", "[source]") {
    const source_file source("f", std::string("a\0b\nc", 5));
    CHECK(source.bytes().size() == 5);
    CHECK(source.line_text(1) == std::string_view("a\0b", 3));
    CHECK(source.line_text(2) == "c");
}

TEST_CASE("source: a location prints as file:line:column", "[source]") {
    CHECK(hakit::to_string(hakit::location{"ha.d/ha.cf", 3, 17}) == "ha.d/ha.cf:3:17");
}

TEST_CASE("source: read_source_file keeps the bytes exactly", "[source]") {
    const scratch_dir dir;
    const std::string bytes("auth 1\r\n1 sha1 k\0ey\r\nlast", 25);
    const std::string path = dir.write("authkeys", bytes);
    std::string error = "untouched";
    const hakit::shared_source source = hakit::read_source_file(path, error);
    REQUIRE(source != nullptr);
    CHECK(source->path() == path);
    CHECK(source->bytes() == bytes);
    CHECK(source->line_count() == 3);
    CHECK(source->line_text(2) == std::string_view("1 sha1 k\0ey", 11));
    CHECK(error == "untouched");
}

TEST_CASE("source: read_source_file reads an empty file", "[source]") {
    const scratch_dir dir;
    std::string error;
    const hakit::shared_source source = hakit::read_source_file(dir.write("empty", ""), error);
    REQUIRE(source != nullptr);
    CHECK(source->bytes().empty());
    CHECK(source->line_count() == 0);
}

TEST_CASE("source: read_source_file reports a missing file", "[source]") {
    const scratch_dir dir;
    std::string error;
    CHECK(hakit::read_source_file(dir.path() + "/no-such-file", error) == nullptr);
    CHECK(error == std::strerror(ENOENT));
}

TEST_CASE("source: read_source_file refuses a directory", "[source]") {
    const scratch_dir dir;
    std::string error;
    CHECK(hakit::read_source_file(dir.path(), error) == nullptr);
    CHECK(error == "is a directory");
}
