// IPaddr / IPaddr2 arguments the resource agents refuse (or silently misread).
#include "ip_argument.hpp"
#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <optional>
#include <string>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA206",
    .name = "ip-argument-malformed",
    .level = severity::warning,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "an IPaddr or IPaddr2 argument (ip/bits/nic/broadcast) is malformed",
    .doc = R"md(
## Why is this bad?
A virtual IP in haresources (`IPaddr::ip/bits/nic/broadcast`, `IPaddr2::...`, or a bare
`ip/bits/...` which means `IPaddr`) is passed to the wrapper in /etc/ha.d/resource.d, which
splits it at `/` and hands the parts to the OCF agent. The `heartbeat` binary does not look at
resources, so a bad argument shows up only at takeover: the start fails, ResourceManager logs
`Giving up resources due to failure of ...`, releases the whole group and the service stays
down. Heartbeat itself starts, so hacheck reports these as warnings (errors are kept for what
Heartbeat refuses). The resource cannot start (measured with Debian 12's resource-agents) when:

- the address is not a dotted IPv4 address (`10.0.0.300`, `virtual-ip`);
- the netmask is not a bit count 1..32 or a dotted mask (`/0`, `/33`, `/24x`; findif refuses
  `0` with `Invalid netmask specification`), or, for IPaddr2, a dotted mask that is not
  contiguous (`255.0.255.0`);
- the broadcast is not an IPv4 address;
- more than one argument (`IPaddr::10.0.0.1::eth0`: the wrapper wants exactly one and stops
  with its usage message), or none at all.

It starts, but not as written, with:

- a non-contiguous dotted mask in IPaddr: its findif uses the prefix up to the mask's last 1
  bit (`255.0.255.0` becomes `/24`);
- a broadcast address outside the address's network: the agents apply it as given;
- fields after the broadcast address: the wrappers drop them.

A dotted netmask such as `255.255.255.0` works (the agents convert it), as do an alias label
on the nic (`eth0:0`) and a doubled or trailing `/`.

## How to fix it
Write `ip/bits/nic/broadcast` with a valid address, a bit count between 1 and 32, and a
broadcast inside the network (usually the last address of it), or leave the optional parts
out: `IPaddr::192.168.1.10/24/eth0`.
)md",
    .bad = R"(== haresources ==
alpha IPaddr::192.168.1.10/33/eth0 httpd
)",
    .good = R"(== haresources ==
alpha IPaddr::192.168.1.10/24/eth0/192.168.1.255 httpd
)",
};

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::uint32_t mask_of(int bits) {
    return bits == 0 ? 0U : ~std::uint32_t{0} << (32 - bits);
}

std::string dotted(std::uint32_t address) {
    return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 0xffU,
                       (address >> 8) & 0xffU, address & 0xffU);
}

// The prefix length the agent uses for a netmask field; `problem` says why it refuses the field
// (then no length) or reads it other than written (then the length it uses).
struct netmask_reading {
    std::optional<int> bits;
    std::string problem;
};

netmask_reading read_netmask(std::string_view netmask, std::string_view script) {
    if (all_digits(netmask)) {
        const std::string_view digits = netmask.substr(0, std::min<std::size_t>(netmask.size(), 4));
        const int bits = std::stoi(std::string(digits));
        if (bits >= 1 && bits <= 32 && digits.size() == netmask.size()) {
            return {bits, {}};
        }
        return {std::nullopt, fmt::format("netmask /{} is not a bit count from 1 to 32{}: {} "
                                          "cannot start",
                                          netmask, bits == 0 ? " (findif refuses 0)" : "", script)};
    }
    if (const auto mask = values::parse_ipv4(netmask)) {
        const std::uint32_t value = ipv4_number(*mask);
        const int ones = std::countl_one(value);
        if (value == 0) {
            return {std::nullopt, fmt::format("netmask {} is a /0 network, which findif refuses: "
                                              "{} cannot start",
                                              netmask, script)};
        }
        if (mask_of(ones) == value) {
            return {ones, {}};
        }
        if (script == "IPaddr2") { // findif.sh: "Bogus netmask", then an invalid prefix
            return {std::nullopt,
                    fmt::format("netmask {} is not contiguous: IPaddr2 cannot start", netmask)};
        }
        // IPaddr's findif binary keeps everything up to the mask's last 1 bit (measured).
        const int used = 32 - std::countr_zero(value);
        return {used, fmt::format("netmask {} is not contiguous: IPaddr's findif uses /{} instead",
                                  netmask, used)};
    }
    return {std::nullopt, fmt::format("netmask '{}' is neither a bit count (1..32) nor a dotted "
                                      "mask: {} cannot start",
                                      netmask, script)};
}

