// The message of every must<>'d rule of the ha.cf shape grammar: it names the missing field
// and shows the whole form, because Heartbeat itself often logs only "configuration error".
#pragma once

#include "ha_cf/grammar.hpp"

#include <tao/pegtl.hpp>

namespace hakit::grammar::ha_cf {

template <typename Rule> inline constexpr const char* error_message = nullptr;

// clang-format off
// A bare `ucast` crashes Heartbeat 3.0.6 (SIGSEGV, reference §7): same message as any missing field.
template <> inline constexpr const char* error_message< rules::ucast_dev > = "ucast is missing DEV (expected: ucast DEV PEER)";
template <> inline constexpr const char* error_message< rules::ucast_peer > = "ucast is missing PEER (expected: ucast DEV PEER)";
template <> inline constexpr const char* error_message< rules::ucast6_dev > = "ucast6 is missing DEV (expected: ucast6 DEV PEER)";
template <> inline constexpr const char* error_message< rules::ucast6_peer > = "ucast6 is missing PEER (expected: ucast6 DEV PEER)";

template <> inline constexpr const char* error_message< rules::mcast_dev > = "mcast is missing DEV (expected: mcast DEV GROUP PORT TTL LOOP)";
template <> inline constexpr const char* error_message< rules::mcast_group > = "mcast is missing GROUP (expected: mcast DEV GROUP PORT TTL LOOP)";
template <> inline constexpr const char* error_message< rules::mcast_port > = "mcast is missing PORT (expected: mcast DEV GROUP PORT TTL LOOP)";
template <> inline constexpr const char* error_message< rules::mcast_ttl > = "mcast is missing TTL (expected: mcast DEV GROUP PORT TTL LOOP)";
template <> inline constexpr const char* error_message< rules::mcast_loop > = "mcast is missing LOOP (expected: mcast DEV GROUP PORT TTL LOOP)";

template <> inline constexpr const char* error_message< rules::mcast6_dev > = "mcast6 is missing DEV (expected: mcast6 DEV GROUP PORT HOPS LOOP)";
template <> inline constexpr const char* error_message< rules::mcast6_group > = "mcast6 is missing GROUP (expected: mcast6 DEV GROUP PORT HOPS LOOP)";
template <> inline constexpr const char* error_message< rules::mcast6_port > = "mcast6 is missing PORT (expected: mcast6 DEV GROUP PORT HOPS LOOP)";
template <> inline constexpr const char* error_message< rules::mcast6_hops > = "mcast6 is missing HOPS (expected: mcast6 DEV GROUP PORT HOPS LOOP)";
template <> inline constexpr const char* error_message< rules::mcast6_loop > = "mcast6 is missing LOOP (expected: mcast6 DEV GROUP PORT HOPS LOOP)";

template <> inline constexpr const char* error_message< rules::ping_group_group > = "ping_group is missing NAME (expected: ping_group NAME HOST [HOST...])";
template <> inline constexpr const char* error_message< rules::ping_group_host > = "ping_group is missing HOST (expected: ping_group NAME HOST [HOST...])";

template <> inline constexpr const char* error_message< rules::respawn_user > = "respawn is missing USER (expected: respawn USER COMMAND [ARGS...])";
template <> inline constexpr const char* error_message< rules::respawn_command > = "respawn is missing COMMAND (expected: respawn USER COMMAND [ARGS...])";
template <> inline constexpr const char* error_message< rules::failfast_user > = "failfast is missing USER (expected: failfast USER COMMAND [ARGS...])";
template <> inline constexpr const char* error_message< rules::failfast_command > = "failfast is missing COMMAND (expected: failfast USER COMMAND [ARGS...])";

template <> inline constexpr const char* error_message< rules::stonith_type > = "stonith is missing TYPE (expected: stonith TYPE CONFIGFILE)";
template <> inline constexpr const char* error_message< rules::stonith_config_file > = "stonith is missing CONFIGFILE (expected: stonith TYPE CONFIGFILE)";
template <> inline constexpr const char* error_message< rules::stonith_host_host > = "stonith_host is missing HOST (expected: stonith_host HOST TYPE [PARAMS...])";
template <> inline constexpr const char* error_message< rules::stonith_host_type > = "stonith_host is missing TYPE (expected: stonith_host HOST TYPE [PARAMS...])";

template <> inline constexpr const char* error_message< rules::apiauth_client > = "apiauth is missing CLIENT (expected: apiauth CLIENT [uid=U,...] [gid=G,...])";
template <> inline constexpr const char* error_message< rules::apiauth_first_list > = "apiauth is missing uid= or gid= (expected: apiauth CLIENT [uid=U,...] [gid=G,...])";
template <> inline constexpr const char* error_message< rules::apiauth_list > = "apiauth takes only uid=... and gid=... after the client name";

// clang-format on

struct errors {
    template <typename Rule> static constexpr const char* message = error_message<Rule>;
};

// Raises a parse_error with the rule's message; RequireMessage makes a must<> without one a
// compile error.
template <typename Rule> using control = tao::pegtl::must_if<errors>::control<Rule>;

} // namespace hakit::grammar::ha_cf
