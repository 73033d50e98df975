// authkeys must not be readable by group or others; Heartbeat refuses the file otherwise.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA301",
    .name = "authkeys-permissions",
    .level = severity::error,
    .scope = rule_scope::node,
    .heartbeat_refuses = true,
    .summary = "authkeys is readable by group or others (error) or otherwise looser than 0600 "
               "(warning)",
    .doc = R"md(
## Why is this bad?
authkeys holds the secret that signs every heartbeat. Heartbeat 3.0.6 `fstat()`s the file and
refuses to start when the group or other *read* bit is set (`st_mode & (S_IRGRP|S_IROTH)`):
`Bad permissions on keyfile [/etc/ha.d//authkeys], 600 recommended.` Modes 0640 and 0644 are
therefore errors. Heartbeat does not test the write and execute bits, so 0620, 0602 or 0610
start; they are still looser than the 0600 Heartbeat recommends, and a write bit lets others
replace the keys: this rule warns about them. Modes stricter than 0600 (0400) are fine.

The check needs the file's permission bits, so it runs only on files read from disk.

## How to fix it
`chmod 600 /etc/ha.d/authkeys` (owned by root).

`hacheck --fix` removes every group and other permission bit and keeps the owner's (0644
becomes 0600, 0444 becomes 0400): Heartbeat only reads the file, so nothing else changes.
)md",
    .bad = R"(== authkeys 0644 ==
auth 1
1 sha1 ExampleSecretOnly
)",
    .good = R"(== authkeys 0600 ==
auth 1
1 sha1 ExampleSecretOnly
)",
};

constexpr unsigned group_or_other_read = 0044;
constexpr unsigned group_or_other_any = 0077;

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys || !folder.authkeys_mode) {
        return;
    }
    const unsigned mode = *folder.authkeys_mode;
    const location file = whole_file(folder.authkeys->source->path());
    const auto only_owner = [&] {
        return fix{
            .description = fmt::format("chmod {:04o} (remove group and other permissions)",
                                       mode & ~group_or_other_any),
            .file = folder.authkeys->source->path(),
            .edits = {},
            .mode = mode & ~group_or_other_any,
        };
    };
    if ((mode & group_or_other_read) != 0) {
        out.report(meta, file,
                   fmt::format("authkeys mode {:04o} lets group or others read the keys "
                               "(Heartbeat: \"Bad permissions on keyfile [...], 600 "
                               "recommended\")",
                               mode));
        out.attach_fix(only_owner());
    } else if ((mode & group_or_other_any) != 0) {
        out.report_as(meta, severity::warning, file,
                      fmt::format("authkeys mode {:04o} is looser than 0600", mode));
        out.attach_fix(only_owner());
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
