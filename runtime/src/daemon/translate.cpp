#include <hakit/runtime/daemon/translate.hpp>
#include <hakit/runtime/node/node_name.hpp>

#include <fmt/format.h>

namespace hakit::runtime::daemon {
namespace {

wire::auth_method wire_method(node::auth_method method) {
    switch (method) {
    case node::auth_method::crc:
        return wire::auth_method::crc;
    case node::auth_method::md5:
        return wire::auth_method::md5;
    case node::auth_method::sha1:
        return wire::auth_method::sha1;
    }
    return wire::auth_method::crc;
}

policy::auto_failback failback(node::failback_policy value) {
    switch (value) {
    case node::failback_policy::on:
        return policy::auto_failback::on;
    case node::failback_policy::off:
        return policy::auto_failback::off;
    case node::failback_policy::legacy:
        return policy::auto_failback::legacy;
    }
    return policy::auto_failback::legacy;
}

} // namespace

membership::config membership_config(const node::runtime_plan& plan, const std::string& local_node,
                                     const std::vector<std::string>& link_ids) {
    membership::config settings;
    settings.local_node = local_node;
    for (const node::cluster_node& member : plan.nodes) {
        if (member.name != local_node) {
            settings.peers.push_back(member.name);
        }
    }
    settings.links = link_ids;
    settings.keepalive = plan.timing_ms.keepalive;
    settings.deadtime = plan.timing_ms.deadtime;
    settings.warntime = plan.timing_ms.warntime;
    settings.initdead = plan.timing_ms.initdead;
    return settings;
}

policy::config policy_config(const node::runtime_plan& plan, const std::string& local_node) {
    policy::config settings;
    settings.local_node = local_node;
    for (const node::cluster_node& member : plan.nodes) {
        settings.nodes.push_back(member.name);
    }
    for (const node::resource_group& group : plan.groups) {
        settings.groups.push_back(policy::group_spec{group.id, group.owner});
    }
    settings.failback = failback(plan.auto_failback);
    settings.keepalive = plan.timing_ms.keepalive;
    settings.deadtime = plan.timing_ms.deadtime;
    settings.ping_failover = plan.ipfail_respawned;
    settings.ping_node_count = plan.ping_nodes.size();
    return settings;
}

std::variant<wire::key_set, std::string> plan_keys(const node::runtime_plan& plan) {
    wire::key_set keys;
    for (const node::auth_key& entry : plan.auth.keys) {
        if (entry.index < 0) {
            return fmt::format("authkeys index {} is out of range", entry.index);
        }
        if (auto problem = keys.add(static_cast<unsigned>(entry.index), wire_method(entry.method),
                                    entry.key)) {
            return fmt::format("authkeys entry {}: {}", entry.index, problem->message);
        }
    }
    if (plan.auth.key_index < 0) {
        return std::string("the plan selects no sending key");
    }
    if (auto problem = keys.activate(static_cast<unsigned>(plan.auth.key_index))) {
        return fmt::format("authkeys: {}", problem->message);
    }
    return keys;
}

std::vector<resources::resource_ref> group_resources(const node::resource_group& group) {
    std::vector<resources::resource_ref> refs;
    for (const node::resource& item : group.resources) {
        refs.push_back(resources::resource_ref{item.script, item.args});
    }
    return refs;
}

std::optional<membership::received_message>
membership_input(const wire::message& fields, const std::string& link, bool authenticated) {
    const auto src = fields.string_value("src");
    const auto type = fields.string_value("t");
    const auto generation = fields.hex_value("hg");
    if (!src || src->empty() || !type || type->empty() || !generation) {
        return std::nullopt;
    }
    membership::received_message input;
    input.from = node::lowercase_ascii(*src);
    input.link = link;
    input.type = std::string(*type);
    input.seq = fields.hex_value("seq");
    input.generation = *generation;
    input.timestamp = fields.hex_value("ts").value_or(0);
    if (input.type == "status" || input.type == "shutdone") {
        input.status = std::string(fields.string_value("st").value_or(""));
    }
    if (input.type == "status") {
        if (auto dt = fields.hex_value("dt")) {
            input.dt = std::chrono::milliseconds(static_cast<std::int64_t>(*dt));
        }
    }
    input.authenticated = authenticated;
    return input;
}

wire::message status_message(std::string_view state, std::chrono::milliseconds dead_time) {
    wire::message own;
    own.add_string("t", "status");
    own.add_string("st", std::string(state));
    own.add_hex("dt", static_cast<std::uint64_t>(dead_time.count()));
    own.add_string("protocol", "1");
    return own;
}

wire::message policy_wire_message(const policy::peer_message& message) {
    wire::message own;
    for (auto& [name, value] : policy::encode(message)) {
        own.add_string(name, value);
    }
    return own;
}

policy::field_list policy_fields(const wire::message& fields) {
    policy::field_list pairs;
    for (const wire::field& item : fields.fields()) {
        if (item.type == wire::field_type::string) {
            pairs.emplace_back(item.name, item.value);
        }
    }
    return pairs;
}

bool addressed_elsewhere(const wire::message& fields, const std::string& local_node) {
    const auto dest = fields.string_value("dest");
    return dest && node::lowercase_ascii(*dest) != local_node;
}

} // namespace hakit::runtime::daemon
