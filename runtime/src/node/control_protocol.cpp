#include <hakit/runtime/node/control_protocol.hpp>

#include <fmt/format.h>

namespace hakit::runtime::node {

std::string_view to_string(group_set which) {
    switch (which) {
    case group_set::all:
        return "all";
    case group_set::local:
        return "local";
    case group_set::foreign:
        return "foreign";
    }
    return "all";
}

outcome<group_set> parse_group_set(std::string_view text) {
    if (text == "all") {
        return group_set::all;
    }
    if (text == "local") {
        return group_set::local;
    }
    if (text == "foreign" || text == "failback") {
        return group_set::foreign;
    }
    return failure{
        fmt::format("unknown resource set \"{}\": expected all, local or foreign", text)};
}

nlohmann::json to_json(const control_command& command) {
    if (const auto* standby = std::get_if<standby_request>(&command)) {
        return {{"command", "standby"}, {"which", to_string(standby->which)}};
    }
    if (const auto* takeover = std::get_if<takeover_request>(&command)) {
        return {{"command", "takeover"}, {"which", to_string(takeover->which)}};
    }
    return {{"command", "status"}};
}

namespace {

outcome<group_set> which_of(const nlohmann::json& request) {
    const auto found = request.find("which");
    if (found == request.end()) {
        return group_set::all;
    }
    if (!found->is_string()) {
        return failure{"\"which\" must be a string: all, local or foreign"};
    }
    return parse_group_set(found->get<std::string>());
}

} // namespace

outcome<control_command> parse_control_command(const nlohmann::json& request) {
    if (!request.is_object() || !request.contains("command") || !request["command"].is_string()) {
        return failure{"a request is an object with a \"command\" string"};
    }
    const std::string command = request["command"].get<std::string>();
    if (command == "status") {
        return control_command{status_request{}};
    }
    if (command != "standby" && command != "takeover") {
        return failure{
            fmt::format("unknown command \"{}\": expected status, standby or takeover", command)};
    }
    const auto which = which_of(request);
    if (!which) {
        return failure{which.error()};
    }
    if (command == "standby") {
        return control_command{standby_request{*which}};
    }
    return control_command{takeover_request{*which}};
}

nlohmann::json ok_response(nlohmann::json fields) {
    fields["ok"] = true;
    return fields;
}

nlohmann::json error_response(std::string_view message) {
    return {{"ok", false}, {"error", message}};
}

} // namespace hakit::runtime::node
