// One haresources resource as ResourceManager sees it: a script name, its arguments and the
// action it is asked to do.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::runtime::resources {

// Time is passed in by the caller; nothing in this area reads a clock.
using time_point = std::chrono::steady_clock::time_point;

enum class script_action { start, stop, status };

// "start", "stop" or "status": the last argument a resource script receives.
std::string_view action_name(script_action action);

struct resource_ref {
    std::string script;            // "IPaddr", "Filesystem", "httpd"
    std::vector<std::string> args; // passed one by one before the action

    friend bool operator==(const resource_ref&, const resource_ref&) = default;
};

// Reads one haresources token as ResourceManager does: a bare IPv4 address (the shell glob
// [0-9]*.[0-9]*.[0-9]*.[0-9]*) means IPaddr::<token>; otherwise the script is the part before
// the first "::" and the arguments are the rest split on "::". Empty pieces are kept empty
// here; script_command() drops them as ResourceManager's word splitting does.
resource_ref parse_resource_token(std::string_view token);

// True when ResourceManager's isip() accepts the token as an IP address.
bool looks_like_ip(std::string_view token);

// The resource written back as a haresources token ("IPaddr::192.0.2.10/24"), for messages.
std::string resource_token(const resource_ref& resource);

} // namespace hakit::runtime::resources
