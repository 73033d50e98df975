// authkeys is owned by another user than root (--host).
#include "host_support.hpp"

#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA508",
    .name = "authkeys-not-owned-by-root",
    .level = severity::warning,
    .scope = rule_scope::host,
    .heartbeat_refuses = false,
    .summary = "authkeys is not owned by root",
    .doc = R"md(
Runs with `--host` only: it reads the owner of the folder's `authkeys` file on this machine
(stat(2)). Repositories keep no owners, so this is checked on the node only.

## Why is this bad?
Heartbeat runs as root and only tests the group and other read bits (HA301), so it starts. But
the owner of the file can read the keys whatever the mode, and can change the mode or the keys:
a service account that owns authkeys (left by a deployment tool or an `rsync` without
`--chown`) can forge heartbeats and take over or shut down the cluster's resources.

## How to fix it
`chown root:root /etc/ha.d/authkeys` and `chmod 0600 /etc/ha.d/authkeys`.

The examples assume the example host of docs/on-node.md, where `example/authkeys` belongs to
uid 1000 and `srv6/authkeys` to root.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
== authkeys 0600 ==
auth 1
1 sha1 a-long-enough-secret-key
)",
    .good = R"(== srv6/ha.cf ==
node alpha beta
bcast eth0
== srv6/authkeys 0600 ==
auth 1
1 sha1 a-long-enough-secret-key
)",
};

void check(const node_folder& folder, const host_context& host, sink& out) {
    if (host.facts == nullptr || !folder.authkeys) {
        return;
    }
    const std::string& path = folder.authkeys->source->path();
    const auto file = inspect(host, path);
    if (!file || file->owner == 0) {
        return;
    }
    out.report(meta, whole_file(path),
               fmt::format("authkeys is owned by uid {}, not root: that user can read and "
                           "change the keys",
                           file->owner));
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
