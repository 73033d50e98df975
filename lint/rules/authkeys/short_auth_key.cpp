// A short md5/sha1 key can be guessed offline from one captured heartbeat.
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

namespace hakit::lint {
namespace {

// name, default, minimum, summary
constexpr rule_option options[] = {
    {"min-length", 16, 1, "the shortest md5 or sha1 key, in characters, that is not reported"},
};

constexpr rule_meta meta{
    .code = "HA307",
    .name = "short-auth-key",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "an md5 or sha1 key is shorter than 16 characters",
    .doc = R"md(
## Why is this bad?
`md5` and `sha1` sign every heartbeat with an HMAC keyed by the shared secret. Heartbeats travel
in clear text, so anyone who captures one packet can try keys offline as fast as their
hardware allows; a short or dictionary key (`test-ha`, `password`, `123456` are all in real
configurations) falls in seconds. With the key, they can forge heartbeats and resource messages
and make nodes take over or give up resources.

Heartbeat itself accepts any non-empty key. hacheck asks for at least 16 characters; a random
key of 32 hex digits or more is better.

## How to fix it
Generate a random key and use it on every node, for example
`printf 'auth 1\n1 sha1 %s\n' "$(openssl rand -hex 32)" > /etc/ha.d/authkeys`, then
`chmod 600 /etc/ha.d/authkeys`. The key is never printed by hacheck.

## Options
`min-length` (default 16): the shortest key in characters that is not reported, e.g.
`"rules": {"short-auth-key": {"min-length": 32}}` in `hacheck.json`.
)md",
    .bad = R"(== authkeys ==
auth 1
1 sha1 test-ha
)",
    .good = R"(== authkeys ==
auth 1
1 sha1 9f2c41d7e8a05b36c1f4
)",
    .options = options,
};

void check(const node_folder& folder, sink& out) {
    if (!folder.authkeys) {
        return;
    }
    const auto minimum_length = static_cast<std::size_t>(out.option(meta, "min-length"));
    for_each_key_line(*folder.authkeys, [&](const grammar::key_entry& line) {
        const std::string& method = line.method.text;
        if (!line.key || (method != "md5" && method != "sha1") ||
            line.key->text.size() >= minimum_length || has_template_markup(line.key->text)) {
            return; // markup is HA010's finding
        }
        // The length is safe to show; the key itself never is.
        out.report(meta, line.key->where,
                   fmt::format("the {} key {} is {} characters long: a key shorter than {} can "
                               "be guessed offline from one captured heartbeat",
                               method, line.value, line.key->text.size(), minimum_length));
    });
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
