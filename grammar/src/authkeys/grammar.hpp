// PEGTL rules for /etc/ha.d/authkeys, read the way Heartbeat 3.0.6's parse_authfile reads it
// (reference §3; heartbeat/auth.c): per line, skip WHITESPACE (" \t\n\r\f"); '#' or nothing
// left: skip the line; 'a': sscanf("auth %d"); anything else: sscanf("%d%s%s").
//
// sscanf skips isspace() characters, which include '\v'. The line is a C string to sscanf, so
// a NUL byte ends what Heartbeat sees of it.
#pragma once

#include <tao/pegtl.hpp>

namespace hakit::grammar::authkeys::rules {

using namespace tao::pegtl;

// clang-format off

// --- Lexical pieces -----------------------------------------------------------------------------

struct line_break : one< '\n' > {};
struct crlf : string< '\r', '\n' > {};
struct leading_blank : one< ' ', '\t', '\r', '\f' > {};
struct space : one< ' ', '\t', '\r', '\f', '\v' > {};
// What %s reads: a run of non-space characters, cut at a NUL.
struct word_char : not_one< ' ', '\t', '\r', '\f', '\v', '\n', '\0' > {};
// What %d reads once it has skipped spaces.
struct number : seq< opt< one< '+', '-' > >, plus< digit > > {};

// The text of a '#' line, without the CR of a CRLF.
struct comment : seq< one< '#' >, star< not_at< crlf >, not_one< '\n' > > > {};
// Nothing left to read (a NUL ends the C string): Heartbeat skips the line.
struct empty_line : at< sor< line_break, eof, one< '\0' > > > {};

// --- auth N: sscanf(bp, "auth %d"); the ' ' matches zero or more spaces, so "auth1" is fine ---

struct auth_keyword : string< 'a', 'u', 't', 'h' > {};
struct auth_index : number {};
struct auth_statement : seq< auth_keyword, star< space >, auth_index > {};
struct auth_line : seq< at< one< 'a' > >, must< auth_statement > > {};

// --- INDEX METHOD [KEY]: sscanf(bp, "%d%s%s"); later words are never read ----------------------

struct key_index : number {};
struct method : plus< word_char > {};
struct key : plus< word_char > {};
struct ignored_word : plus< word_char > {};
struct key_statement : seq< star< space >, key_index, star< space >, method, opt< star< space >, key >, star< plus< space >, ignored_word > > {};
struct key_line : must< key_statement > {};

// --- Lines --------------------------------------------------------------------------------------

struct entry : sor< auth_line, key_line > {};
// Recovery: a line whose entry does not parse is skipped after its error is recorded.
struct invalid_entry : star< not_one< '\n' > > {};
struct statement : sor< try_catch< entry >, invalid_entry > {};
// What Heartbeat never looks at: text after "auth N", spaces after the last word, a NUL's tail.
struct rest_of_line : star< not_one< '\n' > > {};
struct line : seq< star< leading_blank >, sor< comment, empty_line, statement >, rest_of_line > {};
// Total: every byte string matches, so one bad line never hides the next.
struct file : seq< list< line, line_break >, eof > {};

// clang-format on

} // namespace hakit::grammar::authkeys::rules
