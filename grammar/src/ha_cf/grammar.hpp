// PEGTL rules for one physical line of ha.cf, read the way Heartbeat 3.0.6's parse_config reads
// it (reference §1.1), plus the field shapes of the whole-line directives (§1.4, §1.6).
//
// Heartbeat's WHITESPACE is " \t\n\r\f" and DELIMS is ", \t\n\r\f" (include/heartbeat.h). '\v'
// is in neither, so to Heartbeat it is an ordinary character of a name or value.
#pragma once

#include <tao/pegtl.hpp>

namespace hakit::grammar::ha_cf::rules {

using namespace tao::pegtl;

// clang-format off

// --- Lexical pieces -----------------------------------------------------------------------------

// Inside a line only these separate fields: '\n' ends the physical line, '\r' cuts the content.
struct gap_char : one< ' ', '\t', '\f' > {};
struct gap : plus< gap_char > {};
// The leading skip runs before the '\r' cut, so a '\r' before the name is skipped too.
struct leading_gap : star< one< ' ', '\t', '\f', '\r' > > {};
// After the name Heartbeat skips DELIMS: whitespace and commas.
struct delims : star< sor< gap_char, one< ',' > > > {};
// Everything from the first '\r' on is cut; a NUL ends Heartbeat's C string just the same.
struct cut : seq< one< '\r', '\0' >, star< any > > {};
struct comment : seq< one< '#' >, star< not_one< '\r', '\0' > > > {};

struct name_char : not_one< ' ', '\t', '\f', '\r', '\0', '#' > {};
struct directive_name : plus< name_char > {};
template< typename Name > struct named : seq< Name, not_at< name_char > > {};

// --- Whole-line directives: WLdirectives[] and the media plugins with a parse() ----------------

struct stonith_name : named< TAO_PEGTL_STRING( "stonith" ) > {};
struct stonith_host_name : named< TAO_PEGTL_STRING( "stonith_host" ) > {};
struct apiauth_name : named< TAO_PEGTL_STRING( "apiauth" ) > {};
struct respawn_name : named< TAO_PEGTL_STRING( "respawn" ) > {};
struct failfast_name : named< TAO_PEGTL_STRING( "failfast" ) > {};
struct mcast_name : named< TAO_PEGTL_STRING( "mcast" ) > {};
struct mcast6_name : named< TAO_PEGTL_STRING( "mcast6" ) > {};
struct ucast_name : named< TAO_PEGTL_STRING( "ucast" ) > {};
struct ucast6_name : named< TAO_PEGTL_STRING( "ucast6" ) > {};
struct ping_group_name : named< TAO_PEGTL_STRING( "ping_group" ) > {};
struct whole_line_name : sor< stonith_name, stonith_host_name, apiauth_name, respawn_name, failfast_name, mcast_name, mcast6_name, ucast_name, ucast6_name, ping_group_name > {};

// --- One line -----------------------------------------------------------------------------------

// Whole-line directives split on whitespace only: a comma stays inside its field.
struct field : plus< name_char > {};
struct whole_line_rest : list< field, gap > {};
struct whole_line_directive : seq< at< whole_line_name >, directive_name, delims, opt< whole_line_rest > > {};

// Option lists split on whitespace and commas; a trailing comma stays in `rest`.
struct option : plus< not_one< ' ', '\t', '\f', '\r', '\0', '#', ',' > > {};
struct commas : plus< one< ',' > > {};
struct option_piece : plus< sor< option, commas > > {};
struct option_list_rest : list< option_piece, gap > {};
struct option_list_directive : seq< directive_name, delims, opt< option_list_rest > > {};

struct directive : sor< whole_line_directive, option_list_directive > {};
// Total: every byte string matches, so one line can never hide another.
struct line : seq< leading_gap, opt< directive >, star< gap_char >, opt< comment >, opt< cut >, eof > {};

// --- Shapes of the whole-line directives --------------------------------------------------------
// Input: from the first byte of the name to the last byte of `rest`, so "missing" errors land
// just after the last field present. Each must<>'d rule has its message in errors.hpp.

struct first_field : seq< plus< sor< gap_char, one< ',' > > >, field > {};
struct next_field : seq< gap, field > {};

struct ucast_dev : first_field {};
struct ucast_peer : next_field {};
struct ucast_shape : seq< ucast_name, must< ucast_dev >, must< ucast_peer > > {};

struct ucast6_dev : first_field {};
struct ucast6_peer : next_field {};
struct ucast6_shape : seq< ucast6_name, must< ucast6_dev >, must< ucast6_peer > > {};

struct mcast_dev : first_field {};
struct mcast_group : next_field {};
struct mcast_port : next_field {};
struct mcast_ttl : next_field {};
struct mcast_loop : next_field {};
struct mcast_shape : seq< mcast_name, must< mcast_dev >, must< mcast_group >, must< mcast_port >, must< mcast_ttl >, must< mcast_loop > > {};

struct mcast6_dev : first_field {};
struct mcast6_group : next_field {};
struct mcast6_port : next_field {};
struct mcast6_hops : next_field {};
struct mcast6_loop : next_field {};
struct mcast6_shape : seq< mcast6_name, must< mcast6_dev >, must< mcast6_group >, must< mcast6_port >, must< mcast6_hops >, must< mcast6_loop > > {};

struct ping_group_group : first_field {};
struct ping_group_host : next_field {};
struct ping_group_shape : seq< ping_group_name, must< ping_group_group >, must< ping_group_host > > {};

struct respawn_user : first_field {};
struct respawn_command : next_field {};
struct respawn_shape : seq< respawn_name, must< respawn_user >, must< respawn_command > > {};

struct failfast_user : first_field {};
struct failfast_command : next_field {};
struct failfast_shape : seq< failfast_name, must< failfast_user >, must< failfast_command > > {};

struct stonith_type : first_field {};
struct stonith_config_file : next_field {};
struct stonith_shape : seq< stonith_name, must< stonith_type >, must< stonith_config_file > > {};

struct stonith_host_host : first_field {};
struct stonith_host_type : next_field {};
struct stonith_host_shape : seq< stonith_host_name, must< stonith_host_host >, must< stonith_host_type > > {};

// apiauth CLIENT, then one or more uid=LIST / gid=LIST words and nothing else (config.c).
struct apiauth_client : first_field {};
struct apiauth_list : seq< sor< TAO_PEGTL_STRING( "uid=" ), TAO_PEGTL_STRING( "gid=" ) >, star< name_char > > {};
struct apiauth_first_list : seq< gap, must< apiauth_list > > {};
struct apiauth_shape : seq< apiauth_name, must< apiauth_client >, must< apiauth_first_list >, star< gap, must< apiauth_list > > > {};

struct shape : sor< ucast_shape, ucast6_shape, mcast_shape, mcast6_shape, ping_group_shape, respawn_shape, failfast_shape, stonith_shape, stonith_host_shape, apiauth_shape > {};

// clang-format on

} // namespace hakit::grammar::ha_cf::rules
