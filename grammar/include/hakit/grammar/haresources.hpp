// Syntax tree of /etc/ha.d/haresources, normalised the way Heartbeat's ResourceManager does
// (reference §2.3): '#' strips the rest of a line, '\' immediately before the newline joins
// the next physical line, and on such a continuation line '#' is *not* a comment.
#pragma once

#include <hakit/grammar/source.hpp>
#include <hakit/grammar/token.hpp>

#include <cstddef>
#include <vector>

namespace hakit::grammar {

struct resource_spec {
    token text;              // the whole token as written, e.g. "Filesystem::/dev/sda1::/data"
    token script;            // "Filesystem"; "IPaddr" for a bare IP (then located at the IP)
    std::vector<token> args; // split on "::"; for a bare IP the one argument is the token itself
    bool bare_ip = false;    // matched the glob [0-9]*.[0-9]*.[0-9]*.[0-9]* (ResourceManager isip)
};

struct resource_group_line {
    token owner;                          // first word, case kept (Heartbeat lowercases it)
    std::vector<resource_spec> resources; // start order; the first one is the group key
    std::size_t first_line = 0;
    std::size_t last_line = 0;                   // > first_line when '\' continued it
    std::vector<token> comments_on_continuation; // '#' words that became resources (quirk)
};

struct haresources_file {
    shared_source source;
    std::vector<resource_group_line> groups;
    std::vector<token> comments;                 // '#'-comments that were stripped, in file order
    std::vector<location> blank_after_backslash; // '\' followed by blanks or '\r': ends the group
    std::vector<syntax_error> errors;
};

haresources_file parse_haresources(const shared_source& source);

} // namespace hakit::grammar
