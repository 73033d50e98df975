// authkeys → auth config (reference §3): indexes 0..15, plugin names case-sensitive, and the
// sending key is the last `auth N` that a key line N follows.
#include "resolve.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hakit::resolve {
namespace {

constexpr long max_auth = 16; // MAXAUTH

std::optional<ir::auth_method> method_named(std::string_view name) {
    if (name == "crc") {
        return ir::auth_method::crc;
    }
    if (name == "md5") {
        return ir::auth_method::md5;
    }
    if (name == "sha1") {
        return ir::auth_method::sha1;
    }
    return std::nullopt;
}

void add_key(const grammar::key_entry& entry, const std::optional<long>& current_auth,
             const std::optional<grammar::token>& current_auth_token, ir::node_config& config) {
    auto& auth = config.auth;
    if (entry.value < 0 || entry.value >= max_auth) {
        config.problems.push_back({ir::problem_kind::invalid_value,
                                   entry.index.where,
                                   fmt::format("authkeys index {} is outside 0..15 (Heartbeat: "
                                               "\"Invalid authnum [{}]\")",
                                               entry.index.text, entry.index.text),
                                   {}});
        return;
    }
    const auto method = method_named(entry.method.text);
    if (!method) {
        config.problems.push_back(
            {ir::problem_kind::invalid_value,
             entry.method.where,
             fmt::format("'{}' is not an auth method: Heartbeat has crc, md5 and sha1 "
                         "(lower case)",
                         entry.method.text),
             {}});
        return;
    }
    const int index = static_cast<int>(entry.value);
    ir::auth_key key;
    key.index = index;
    key.method_as_written = entry.method.text;
    key.method = method;
    if (entry.key) {
        key.key.emplace(entry.key->text);
    }
    key.where = entry.index.where;
    auth.keys.insert_or_assign(index, std::move(key));
    if (current_auth && *current_auth == entry.value && current_auth_token) {
        auth.active = ir::value<int>{index, current_auth_token->where, ir::origin::explicit_value};
    }
}

} // namespace

void apply_authkeys(const grammar::authkeys_file& file, ir::node_config& config) {
    config.auth.present = true;
    std::optional<long> current_auth;
    std::optional<grammar::token> current_auth_token;
    for (const auto& entry : file.entries) {
        if (const auto* line = std::get_if<grammar::auth_directive>(&entry)) {
            current_auth = line->value;
            current_auth_token = line->index;
            // Out-of-range numbers never select a key; clamping just keeps them in an int.
            const int shown = static_cast<int>(std::clamp(line->value, -1L, max_auth));
            config.auth.auth_lines.push_back(
                ir::value<int>{shown, line->index.where, ir::origin::explicit_value});
        } else {
            add_key(std::get<grammar::key_entry>(entry), current_auth, current_auth_token, config);
        }
    }
}

} // namespace hakit::resolve
