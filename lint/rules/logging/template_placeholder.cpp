// Leftover template markup and placeholder values in ha.cf, haresources and authkeys: the file
// was copied from a template or a tutorial and never filled in.
#include "rule_support.hpp"

#include <hakit/compiler/values.hpp>
#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA010",
    .name = "template-placeholder",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "a configuration file holds template markup or a placeholder value",
    .doc = R"md(
## Why is this bad?
Heartbeat configurations are often generated from Ansible (Jinja), Puppet or Chef (ERB)
templates, or copied from tutorials that leave blanks to fill in. When such a file reaches a
node unrendered or unfilled, Heartbeat reads the markup or the placeholder as a value:

- template markup: `{{ ... }}`, `{% ... %}`, `{# ... #}` (Jinja), `<% ... %>` (ERB),
  `${...}` (shell, Ansible, envsubst), `@@NAME@@` (sed/autoconf-style substitution);
- addresses made of letters: `NNN.NNN.NNN.NNN`, `192.168.1.xxx`, `x.x.x.x`;
- angle-bracket blanks such as `<peer-ip>`, and values like `your-secret`, `YOUR_IP` or
  `changeme`;
- node names such as `node1_hostname` or `primary_node_hostname` (in `node`, `ucast`,
  `stonith_host` and as a `haresources` owner), and interface names such as `interface` or
  `network_adapter` in media lines.

Depending on where it sits, Heartbeat then refuses to start (an unknown directive, a host
that does not resolve, a node that is not the local one), or worse, starts with it: a key
such as `your-secure-password` is a working key that anyone who read the tutorial knows.
Comments are not checked (a `# {{ ansible_managed }}` header is harmless). Each occurrence is
reported at its first byte; the text of an authkeys key is never shown.

## How to fix it
Render the template (`ansible-playbook`, `puppet apply`, ...) and deploy its output, or fill
in the real values. Generate keys with e.g.
`dd if=/dev/urandom bs=512 count=1 | openssl sha1`.
)md",
    .bad = R"(== ha.cf ==
node {{ primary_host }} beta
bcast eth1
ucast eth1 NNN.NNN.NNN.NNN
)",
    .good = R"(== ha.cf ==
# {{ ansible_managed }}
node alpha beta
bcast eth1
ucast eth1 10.0.0.2
)",
};

// One finding: bytes [begin, end) of a line (0-based offsets) and what to say about them.
struct placeholder {
    std::size_t line = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string message;
};

struct markup_kind {
    std::string_view open;
    std::string_view close;
    std::string_view name;
};

constexpr std::array<markup_kind, 5> markup_kinds{{
    {"{{", "}}", "Jinja"},
    {"{%", "%}", "Jinja"},
    {"{#", "#}", "Jinja"},
    {"<%", "%>", "ERB"},
    {"${", "}", "shell-style"},
}};

// Words people leave where a value should go (compared case-insensitively).
constexpr std::array<std::string_view, 6> placeholder_words{
    "changeme", "change_me", "change-me", "replaceme", "replace_me", "replace-me"};
constexpr std::array<std::string_view, 6> interface_words{
    "interface", "iface", "network_adapter", "network_interface", "ethx", "ethn"};
constexpr std::size_t longest_quote = 40;

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The text in quotes, cut after about 40 bytes (never inside a UTF-8 character).
std::string quoted(std::string_view text) {
    if (text.size() <= longest_quote) {
        return fmt::format("'{}'", text);
    }
    std::size_t cut = longest_quote;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut; // a continuation byte: the character started earlier
    }
    return fmt::format("'{}...'", text.substr(0, cut));
}

// `@@NAME@@`, as sed- and autoconf-style substitutions write it; returns its length.
std::size_t at_at_variable(std::string_view text) {
    if (!text.starts_with("@@") || text.size() < 5 || !is_word_char(text[2])) {
        return 0;
    }
    std::size_t end = 2;
    while (end < text.size() && is_word_char(text[end])) {
        ++end;
    }
    return text.substr(end).starts_with("@@") ? end + 2 : 0;
}

