// Locations and tokens of matched input, for grammars that parse a whole file in one run (the
// input's own line and byte column are the file's).
#pragma once

#include <hakit/grammar/source.hpp>
#include <hakit/grammar/token.hpp>

#include <string>

namespace hakit::grammar::common {

template <typename ActionInput>
location location_of(const ActionInput& in, const std::string& file) {
    return location{file, in.iterator().line, in.iterator().column};
}

template <typename ActionInput> token token_of(const ActionInput& in, const std::string& file) {
    return token{in.string(), location_of(in, file)};
}

} // namespace hakit::grammar::common
