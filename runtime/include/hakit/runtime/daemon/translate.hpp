// The daemon's adapters between the areas: the plan becomes each machine's configuration, and
// wire messages become the machines' inputs and back. The areas do not know each other; this
// is the only place that knows all of them.
#pragma once

#include <hakit/runtime/membership/config.hpp>
#include <hakit/runtime/membership/message.hpp>
#include <hakit/runtime/node/plan.hpp>
#include <hakit/runtime/policy/config.hpp>
#include <hakit/runtime/policy/message.hpp>
#include <hakit/runtime/resources/resource.hpp>
#include <hakit/runtime/wire/keys.hpp>
#include <hakit/runtime/wire/message.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::daemon {

membership::config membership_config(const node::runtime_plan& plan, const std::string& local_node,
                                     const std::vector<std::string>& link_ids);

policy::config policy_config(const node::runtime_plan& plan, const std::string& local_node);

// The authkeys entries of the plan; an error text when the plan cannot sign (no keys).
std::variant<wire::key_set, std::string> plan_keys(const node::runtime_plan& plan);

std::vector<resources::resource_ref> group_resources(const node::resource_group& group);

// The membership machine's view of a parsed packet; nullopt when `src`, `t` or `hg` is missing
// or malformed (garbage, counted by the caller).
std::optional<membership::received_message>
membership_input(const wire::message& fields, const std::string& link, bool authenticated);

// `t=status st=<state> dt=<hex ms> protocol=1`, the message's own fields (§4.9).
wire::message status_message(std::string_view state, std::chrono::milliseconds dead_time);

wire::message policy_wire_message(const policy::peer_message& message);

// The string fields of a received message as the policy decoder reads them.
policy::field_list policy_fields(const wire::message& fields);

// A message addressed (`dest`) to another node is not for us (§4.8 point 4).
bool addressed_elsewhere(const wire::message& fields, const std::string& local_node);

} // namespace hakit::runtime::daemon
