// PEGTL rules for /etc/ha.d/haresources, read the way Heartbeat's ResourceManager reads it
// (reference §2.3, §2.4; heartbeat/lib/ResourceManager.in `ipres`): its sed first strips '#' and
// the rest from a line, then joins a line ending in '\' with the next one, whose '#' text is
// therefore never stripped; the joined text is split on blanks.
//
// Two grammars: `file` finds groups, words and comments and accepts every byte string; `resource`
// reads one resource word (script, "::" arguments, bare IP) and is run on each word by actions.
#pragma once

#include <tao/pegtl.hpp>

namespace hakit::grammar::haresources::rules {

using namespace tao::pegtl;

// clang-format off

// --- Physical lines -----------------------------------------------------------------------------

struct blank : one< ' ', '\t' > {};
struct crlf : string< '\r', '\n' > {};
struct line_break : sor< one< '\n' >, crlf > {};
// Only '\' IMMEDIATELY before '\n' joins the next physical line (sed's /\\$/).
struct continuation : string< '\\', '\n' > {};
// A '\r' is content unless it is the CR of a CRLF.
struct content_char : seq< not_at< continuation >, not_at< crlf >, not_one< '\n' > > {};
struct word_char : seq< not_at< blank >, content_char > {};

// '\' followed only by blanks or '\r': no continuation (reference §7), and the '\' stays a word.
struct trailing_blank : one< ' ', '\t', '\r' > {};
struct backslash_then_blanks : seq< one< '\\' >, at< plus< trailing_blank >, sor< one< '\n' >, eof > > > {};
// On a group's first line the comment is gone before sed looks for the '\'.
struct backslash_then_blanks_or_comment : seq< one< '\\' >, at< plus< trailing_blank >, sor< one< '\n' >, eof, one< '#' > > > > {};

// --- A group: its first physical line and the lines '\' joins to it -----------------------------

// The comment runs to the line end, so a '\' inside it never continues the line.
struct comment : seq< one< '#' >, star< not_at< crlf >, not_one< '\n' > > > {};
struct first_word_char : sor< backslash_then_blanks_or_comment, seq< not_at< one< '#' > >, word_char > > {};
struct first_word : plus< first_word_char > {};
struct first_line : star< sor< blank, first_word, comment > > {};

// On a joined line '#' is an ordinary character (the ResourceManager quirk of §2.3).
struct joined_word_char : sor< backslash_then_blanks, word_char > {};
struct joined_word : plus< joined_word_char > {};
struct joined_line : star< sor< blank, joined_word > > {};
struct joined : seq< continuation, joined_line > {};

struct group : seq< first_line, star< joined > > {};
// Total: after a group only a line break or the end can follow, so every byte string matches.
struct file : seq< list< group, line_break >, eof > {};

// --- One resource word (reference §2.4) ---------------------------------------------------------

struct separator : string< ':', ':' > {};
// isip(): the shell glob [0-9]*.[0-9]*.[0-9]*.[0-9]* on the whole word. Each '*' matches any text;
// taking the first ".digit" each time finds a match whenever there is one.
struct dot_digit : seq< one< '.' >, digit > {};
struct bare_ip : seq< digit, rep< 3, until< dot_digit > >, star< any > > {};

// The script is the text before the first "::"; the arguments are the rest split on "::", where
// empty pieces vanish as the shell's word splitting drops them.
struct script_name : plus< not_at< separator >, any > {};
struct argument : plus< not_at< separator >, any > {};
struct arguments : star< separator, opt< argument > > {};
struct named_resource : seq< must< script_name >, arguments > {};
// Recovery for a word starting with "::": keep its arguments, the script name stays empty.
struct nameless_resource : arguments {};
struct resource : seq< sor< bare_ip, try_catch< named_resource >, nameless_resource >, eof > {};

// clang-format on

} // namespace hakit::grammar::haresources::rules