void find_markup(std::string_view text, std::size_t line, std::vector<placeholder>& found) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::string_view rest = text.substr(at);
        const auto kind =
            std::find_if(markup_kinds.begin(), markup_kinds.end(),
                         [&](const markup_kind& k) { return rest.starts_with(k.open); });
        if (kind != markup_kinds.end()) {
            const auto close = rest.find(kind->close, kind->open.size());
            const std::size_t length =
                close == std::string_view::npos ? rest.size() : close + kind->close.size();
            found.push_back({line, at, at + length,
                             fmt::format("leftover {} template markup {}: the file was not "
                                         "rendered",
                                         kind->name, quoted(rest.substr(0, length)))});
            at += length;
        } else if (const std::size_t length = at_at_variable(rest); length > 0) {
            found.push_back({line, at, at + length,
                             fmt::format("leftover substitution variable {}: the file was not "
                                         "filled in",
                                         quoted(rest.substr(0, length)))});
            at += length;
        } else {
            ++at;
        }
    }
}

bool is_placeholder_octet(std::string_view part) {
    return !part.empty() && part.size() <= 3 && std::all_of(part.begin(), part.end(), [](char c) {
        return std::string_view("NnXx").find(c) != std::string_view::npos;
    });
}

bool is_number_octet(std::string_view part) {
    return !part.empty() && part.size() <= 3 && std::all_of(part.begin(), part.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// Length of an address written with letters (NNN.NNN.NNN.NNN, 10.0.0.xxx, x.x.x.x, with an
// optional /NN), or 0.
std::size_t letter_address(std::string_view text) {
    std::size_t at = 0;
    bool has_letters = false;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (at >= text.size() || text[at] != '.') {
                return 0;
            }
            ++at;
        }
        std::size_t end = at;
        while (end < text.size() && end - at < 4 && is_word_char(text[end])) {
            ++end;
        }
        const std::string_view octet = text.substr(at, end - at);
        if (is_placeholder_octet(octet)) {
            has_letters = true;
        } else if (!is_number_octet(octet)) {
            return 0;
        }
        at = end;
    }
    if (at < text.size() && text[at] == '/') { // a prefix length written the same way: /NN
        std::size_t end = at + 1;
        while (end < text.size() && end - at <= 3 && is_word_char(text[end])) {
            ++end;
        }
        const std::string_view bits = text.substr(at + 1, end - at - 1);
        if (is_placeholder_octet(bits) || (is_number_octet(bits) && bits.size() <= 2)) {
            at = end;
        }
    }
    if (!has_letters || (at < text.size() && (is_word_char(text[at]) || text[at] == '.'))) {
        return 0;
    }
    return at;
}

void find_letter_addresses(std::string_view text, std::size_t line,
                           std::vector<placeholder>& found) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (at > 0 && (is_word_char(text[at - 1]) || text[at - 1] == '.')) {
            continue;
        }
        if (const std::size_t length = letter_address(text.substr(at)); length > 0) {
            found.push_back({line, at, at + length,
                             fmt::format("{} is a placeholder, not an address",
                                         quoted(text.substr(at, length)))});
            at += length - 1;
        }
    }
}

// <peer-ip>, <your key>: a blank in angle brackets ("<%" is ERB, found above).
void find_angle_blanks(std::string_view text, std::size_t line, std::vector<placeholder>& found) {
    for (std::size_t at = 0; at + 2 < text.size(); ++at) {
        if (text[at] != '<' || std::isalpha(static_cast<unsigned char>(text[at + 1])) == 0) {
            continue;
        }
        std::size_t end = at + 1;
        while (end < text.size() && (is_word_char(text[end]) || text[end] == ' ' ||
                                     text[end] == '-' || text[end] == '.')) {
            ++end;
        }
        if (end < text.size() && text[end] == '>') {
            found.push_back({line, at, end + 1,
                             fmt::format("{} is a placeholder to fill in",
                                         quoted(text.substr(at, end + 1 - at)))});
            at = end;
        }
    }
}

