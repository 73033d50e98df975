#include "support/located_tokens.hpp"

#include <catch2/catch.hpp>

namespace hakit::test {

std::string_view bytes_at(const source_file& source, const location& where, std::size_t size) {
    REQUIRE(where.line >= 1);
    REQUIRE(where.line <= source.line_count());
    const std::string_view line = source.line_text(where.line);
    REQUIRE(where.column >= 1);
    REQUIRE(where.column - 1 + size <= line.size());
    return line.substr(where.column - 1, size);
}

void check_located(const source_file& source, const grammar::token& piece) {
    INFO("token \"" << piece.text << "\"@" << piece.where.line << ":" << piece.where.column);
    CHECK(piece.where.file == source.path());
    CHECK(bytes_at(source, piece.where, piece.text.size()) == piece.text);
}

} // namespace hakit::test
