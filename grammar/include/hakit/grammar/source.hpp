// A configuration file read once into memory, and positions inside it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hakit {

// A position in a file: 1-based line, 1-based *byte* column (PEGTL counts bytes).
struct location {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;

    friend bool operator==(const location&, const location&) = default;
};

// "file:line:column", the shape editors and CI annotators parse.
std::string to_string(const location& where);

// The bytes of one file exactly as read (CRLF, missing final newline, NUL bytes kept).
class source_file {
  public:
    source_file(std::string path, std::string bytes);

    const std::string& path() const { return path_; }
    const std::string& bytes() const { return bytes_; }

    // Number of physical lines (a final line without newline counts).
    std::size_t line_count() const { return line_starts_.size(); }
    // Text of a 1-based line without its "\n" or "\r\n"; empty when out of range.
    std::string_view line_text(std::size_t line) const;
    bool ends_with_newline() const;

  private:
    std::string path_;
    std::string bytes_;
    std::vector<std::size_t> line_starts_;
};

using shared_source = std::shared_ptr<const source_file>;

// Reads a whole file. On failure returns nullptr and sets `error` to a readable reason.
shared_source read_source_file(const std::string& path, std::string& error);

} // namespace hakit
