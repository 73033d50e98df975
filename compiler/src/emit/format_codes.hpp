// Diagnostic codes of the dot and canonical-formatter targets (HC300-HC399). Codes are never
// reused; the table is in docs/migration.md.
#pragma once

#include "emit_code.hpp"

namespace hakit::emit::format_codes {

using emit::code;
using emit::make;

// clang-format off
inline constexpr code needs_secrets         {"HC300", "authkeys-target-needs-secrets", severity::error};
inline constexpr code file_missing          {"HC301", "no-file-to-format", severity::error};
inline constexpr code setting_after_media   {"HC302", "udpport-or-baud-after-media", severity::warning};
inline constexpr code auth_order_kept       {"HC303", "auth-after-its-key", severity::warning};
inline constexpr code text_after_cut        {"HC304", "text-after-line-cut-dropped", severity::warning};
inline constexpr code line_end_blank_kept   {"HC305", "line-end-blank-kept", severity::warning};
inline constexpr code folder_without_node   {"HC310", "folder-without-node-name", severity::warning};
// clang-format on

} // namespace hakit::emit::format_codes