bool is_placeholder_word(std::string_view part) {
    const std::string lower = values::to_lower_ascii(part);
    if (std::find(placeholder_words.begin(), placeholder_words.end(), lower) !=
        placeholder_words.end()) {
        return true;
    }
    return lower.size() > 5 && lower.starts_with("your") && (lower[4] == '-' || lower[4] == '_');
}

// your-secret, YOUR_IP, changeme: also inside a token, between '::', '/', ',' or '='.
void find_placeholder_words(std::string_view text, std::size_t line,
                            std::vector<placeholder>& found) {
    constexpr std::string_view separators = " \t:/,=@";
    std::size_t at = 0;
    while (at < text.size()) {
        const auto begin = text.find_first_not_of(separators, at);
        if (begin == std::string_view::npos) {
            break;
        }
        const auto end = std::min(text.find_first_of(separators, begin), text.size());
        const std::string_view part = text.substr(begin, end - begin);
        if (is_placeholder_word(part)) {
            found.push_back(
                {line, begin, end, fmt::format("{} is a placeholder value", quoted(part))});
        }
        at = end;
    }
}

void find_in_text(std::string_view text, std::size_t line, std::vector<placeholder>& found) {
    find_markup(text, line, found);
    find_letter_addresses(text, line, found);
    find_angle_blanks(text, line, found);
    find_placeholder_words(text, line, found);
}

// Where Heartbeat stops reading: the first '#' (a Jinja "{#" is markup, not the comment start).
std::size_t comment_start(std::string_view text) {
    std::size_t at = text.find('#');
    while (at != std::string_view::npos && at > 0 && text[at - 1] == '{') {
        at = text.find('#', at + 1);
    }
    return at == std::string_view::npos ? text.size() : at;
}

bool has_component(std::string_view name, std::string_view word) {
    const std::string lower = values::to_lower_ascii(name);
    std::size_t at = 0;
    while (at <= lower.size()) {
        const auto end = std::min(lower.find_first_of("_-", at), lower.size());
        if (std::string_view(lower).substr(at, end - at) == word) {
            return true;
        }
        at = end + 1;
    }
    return false;
}

void check_node_name(const grammar::token& name, std::vector<placeholder>& found) {
    if (has_component(name.text, "hostname") || has_component(name.text, "nodename")) {
        const std::size_t begin = name.where.column - 1;
        found.push_back({name.where.line, begin, begin + name.text.size(),
                         fmt::format("{} is a placeholder, not a node name", quoted(name.text))});
    }
}

void check_interface(const grammar::token& device, std::vector<placeholder>& found) {
    const std::string lower = values::to_lower_ascii(device.text);
    if (std::find(interface_words.begin(), interface_words.end(), lower) != interface_words.end()) {
        const std::size_t begin = device.where.column - 1;
        found.push_back(
            {device.where.line, begin, begin + device.text.size(),
             fmt::format("{} is a placeholder, not an interface name", quoted(device.text))});
    }
}

void find_in_ha_cf(const grammar::ha_cf_file& file, std::vector<placeholder>& found) {
    const auto& source = *file.source;
    for (std::size_t line = 1; line <= source.line_count(); ++line) {
        const std::string_view text = source.line_text(line);
        find_in_text(text.substr(0, comment_start(text)), line, found);
    }
    for (const auto& directive : file.directives) {
        const std::string_view name = directive.name.text;
        const auto& args = directive.args;
        if (name == "node") {
            std::for_each(args.begin(), args.end(),
                          [&](const auto& a) { check_node_name(a, found); });
        } else if (name == "bcast" || name == "udp") {
            std::for_each(args.begin(), args.end(),
                          [&](const auto& a) { check_interface(a, found); });
        } else if ((name == "ucast" || name == "ucast6" || name == "mcast" || name == "mcast6") &&
                   !args.empty()) {
            check_interface(args[0], found);
            if (name.starts_with("ucast") && args.size() > 1) {
                check_node_name(args[1], found);
            }
        } else if (name == "stonith_host" && !args.empty()) {
            check_node_name(args[0], found);
        }
    }
}

