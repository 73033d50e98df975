// Serial media run at the baud rate set before the first serial line, else 19200.
#include "media_support.hpp"

#include <hakit/lint/rule.hpp>

#include <fmt/format.h>

#include <tuple>

namespace hakit::lint {
namespace {

constexpr rule_meta meta{
    .code = "HA154",
    .name = "serial-without-baud",
    .level = severity::info,
    .scope = rule_scope::node,
    .heartbeat_refuses = false,
    .summary = "serial media run at the default 19200 baud (no baud line before them)",
    .doc = R"md(
## Why is this bad?
Heartbeat's serial plugin looks up `baud` once, when it reads the first `serial` line, and
uses that speed for every serial line; without a `baud` line above it, the speed is
**19200**. Both ends of the cable must use the same speed, so it is worth writing down (info).

A `baud` line *after* the first `serial` line changes nothing for the serial media: they keep
19200. Heartbeat only prints `baudrate setting must precede media statements` on stderr. When
that later line asks for another speed, this rule warns: the nodes do not run at the speed the
file suggests.

## How to fix it
Put `baud <rate>` (9600, 19200, 38400, 57600, 115200, 230400 or 460800) above the first
`serial` line, with the same rate on every node.
)md",
    .bad = R"(== ha.cf ==
node alpha beta
bcast eth0
serial /dev/ttyS0
)",
    .good = R"(== ha.cf ==
node alpha beta
bcast eth0
baud 19200
serial /dev/ttyS0
)",
};

constexpr int default_baud = 19200;

bool before(const location& a, const location& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
}

void check(const node_folder& folder, sink& out) {
    if (!folder.ha_cf) {
        return;
    }
    const ir::medium* first_serial = nullptr;
    for (const auto& medium : folder.ir.media) {
        if (medium.kind == ir::medium_kind::serial) {
            first_serial = &medium;
            break;
        }
    }
    const auto& baud = folder.ir.baud;
    if (first_serial == nullptr || is_unrendered(*first_serial) ||
        (baud.is_explicit() && before(baud.where, first_serial->where))) {
        return;
    }
    if (!baud.is_explicit()) {
        out.report(meta, first_serial->where,
                   fmt::format("serial {} runs at the default {} baud: no baud line comes "
                               "before it",
                               first_serial->device, default_baud));
        return;
    }
    const note serial_note{first_serial->where,
                           fmt::format("first serial line, read at {} baud", default_baud)};
    if (baud.v == default_baud) {
        out.report(meta, baud.where,
                   fmt::format("baud {} comes after the first serial line and has no effect "
                               "(the serial media use the default, also {})",
                               baud.v, default_baud),
                   {serial_note});
        return;
    }
    out.report_as(meta, severity::warning, baud.where,
                  fmt::format("baud {} comes after the first serial line: the serial media run "
                              "at the default {} baud, not {}",
                              baud.v, default_baud, baud.v),
                  {serial_note});
}

const registrar registered{meta, &check};

} // namespace
} // namespace hakit::lint
