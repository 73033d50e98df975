// An `auth N` line that selects nothing: no key line N follows it, and an earlier auth line's
// key stays the one Heartbeat signs with.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <variant>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA308",
    .name = "ineffective-auth-line",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "an 'auth N' line has no effect because no key line N follows it",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads authkeys top to bottom. `auth N` only records the wanted index; the
sending key is chosen when a key line with that index is read *after* it, and a later `auth`
line does not undo an earlier choice. So in

```
auth 1
1 sha1 <old secret>
2 sha1 <new secret>
auth 2
```

the `auth 2` line does nothing: Heartbeat keeps signing with key 1. This is how a key rotation
silently fails, with the nodes still agreeing with each other (when the file is the same
everywhere) but not with what the file says. When *no* key is chosen at all, Heartbeat refuses
to start instead (HA303).

## How to fix it
Put the `auth N` line above the key line `N` and keep a single `auth` line.
)md",
    .bad = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly
2 sha1 AnotherExampleSecret
auth 2
)",
    .good = R"(== authkeys ==
auth 2
1 sha1 ExampleSecretOnly
2 sha1 AnotherExampleSecret
)",
};

bool selects(const grammar::key_entry& line, long index) {
    const std::string& method = line.method.text;
    constexpr long max_auth = 16; // MAXAUTH: Heartbeat skips key lines outside 0..15
    return line.value == index && line.value >= 0 && line.value < max_auth &&
           (method == "crc" || method == "md5" || method == "sha1");
}

void report(const grammar::auth_directive& line, const ir::auth_config& auth,
            const grammar::authkeys_file& file, sink& out) {
    const int active = auth.active->v;
    std::vector<note> notes{
        {auth.active->where, fmt::format("key {} is chosen by this auth line", active)}};
    for_each_key_line(file, [&](const grammar::key_entry& key) {
        if (key.line < line.line && key.value == line.value && notes.size() == 1) {
            notes.push_back({key.index.where, fmt::format("key {} is defined here, before "
                                                          "'auth {}'",
                                                          key.value, line.value)});
        }
    });
    out.report(meta, line.index.where,
               fmt::format("auth {} has no effect: no key line {} follows it before the next "
                           "auth line, so Heartbeat keeps signing with key {}",
                           line.value, line.value, active),
               std::move(notes));
}

// Walks the file as Heartbeat does: an auth line takes effect when a key line with its index
// comes after it and before the next auth line.
void check(const node_folder& folder, sink& out) {
    const auto& auth = folder.ir.auth;
    if (!folder.authkeys || !auth.active) {
        return; // no key chosen at all is HA303's finding
    }
    const grammar::auth_directive* pending = nullptr; // an auth line that chose nothing yet
    const auto settle = [&] {
        if (pending != nullptr && pending->value != auth.active->v) {
            report(*pending, auth, *folder.authkeys, out);
        }
        pending = nullptr;
    };
    for (const auto& entry : folder.authkeys->entries) {
        if (const auto* line = std::get_if<grammar::auth_directive>(&entry)) {
            settle();
            pending = line;
        } else if (pending != nullptr &&
                   selects(std::get<grammar::key_entry>(entry), pending->value)) {
            pending = nullptr;
        }
    }
    settle();
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