void find_in_haresources(const grammar::haresources_file& file, std::vector<placeholder>& found) {
    // On a continued line ResourceManager does not strip '#' (reference §2.3).
    std::vector<bool> continued(file.source->line_count() + 1, false);
    for (const auto& group : file.groups) {
        for (std::size_t line = group.first_line + 1;
             line <= group.last_line && line < continued.size(); ++line) {
            continued[line] = true;
        }
    }
    for (std::size_t line = 1; line <= file.source->line_count(); ++line) {
        const std::string_view text = file.source->line_text(line);
        find_in_text(continued[line] ? text : text.substr(0, comment_start(text)), line, found);
    }
    for (const auto& group : file.groups) {
        check_node_name(group.owner, found);
    }
}

std::size_t end_column(const grammar::token& token) {
    return token.where.column - 1 + token.text.size();
}

// authkeys: '#' lines are comments; on other lines Heartbeat reads "auth N" or three words.
// A finding inside a key never quotes it.
void find_in_authkeys(const grammar::authkeys_file& file, std::vector<placeholder>& found) {
    std::map<std::size_t, std::size_t> read_up_to; // line -> end of what Heartbeat reads
    std::map<std::size_t, const grammar::key_entry*> key_lines;
    for (const auto& entry : file.entries) {
        if (const auto* auth = std::get_if<grammar::auth_directive>(&entry)) {
            read_up_to[auth->line] = end_column(auth->index);
        } else if (const auto* key_line = std::get_if<grammar::key_entry>(&entry)) {
            read_up_to[key_line->line] =
                end_column(key_line->key ? *key_line->key : key_line->method);
            key_lines[key_line->line] = key_line;
        }
    }
    for (std::size_t line = 1; line <= file.source->line_count(); ++line) {
        std::string_view text = file.source->line_text(line);
        const auto first = text.find_first_not_of(" \t\r\f\v");
        if (first == std::string_view::npos || text[first] == '#') {
            continue;
        }
        if (const auto end = read_up_to.find(line); end != read_up_to.end()) {
            text = text.substr(0, end->second);
        }
        const std::size_t before = found.size();
        find_in_text(text, line, found);
        const auto key_line = key_lines.find(line);
        if (key_line == key_lines.end() || !key_line->second->key) {
            continue;
        }
        const std::size_t key_begin = key_line->second->key->where.column - 1;
        const long index = key_line->second->value;
        for (std::size_t i = before; i < found.size(); ++i) {
            if (found[i].begin >= key_begin) {
                found[i].message = fmt::format(
                    "the key of index {} is a leftover placeholder, not a secret", index);
            } else if (found[i].end > key_begin) {
                found[i].message = fmt::format("leftover template markup runs into the key of "
                                               "index {} (the key is not shown)",
                                               index);
            }
        }
    }
}

// Keeps the first finding of overlapping ones (markup before the words inside it).
void report_file(std::vector<placeholder> found, const std::string& path, sink& out) {
    std::stable_sort(found.begin(), found.end(), [](const placeholder& a, const placeholder& b) {
        return a.line != b.line ? a.line < b.line : a.begin < b.begin;
    });
    const placeholder* kept = nullptr;
    for (const auto& candidate : found) {
        if (kept != nullptr && kept->line == candidate.line && candidate.begin < kept->end) {
            continue;
        }
        kept = &candidate;
        out.report(meta, location{path, candidate.line, candidate.begin + 1}, candidate.message);
    }
}

void check(const node_folder& folder, sink& out) {
    if (folder.ha_cf) {
        std::vector<placeholder> found;
        find_in_ha_cf(*folder.ha_cf, found);
        report_file(std::move(found), folder.ha_cf->source->path(), out);
    }
    if (folder.haresources) {
        std::vector<placeholder> found;
        find_in_haresources(*folder.haresources, found);
        report_file(std::move(found), folder.haresources->source->path(), out);
    }
    if (folder.authkeys) {
        std::vector<placeholder> found;
        find_in_authkeys(*folder.authkeys, found);
        report_file(std::move(found), folder.authkeys->source->path(), out);
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
