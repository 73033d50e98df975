// A piece of source text with the position of its first byte.
#pragma once

#include <hakit/grammar/source.hpp>

#include <string>

namespace hakit::grammar {

struct token {
    std::string text;
    location where;

    friend bool operator==(const token&, const token&) = default;
};

// A problem the grammar itself found (the line is kept in the tree as far as it parsed).
struct syntax_error {
    location where;
    std::string message;
};

} // namespace hakit::grammar
