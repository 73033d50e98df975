// Diagnostic codes of the Pacemaker model (HC100-HC149; the pcs/crmsh renderers own
// HC150-HC199). Codes are never reused; the table is in docs/migration.md.
#pragma once

#include "emit_code.hpp"

namespace hakit::emit::pcmk_codes {

using emit::code;
using emit::make;

// clang-format off
inline constexpr code legacy_failback        {"HC100", "legacy-failback-mapped-to-failback", severity::warning};
inline constexpr code no_fencing             {"HC101", "no-fencing", severity::warning};
inline constexpr code stonith_config_file    {"HC102", "stonith-config-file-not-carried", severity::warning};
inline constexpr code stonith_params_by_position{"HC103", "stonith-params-by-position", severity::warning};
inline constexpr code lsb_arguments_dropped  {"HC104", "lsb-arguments-dropped", severity::warning};
inline constexpr code lsb_status_exit_codes  {"HC105", "lsb-status-exit-codes", severity::info};
inline constexpr code drbd_promotable_clone  {"HC106", "drbddisk-became-promotable-clone", severity::warning};
inline constexpr code ipfail_without_ping    {"HC107", "ipfail-without-ping-nodes", severity::warning};
inline constexpr code ping_without_ipfail    {"HC108", "ping-nodes-without-ipfail", severity::info};
inline constexpr code child_not_carried      {"HC109", "respawn-not-carried", severity::warning};
inline constexpr code owner_not_a_node       {"HC110", "owner-not-a-cluster-node", severity::error};
inline constexpr code bad_ip_argument        {"HC111", "ip-argument-not-mapped", severity::error};
inline constexpr code ocf_wrapper_params     {"HC112", "ocf-wrapper-params-not-carried", severity::warning};
inline constexpr code missing_argument       {"HC113", "resource-argument-missing", severity::error};
inline constexpr code extra_arguments        {"HC114", "resource-arguments-ignored", severity::warning};
inline constexpr code quorum_many_nodes      {"HC115", "quorum-policy-changes", severity::warning};
inline constexpr code ping_group_counted     {"HC116", "ping-group-counted-per-host", severity::warning};
inline constexpr code watchdog_not_carried   {"HC117", "watchdog-not-carried", severity::warning};
inline constexpr code pacemaker_enabled      {"HC118", "haresources-unused-with-pacemaker", severity::warning};
inline constexpr code stonith_superseded     {"HC119", "stonith-line-superseded", severity::warning};
// clang-format on

} // namespace hakit::emit::pcmk_codes
