// Outputs of the failover policy machine, carried out by the daemon in the order given.
#pragma once

#include <hakit/runtime/policy/message.hpp>

#include <string>
#include <variant>

namespace hakit::runtime::policy::action {

// Start every resource of the group, in order; answer with event::group_started.
struct start_group {
    std::string group;
    friend bool operator==(const start_group&, const start_group&) = default;
};
// Stop every resource of the group, in reverse order; answer with event::group_stopped.
struct stop_group {
    std::string group;
    friend bool operator==(const stop_group&, const stop_group&) = default;
};
struct send_message {
    peer_message message;
    friend bool operator==(const send_message&, const send_message&) = default;
};
enum class log_level { debug, info, warning, error };
struct log {
    log_level level = log_level::info;
    std::string text;
    friend bool operator==(const log&, const log&) = default;
};
// A standby or takeover command was not carried out; the text says why (also logged), so
// that the one who asked hears it.
struct request_refused {
    std::string reason;
    friend bool operator==(const request_refused&, const request_refused&) = default;
};
// Everything is released (and the peer told): the daemon may exit.
struct shutdown_complete {
    friend bool operator==(const shutdown_complete&, const shutdown_complete&) = default;
};

} // namespace hakit::runtime::policy::action

namespace hakit::runtime::policy {

using policy_action = std::variant<action::start_group, action::stop_group, action::send_message,
                                   action::log, action::request_refused, action::shutdown_complete>;

} // namespace hakit::runtime::policy
