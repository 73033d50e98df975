// Whole-line ha.cf directives (WLdirectives[]): respawn, failfast, apiauth, stonith,
// stonith_host. Missing fields were reported by the grammar; such lines are skipped here.
#include "ha_cf_state.hpp"

#include <fmt/format.h>

namespace hakit::resolve {
namespace {

using grammar::ha_cf_directive;

std::vector<std::string> split_list(std::string_view list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const auto end = comma == std::string_view::npos ? list.size() : comma;
        if (end > start) {
            items.emplace_back(list.substr(start, end - start));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return items;
}

void add_child(ha_cf_state& state, const ha_cf_directive& d) {
    if (d.args.size() < 2) {
        return;
    }
    const auto& command = d.args[1];
    if (command.text.empty() || command.text.front() != '/') {
        state.invalid(command, fmt::format("{} command '{}' is not a full path name (Heartbeat: "
                                           "\"Client child command [{}] is not full pathname\")",
                                           d.name.text, command.text, command.text));
        return;
    }
    ir::child_process child;
    child.user = d.args[0].text;
    child.command = command.text;
    for (std::size_t i = 2; i < d.args.size(); ++i) {
        child.args.push_back(d.args[i].text);
    }
    child.failfast = d.name.text == "failfast";
    child.where = d.name.where;
    state.config.children.push_back(std::move(child));
}

void add_apiauth(ha_cf_state& state, const ha_cf_directive& d) {
    if (d.args.size() < 2) {
        return;
    }
    const auto& client = d.args[0];
    for (const auto& existing : state.config.api_auths) {
        if (existing.client == client.text) {
            state.problem(ir::problem_kind::repeated_directive, client.where,
                          fmt::format("apiauth for client '{}' is given twice (Heartbeat: "
                                      "\"Duplicate apiauth directive\")",
                                      client.text),
                          {{existing.where, "first apiauth for it here"}});
            return;
        }
    }
    ir::api_auth auth;
    auth.client = client.text;
    auth.where = client.where;
    for (std::size_t i = 1; i < d.args.size(); ++i) {
        const std::string_view word = d.args[i].text;
        if (word.starts_with("uid=")) {
            auto ids = split_list(word.substr(4));
            auth.uids.insert(auth.uids.end(), ids.begin(), ids.end());
        } else if (word.starts_with("gid=")) {
            auto ids = split_list(word.substr(4));
            auth.gids.insert(auth.gids.end(), ids.begin(), ids.end());
        } else {
            return; // the grammar reported the stray word
        }
    }
    if (auth.uids.empty() && auth.gids.empty()) {
        state.invalid(d.args[1], fmt::format("apiauth for '{}' lists no uid or gid (Heartbeat: "
                                             "\"Missing uid or gid in apiauth\")",
                                             client.text));
        return;
    }
    state.config.api_auths.push_back(std::move(auth));
}

void add_stonith(ha_cf_state& state, const ha_cf_directive& d) {
    const bool per_host = d.name.text == "stonith_host";
    if (d.args.size() < 2) {
        return;
    }
    ir::stonith_device device;
    std::size_t next = 0;
    if (per_host) {
        device.host = d.args[next++].text;
    }
    device.type = d.args[next++].text;
    for (; next < d.args.size(); ++next) {
        device.params.push_back(d.args[next].text);
    }
    device.where = d.name.where;
    state.config.stonith.push_back(std::move(device));
}

} // namespace

void apply_whole_line(ha_cf_state& state, const ha_cf_directive& d) {
    const std::string_view name = d.name.text;
    if (name == "respawn" || name == "failfast") {
        add_child(state, d);
    } else if (name == "apiauth") {
        add_apiauth(state, d);
    } else if (name == "stonith" || name == "stonith_host") {
        add_stonith(state, d);
    }
}

} // namespace hakit::resolve
