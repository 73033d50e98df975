// `auth N` is not followed by a key line N: Heartbeat finds no key to send with.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA303",
    .name = "auth-key-not-found",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "no 'auth N' line is followed by a key line N",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads authkeys top to bottom and takes a key line as the sending key only when
its index equals the `auth N` line seen *so far*. A key line written before its `auth` line, or
no key line with that index at all, leaves Heartbeat without a key and it refuses to start:
`Auth Key [1] not found in keyfile [/etc/ha.d//authkeys]`. With several `auth` lines, the last
one that is followed by its key wins.

## How to fix it
Put `auth N` above the key line `N`, and make sure a key line with that index exists.
)md",
    .bad = R"(== authkeys ==
1 sha1 ExampleSecretOnly
auth 1
)",
    .good = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly
)",
};

// A key line N after the auth line that the IR builder rejected (bad method or index) is
// reported as an invalid value; saying that no key line follows would be wrong.
bool key_line_follows(const grammar::authkeys_file& file, std::size_t auth_line, long index) {
    return std::any_of(file.entries.begin(), file.entries.end(), [&](const auto& entry) {
        const auto* key = std::get_if<grammar::key_entry>(&entry);
        return key != nullptr && key->line > auth_line && key->value == index;
    });
}

void check(const node_folder& folder, sink& out) {
    const auto& auth = folder.ir.auth;
    if (!folder.authkeys || auth.auth_lines.empty() || auth.active) {
        return;
    }
    const ir::value<int>& last = auth.auth_lines.back();
    if (key_line_follows(*folder.authkeys, last.where.line, last.v)) {
        return;
    }
    std::vector<note> notes;
    const auto key = auth.keys.find(last.v);
    if (key != auth.keys.end() && key->second.where.line < last.where.line) {
        notes.push_back(
            {key->second.where, fmt::format("key {0} is defined here, before 'auth {0}'; Heartbeat "
                                            "only uses a key that follows its auth line",
                                            last.v)});
    }
    out.report(meta, last.where, fmt::format("auth {0} has no key line {0} after it", last.v),
               std::move(notes));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