// Checks the one argument field by field; later parts are only checked when earlier ones hold.
void check_argument(std::string_view script, const grammar::token& argument, sink& out) {
    const auto parts = split_ip_argument(argument.text);
    const auto at = [&](const ip_field& field) { return field_location(argument, field); };
    const std::string failure = fmt::format("{} cannot start", script);
    const auto address = values::parse_ipv4(parts.ip.text);
    if (!address) {
        out.report(
            meta, at(parts.ip),
            parts.ip.text.empty()
                ? fmt::format("the {} argument has no IP address before '/': {}", script, failure)
                : fmt::format("'{}' is not an IPv4 address: {}", parts.ip.text, failure));
        return;
    }
    std::optional<int> bits;
    if (parts.netmask) {
        const auto reading = read_netmask(parts.netmask->text, script);
        if (!reading.problem.empty()) {
            out.report(meta, at(*parts.netmask), reading.problem);
        }
        if (!reading.bits) {
            return;
        }
        bits = reading.bits;
    }
    if (parts.broadcast && !parts.broadcast->text.empty()) {
        const auto broadcast = values::parse_ipv4(parts.broadcast->text);
        if (!broadcast) {
            out.report(meta, at(*parts.broadcast),
                       fmt::format("broadcast '{}' is not an IPv4 address: {}",
                                   parts.broadcast->text, failure));
            return;
        }
        const std::uint32_t mask = mask_of(bits.value_or(32));
        const std::uint32_t network = ipv4_number(*address) & mask;
        if (bits && (ipv4_number(*broadcast) & mask) != network) {
            out.report(meta, at(*parts.broadcast),
                       fmt::format("broadcast {} is outside {}/{}, the network of {}; {} "
                                   "applies it as given (the network's broadcast is {})",
                                   parts.broadcast->text, dotted(network), *bits, parts.ip.text,
                                   script, dotted(network | ~mask)));
        }
    }
    if (!parts.ignored.empty()) {
        out.report_as(meta, severity::info, at(parts.ignored.front()),
                      fmt::format("'{}' comes after the broadcast address: the {} wrapper "
                                  "ignores it",
                                  parts.ignored.front().text, script));
    }
}

void check(const node_folder& folder, sink& out) {
    if (!folder.haresources || folder.ir.pacemaker_enabled) {
        return; // with pacemaker enabled Heartbeat does not use haresources
    }
    for (const auto& group : folder.haresources->groups) {
        for (const auto& spec : group.resources) {
            if (!takes_ip_argument(spec) || has_template_markup(spec.text.text)) {
                continue; // markup is HA010's finding
            }
            const std::string_view script = spec.script.text;
            if (spec.args.empty()) {
                out.report(meta, spec.text.where,
                           fmt::format("{} has no argument: its wrapper needs "
                                       "ip[/bits[/nic][/broadcast]] and stops with its usage "
                                       "message",
                                       script));
                continue;
            }
            if (spec.args.size() > 1) {
                out.report(meta, spec.args[1].where,
                           fmt::format("{} takes one argument but '::' gives it {}: the wrapper "
                                       "stops with its usage message (separate the parts with "
                                       "'/')",
                                       script, spec.args.size()));
            }
            check_argument(script, spec.args.front(), out);
        }
    }
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
