// crc (no authentication) and md5 (a weaker digest than sha1) key lines.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA306",
    .name = "weak-auth-method",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a key line uses crc (warning) or md5 (info) instead of sha1",
    .doc = R"md(
## Why is this bad?
`crc` is a checksum, not a signature: anyone who can send UDP packets to the cluster can forge
heartbeats and status messages, and make nodes take over or give up resources. `md5` is an
HMAC-MD5 and still authenticates, but it is the weaker digest (reported as info).

Heartbeat accepts incoming messages signed with *any* key line of the file, not only the one
chosen by `auth N`, so a crc line weakens the cluster even when it is not the active one.

## How to fix it
Use `sha1` with a long random key on every key line, the same file on every node:

```
auth 1
1 sha1 <a long random secret>
```
)md",
    .bad = R"(== authkeys ==
auth 1
1 crc
)",
    .good = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys) {
        return;
    }
    for_each_key_line(*folder.authkeys, [&](const grammar::key_entry& line) {
        if (line.method.text == "crc") {
            out.report(meta, line.method.where,
                       fmt::format("key {} uses crc, which authenticates nothing: anyone on the "
                                   "network can forge heartbeats",
                                   line.value));
        } else if (line.method.text == "md5") {
            out.report_as(meta, severity::info, line.method.where,
                          fmt::format("key {} uses md5, a weaker digest than sha1", line.value));
        }
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
