// Syntax tree of /etc/ha.d/authkeys, read the way Heartbeat 3.0.6's parse_authfile reads it:
// `auth %d` for lines starting with 'a' (so "auth1" is accepted), `%d%s%s` for the rest
// (only three tokens; "1 crc # x" makes '#' the key).
#pragma once

#include <hakit/grammar/source.hpp>
#include <hakit/grammar/token.hpp>

#include <cstddef>
#include <optional>
#include <variant>
#include <vector>

namespace hakit::grammar {

struct auth_directive {
    token keyword;  // "auth"
    token index;    // the digits (with sign if any) as written
    long value = 0; // index as sscanf %d reads it
    std::size_t line = 0;
};

struct key_entry {
    token index;
    long value = 0;
    token method;               // case kept; Heartbeat's plugin names are case-sensitive
    std::optional<token> key;   // third token; a secret: never print its text
    std::vector<token> ignored; // words after the key, which Heartbeat never reads
    std::size_t line = 0;
};

using authkeys_entry = std::variant<auth_directive, key_entry>;

struct authkeys_file {
    shared_source source;
    std::vector<authkeys_entry> entries; // file order matters: `auth N` must precede key N
    std::vector<token> comments;
    std::vector<syntax_error> errors;
};

authkeys_file parse_authkeys(const shared_source& source);

} // namespace hakit::grammar
