// authkeys without an `auth N` line: Heartbeat has no key to send with and refuses to start.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA302",
    .name = "missing-auth-directive",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "authkeys has no 'auth N' line",
    .doc = R"md(
## Why is this bad?
The `auth N` line chooses which key signs outgoing heartbeats. Without one, Heartbeat 3.0.6
refuses to start: `Missing auth directive in keyfile [/etc/ha.d//authkeys]`. The shipped sample
authkeys has every line commented out, so copying it unchanged gives this error.

## How to fix it
Add `auth N` *before* the key line with index `N`, for example:

```
auth 1
1 sha1 <a long random secret>
```
)md",
    .bad = R"(== authkeys ==
1 sha1 ExampleSecretOnly
)",
    .good = R"(== authkeys ==
auth 1
1 sha1 ExampleSecretOnly
)",
};

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys || !folder.ir.auth.auth_lines.empty()) {
        return;
    }
    out.report(meta, whole_file(folder.authkeys->source->path()),
               "authkeys has no 'auth' line choosing the key to send with (Heartbeat: "
               "\"Missing auth directive in keyfile\")");
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
