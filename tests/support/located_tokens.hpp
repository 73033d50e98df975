// Catch2 checks that what a grammar located is really there: a token is the very bytes of its
// file at its line and byte column.
#pragma once

#include <hakit/grammar/source.hpp>
#include <hakit/grammar/token.hpp>

#include <cstddef>
#include <string_view>

namespace hakit::test {

// The `size` bytes of `source` at `where`; REQUIREs that they lie within that line.
std::string_view bytes_at(const source_file& source, const location& where, std::size_t size);

// CHECKs that `piece` names `source` and that its text is the bytes at its location.
void check_located(const source_file& source, const grammar::token& piece);

} // namespace hakit::test
