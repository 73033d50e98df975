// The requests the control socket understands, as `harun status|standby|takeover` send them:
//   {"command": "status"}
//   {"command": "standby",  "which": "all" | "local" | "foreign"}
//   {"command": "takeover", "which": "all" | "local" | "foreign"}
// "which" defaults to "all" and also takes Heartbeat's "failback" (= "foreign"), as
// hb_standby / hb_takeover do (reference §5.5). Answers carry "ok": true, or "ok": false and
// "error".
#pragma once

#include <hakit/runtime/node/outcome.hpp>

#include <nlohmann/json.hpp>

#include <string_view>
#include <variant>

namespace hakit::runtime::node {

enum class group_set { all, local, foreign };
std::string_view to_string(group_set which);

struct status_request {};
struct standby_request {
    group_set which = group_set::all;
};
struct takeover_request {
    group_set which = group_set::all;
};
using control_command = std::variant<status_request, standby_request, takeover_request>;

nlohmann::json to_json(const control_command& command);
outcome<control_command> parse_control_command(const nlohmann::json& request);
// "all", "local", "foreign" or "failback", as typed on the command line.
outcome<group_set> parse_group_set(std::string_view text);

nlohmann::json ok_response(nlohmann::json fields = nlohmann::json::object());
nlohmann::json error_response(std::string_view message);

} // namespace hakit::runtime::node
