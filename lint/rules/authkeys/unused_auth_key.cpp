// Key lines that never sign anything but still let heartbeats in.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <map>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA309",
    .name = "unused-auth-key",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a key line is never used to sign heartbeats",
    .doc = R"md(
## Why is this bad?
Heartbeat signs outgoing heartbeats with one key only, the one chosen by `auth N`, but it
accepts incoming messages signed with *any* key line of the file. A key line that is not the
chosen one is therefore dead weight for sending and still a way in: anyone who knows that key
(an old one, a weak one, a `crc` line) can forge heartbeats. A key line whose index is given
again further down is dropped entirely: Heartbeat keeps the last line for each index.

During a planned key rotation a second key is expected for a while; otherwise remove it.

## How to fix it
Keep only the key line that `auth N` chooses (and the one you are rotating to, until every node
has switched).
)md",
    .bad = R"(== authkeys ==
auth 2
3 md5 ExampleSecretOnly
2 sha1 AnotherExampleSecret
)",
    .good = R"(== authkeys ==
auth 2
2 sha1 AnotherExampleSecret
)",
};

constexpr long max_auth = 16; // MAXAUTH: key lines outside 0..15 are invalid values (HA102)

void check(const node_folder& folder, sink& out) {
    const auto& auth = folder.ir.auth;
    if (!folder.authkeys || !auth.active) {
        return; // without a chosen key Heartbeat does not start (HA302, HA303)
    }
    const int active = auth.active->v;
    std::map<long, const grammar::key_entry*> last_of; // index -> its last key line
    for_each_key_line(*folder.authkeys, [&](const grammar::key_entry& line) {
        if (line.value >= 0 && line.value < max_auth) {
            last_of[line.value] = &line;
        }
    });
    for_each_key_line(*folder.authkeys, [&](const grammar::key_entry& line) {
        const auto last = last_of.find(line.value);
        if (last == last_of.end() || !auth.keys.contains(static_cast<int>(line.value))) {
            return; // out of range or rejected (HA102): never loaded
        }
        if (last->second != &line) {
            out.report(meta, line.index.where,
                       fmt::format("key line {} is replaced by a later key line {}: Heartbeat "
                                   "keeps only the last line for an index",
                                   line.value, line.value),
                       {{last->second->index.where, "the line Heartbeat keeps"}});
        } else if (line.value != active) {
            out.report(meta, line.index.where,
                       fmt::format("key {} is never used to sign: 'auth {}' chooses key {}, yet "
                                   "Heartbeat still accepts heartbeats signed with key {}",
                                   line.value, active, active, line.value),
                       {{auth.active->where, fmt::format("auth {} here", active)}});
        }
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
