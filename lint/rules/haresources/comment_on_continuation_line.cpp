// On a continued haresources line '#' starts no comment: ResourceManager runs the words.
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA201",
    .name = "comment-on-continuation-line",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "'#' on a continuation line of haresources becomes resources",
    .doc = R"md(
## Why is this bad?
Heartbeat's `ResourceManager` strips `#` comments from each physical line *before* it joins
lines ending in `\`. On the second and later physical lines of a group, `#` and the words after
it are therefore not removed: they become resources of the group. `node1 10.0.0.1 \` followed by
`  httpd # web server` is the group `node1 10.0.0.1 httpd # web server`, and taking it over runs
the resource scripts `#`, `web` and `server`, which do not exist. The `heartbeat` binary itself
does not check resources, so it starts and the failure shows up at takeover.

## How to fix it
Move the comment to its own line above the group, or to the first physical line of the group
(after the owner and before the `\`, where it is still stripped).
)md",
    .bad = R"(== haresources ==
node1 IPaddr::10.0.0.1 \
  httpd # the web server
)",
    .good = R"(== haresources ==
# the web server
node1 IPaddr::10.0.0.1 \
  httpd
)",
};

// "'a'", "'a' and 'b'", "'a', 'b' and 'c'"
std::string quoted_list(const std::vector<const grammar::token*>& words) {
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            text += i + 1 == words.size() ? " and " : ", ";
        }
        text += fmt::format("'{}'", words[i]->text);
    }
    return text;
}

// The grammar lists every word from the '#' on; one finding per physical line is enough.
void check(const node_folder& folder, sink& out) {
    if (!folder.haresources) {
        return;
    }
    for (const auto& group : folder.haresources->groups) {
        const auto& words = group.comments_on_continuation;
        for (std::size_t first = 0; first < words.size();) {
            std::vector<const grammar::token*> same_line;
            std::size_t next = first;
            while (next < words.size() && words[next].where.line == words[first].where.line) {
                same_line.push_back(&words[next]);
                ++next;
            }
            out.report(meta, words[first].where,
                       fmt::format("'#' on a continuation line is not a comment: "
                                   "ResourceManager runs {} as {}",
                                   quoted_list(same_line),
                                   same_line.size() == 1 ? "a resource" : "resources"));
            first = next;
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
