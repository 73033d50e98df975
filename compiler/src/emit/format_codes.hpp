// Diagnostic codes of the dot and canonical-formatter targets (HC300-HC399). Codes are never
// reused; the table is in /work/notes/migration/dot-format.md.
#pragma once

#include <hakit/grammar/diagnostic.hpp>

#include <string>
#include <string_view>

namespace hakit::emit::format_codes {

struct code {
    std::string_view id;
    std::string_view rule;
    severity level;
};

// clang-format off
inline constexpr code needs_secrets         {"HC300", "authkeys-target-needs-secrets", severity::error};
inline constexpr code file_missing          {"HC301", "no-file-to-format", severity::error};
inline constexpr code setting_after_media   {"HC302", "udpport-or-baud-after-media", severity::warning};
inline constexpr code auth_order_kept       {"HC303", "auth-after-its-key", severity::warning};
inline constexpr code text_after_cut        {"HC304", "text-after-line-cut-dropped", severity::warning};
inline constexpr code line_end_blank_kept   {"HC305", "line-end-blank-kept", severity::warning};
inline constexpr code folder_without_node   {"HC310", "folder-without-node-name", severity::warning};
// clang-format on

inline diagnostic make(const code& c, location where, std::string message) {
    diagnostic d;
    d.code = std::string(c.id);
    d.rule = std::string(c.rule);
    d.level = c.level;
    d.message = std::move(message);
    d.where = std::move(where);
    return d;
}

} // namespace hakit::emit::format_codes
