// An md5 or sha1 key line without its key: Heartbeat refuses it.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA305",
    .name = "missing-auth-key",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "an md5 or sha1 key line has no key",
    .doc = R"md(
## Why is this bad?
`md5` and `sha1` sign heartbeats with an HMAC of a shared secret, the third word of the key
line. Without it Heartbeat 3.0.6 refuses to start: `Auth method [sha1] requires a key`.

## How to fix it
Add a long random key after the method, the same on every node, for example the output of
`openssl rand -hex 32`. The key is one word: it cannot contain blanks.
)md",
    .bad = R"(== authkeys ==
auth 1
1 sha1
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
        const std::string& method = line.method.text;
        if (line.key || (method != "md5" && method != "sha1")) {
            return;
        }
        out.report(meta, line.method.where,
                   fmt::format("key {} uses {}, which requires a key, but the line has none "
                               "(Heartbeat: \"Auth method [{}] requires a key\")",
                               line.value, method, method));
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
