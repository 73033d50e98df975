// The "ip[/bits[/nic][/broadcast]]" argument of IPaddr and IPaddr2 resources, split exactly as
// the Heartbeat wrappers (/etc/ha.d/resource.d/IPaddr, IPaddr2) split it with sed, with the
// byte offset of every field so findings can point into the token. Header-only: every .cpp in
// lint/rules is one rule.
#pragma once

#include <hakit/compiler/values.hpp>
#include <hakit/grammar/haresources.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hakit::lint {

struct ip_field {
    std::string_view text;
    std::size_t offset = 0; // bytes from the start of the argument
};

struct ip_argument_parts {
    ip_field ip;
    std::optional<ip_field> netmask;
    std::optional<ip_field> nic;
    std::optional<ip_field> broadcast;
    std::vector<ip_field> ignored; // fields after the broadcast, which the wrappers drop
};

namespace ip_argument_detail {

inline std::size_t skip_slashes(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == '/') {
        ++at;
    }
    return at;
}

inline ip_field field_at(std::string_view text, std::size_t at) {
    const std::size_t end = std::min(text.find('/', at), text.size());
    return {text.substr(at, end - at), at};
}

} // namespace ip_argument_detail

// BASEIP is everything before the first '/'; the wrapper then strips "BASEIP/*", takes the
// netmask up to the next '/', strips "NETMASK/*", and reads the next field as the broadcast
// when it starts with a digit (nothing after it is read), else as the nic followed by the
// broadcast. Empty fields mean "not given".
inline ip_argument_parts split_ip_argument(std::string_view argument) {
    using ip_argument_detail::field_at;
    using ip_argument_detail::skip_slashes;
    ip_argument_parts parts;
    parts.ip = field_at(argument, 0);
    std::size_t at = skip_slashes(argument, parts.ip.text.size());
    if (at >= argument.size()) {
        return parts;
    }
    parts.netmask = field_at(argument, at);
    at = skip_slashes(argument, at + parts.netmask->text.size());
    if (at >= argument.size()) {
        return parts;
    }
    const ip_field third = field_at(argument, at);
    at += third.text.size();
    if (third.text.front() >= '0' && third.text.front() <= '9') {
        parts.broadcast = third;
    } else {
        parts.nic = third;
        at = skip_slashes(argument, at);
        if (at < argument.size()) {
            parts.broadcast = field_at(argument, at);
            at += parts.broadcast->text.size();
        }
    }
    while (at < argument.size()) {
        at = skip_slashes(argument, at);
        if (at < argument.size()) {
            parts.ignored.push_back(field_at(argument, at));
            at += parts.ignored.back().text.size();
        }
    }
    return parts;
}

inline std::uint32_t ipv4_number(const std::array<std::uint8_t, 4>& address) {
    return (std::uint32_t{address[0]} << 24) | (std::uint32_t{address[1]} << 16) |
           (std::uint32_t{address[2]} << 8) | std::uint32_t{address[3]};
}

// Scripts whose first argument is an "ip/bits/nic/bcast" word (a bare IP means IPaddr).
inline bool takes_ip_argument(const grammar::resource_spec& spec) {
    return spec.script.text == "IPaddr" || spec.script.text == "IPaddr2";
}

// A resource of haresources that configures an IPv4 address, with its argument token.
struct ip_resource {
    const grammar::resource_group_line* group = nullptr;
    const grammar::resource_spec* spec = nullptr;
    const grammar::token* argument = nullptr;
    std::array<std::uint8_t, 4> address{};
};

// Every IPaddr / IPaddr2 resource whose address part is a valid IPv4 address, in file order.
inline std::vector<ip_resource> ip_resources(const grammar::haresources_file& file) {
    std::vector<ip_resource> found;
    for (const auto& group : file.groups) {
        for (const auto& spec : group.resources) {
            if (!takes_ip_argument(spec) || spec.args.empty()) {
                continue;
            }
            const auto parts = split_ip_argument(spec.args.front().text);
            if (const auto address = values::parse_ipv4(parts.ip.text)) {
                found.push_back({&group, &spec, &spec.args.front(), *address});
            }
        }
    }
    return found;
}

// Where a field of an argument token starts (tokens never span lines).
inline location field_location(const grammar::token& argument, const ip_field& field) {
    location where = argument.where;
    where.column += field.offset;
    return where;
}

} // namespace hakit::lint
