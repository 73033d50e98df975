// A `# hacheck: ignore[...]` comment that suppresses nothing: stale, misspelt or misplaced.
#include <hakit/lint/rule.hpp>
#include <hakit/lint/suppression.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA004",
    .name = "unused-suppression",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a '# hacheck: ignore[...]' comment suppresses nothing",
    .doc = R"md(
## Why is this bad?
A suppression comment names rules whose findings it hides on its line (a trailing comment)
or on the next line (a comment alone on its line). When no finding of a named rule is there,
the comment is stale (the mistake was fixed), misspelt (an unknown rule name), or on the wrong
line, and it would silently hide a real finding that appears there later. A comment that starts
with `# hacheck:` but is not `ignore[name,...]` is reported too.

Findings of this rule are never suppressed by a comment; leave it out with `--ignore HA004` or
`"ignore": ["HA004"]` in the config file (docs/configuration.md).

## How to fix it
Remove the comment or the name that suppresses nothing, or correct the rule name or code
(`hacheck --list-rules`), or move the comment onto the offending line or the line before it.
)md",
    .bad = R"(== ha.cf ==
keepalive 2
deadtime 30 # hacheck: ignore[deadtime-too-short]
)",
    .good = R"(== ha.cf ==
keepalive 2
deadtime 3 # hacheck: ignore[deadtime-too-short]
)",
};

// apply_suppressions never drops this rule's findings; it knows the rule by this code.
static_assert(meta.code == unused_suppression_code);

void check(const node_folder& folder, const std::vector<diagnostic>& findings, sink& out) {
    for (const auto& comment : find_suppressions(folder)) {
        if (comment.malformed) {
            out.report(meta, location{comment.file, comment.comment_line, comment.comment_column},
                       "malformed suppression comment, expected '# hacheck: ignore[rule,...]'");
            continue;
        }
        for (const auto& named : comment.rules) {
            const location where{comment.file, comment.comment_line, named.column};
            const registered_rule* rule = find_rule(named.name);
            if (rule == nullptr) {
                out.report(meta, where,
                           fmt::format("'{}' in a suppression comment is not a rule", named.name));
                continue;
            }
            if (rule->meta == &meta) {
                out.report(meta, where,
                           "a comment cannot suppress unused-suppression findings (use --ignore "
                           "HA004)");
                continue;
            }
            const bool used = std::any_of(findings.begin(), findings.end(), [&](const auto& f) {
                return f.where.file == comment.file && f.where.line == comment.target_line &&
                       names_rule(named.name, f);
            });
            if (!used) {
                out.report(meta, where,
                           fmt::format("suppression of {} is unused: no such finding on line {}",
                                       named.name, comment.target_line));
            }
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
