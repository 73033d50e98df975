// A node folder lacks a file Heartbeat must open at start-up.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA002",
    .name = "missing-config-file",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "ha.cf, authkeys, or haresources (without pacemaker) is missing",
    .doc = R"md(
## Why is this bad?
Heartbeat 3.0.6 reads fixed paths under `/etc/ha.d` and refuses to start when one is missing:

- no `ha.cf`: `Cannot open config file [/etc/ha.d//ha.cf]`;
- no `authkeys`: `parse_authfile` fails and Heartbeat reports `Authentication configuration
  error.`;
- no `haresources` while pacemaker is not enabled (the classic "v1" resource manager):
  `Cannot open resources file [/etc/ha.d//haresources]`, which is fatal.

This rule only applies when a whole node folder is checked; a single file given on the
command line is checked on its own.

## How to fix it
Add the missing file to the folder. `authkeys` needs an `auth N` line followed by the key
line `N sha1 <secret>` and mode 0600. `haresources` may list no groups at all, but it must
exist unless `pacemaker` is enabled in `ha.cf`.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 10.0.0.10 httpd
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
== haresources ==
alpha 10.0.0.10 httpd
== authkeys 0600 ==
auth 1
1 sha1 s3cret-key
)",
};

void check(const node_folder& folder, sink& out) {
    if (folder.single_file) {
        return; // a single file is checked alone: the others are not expected
    }
    if (folder.expects(file_kind::ha_cf) && !folder.ha_cf) {
        out.report(meta, whole_file(folder.expected_path_ha_cf),
                   "ha.cf is missing: Heartbeat cannot open its config file");
    }
    if (folder.expects(file_kind::authkeys) && !folder.authkeys) {
        out.report(meta, whole_file(folder.expected_path_authkeys),
                   "authkeys is missing: Heartbeat fails with an authentication "
                   "configuration error");
    }
    if (folder.expects(file_kind::haresources) && !folder.haresources &&
        !folder.ir.pacemaker_enabled) {
        out.report(meta, whole_file(folder.expected_path_haresources),
                   fmt::format("haresources is missing while pacemaker is '{}': Heartbeat "
                               "cannot open its resources file",
                               folder.ir.pacemaker.v));
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
