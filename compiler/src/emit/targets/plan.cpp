// Target `plan`: the versioned JSON plan harun executes (docs/plan.md, docs/plan.schema.json).
// Everything harun needs is resolved here, so it never re-reads the legacy files: nodes with
// their own media and known addresses, timing in ms, failback policy, ping nodes, groups in
// haresources order with the IPaddr arguments split, auth and logging, each construct with the
// legacy line it came from.
#include "json_support.hpp"

#include <hakit/compiler/emit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace hakit::emit {
namespace {

constexpr int plan_version = 1;

// Where each part of the plan comes from: the first folder that has the file it is read from.
// One folder per node is the usual input; the files that must agree between nodes (hacheck's
// cross-node rules check that they do) are taken from the first.
struct plan_sources {
    const node_folder* settings = nullptr;  // ha.cf: cluster, timing, ping nodes, logging, ...
    const node_folder* resources = nullptr; // haresources: the groups
    const node_folder* keys = nullptr;      // authkeys
    std::size_t folders_with_ha_cf = 0;
};

plan_sources find_sources(const std::vector<node_folder>& folders) {
    plan_sources sources;
    for (const auto& folder : folders) {
        if (folder.ha_cf) {
            ++sources.folders_with_ha_cf;
            if (sources.settings == nullptr) {
                sources.settings = &folder;
            }
        }
        if (folder.haresources && sources.resources == nullptr) {
            sources.resources = &folder;
        }
        if (folder.authkeys && sources.keys == nullptr) {
            sources.keys = &folder;
        }
    }
    if (sources.settings == nullptr && !folders.empty()) {
        sources.settings = &folders.front(); // no ha.cf at all: Heartbeat's defaults
    }
    return sources;
}

ordered_json optional_path(const node_folder* folder) {
    return folder == nullptr ? ordered_json(nullptr) : ordered_json(folder->path);
}

// Stable ids from names: characters other than letters, digits, '.', '-' and '_' become '_'
// (runs collapsed, trimmed); a repeated id gets "-2", "-3", ... in file order.
class id_maker {
  public:
    std::string make(std::string_view name) {
        std::string id;
        for (const char c : name) {
            const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (keep) {
                id += c;
            } else if (id.empty() || id.back() != '_') {
                id += '_';
            }
        }
        while (!id.empty() && id.back() == '_') {
            id.pop_back();
        }
        const auto first = id.find_first_not_of('_');
        id = first == std::string::npos ? std::string("group") : id.substr(first);
        std::string unique = id;
        for (int suffix = 2; used_.count(unique) != 0; ++suffix) {
            unique = fmt::format("{}-{}", id, suffix);
        }
        used_.insert(unique);
        return unique;
    }

  private:
    std::set<std::string> used_;
};

// ipfail (reference §5.7) is what makes Heartbeat move groups on ping-node loss.
bool is_ipfail(const ir::child_process& child) {
    const auto slash = child.command.rfind('/');
    return child.command.substr(slash == std::string::npos ? 0 : slash + 1) == "ipfail";
}

class plan_builder {
  public:
    plan_builder(const emit_input& input, emit_result& result)
        : input_(input), result_(result), text_(result.diagnostics),
          sources_(find_sources(input.folders)) {}

    ordered_json build() {
        ordered_json plan = ordered_json::object();
        plan["version"] = plan_version;
        plan["generator"] = std::string(json_generator());
        plan["forced_errors"] = json_diagnostics(input_.options.forced_errors);
        plan["sources"] = sources();
        const ir::node_config& settings = sources_.settings->ir;
        plan["cluster"] = text_(settings.cluster.v, settings.cluster.where);
        plan["nodes"] = nodes();
        plan["udpport"] = settings.udpport.v;
        plan["timing_ms"] = timing(settings.times);
        plan["auto_failback"] = std::string(ir::to_string(settings.failback.v));
        plan["ping_nodes"] = ping_nodes(settings.ping_nodes);
        plan["ipfail_respawned"] =
            std::any_of(settings.children.begin(), settings.children.end(), is_ipfail);
        plan["respawn"] = children(settings.children);
        plan["env"] = environment(settings.other_options);
        plan["groups"] = groups();
        plan["auth"] = auth();
        plan["logging"] = logging(settings.log);
        plan["stonith"] = stonith(settings.stonith);
        warn_about_pacemaker(settings);
        return plan;
    }

  private:
    template <class T> ordered_json optional_text(const std::optional<ir::value<T>>& value) {
        return value ? text_(value->v, value->where) : ordered_json(nullptr);
    }

    ordered_json sources() const {
        ordered_json result = ordered_json::object();
        result["ha_cf"] = sources_.folders_with_ha_cf > 0 ? optional_path(sources_.settings)
                                                          : ordered_json(nullptr);
        result["haresources"] = optional_path(sources_.resources);
        result["authkeys"] = optional_path(sources_.keys);
        return result;
    }

    // A node's media are the lines of its own folder. Without one, they are the lines of the
    // only ha.cf given: one folder standing for a cluster whose files are identical on every
    // node. With several ha.cf files and none of its own, they are unknown.
    const node_folder* media_folder(const ir::cluster_member& member) const {
        if (member.folder != nullptr && member.folder->ha_cf) {
            return member.folder;
        }
        if (sources_.folders_with_ha_cf == 1) {
            return sources_.settings;
        }
        return nullptr;
    }

    ordered_json medium(const ir::medium& m) {
        ordered_json result = ordered_json::object();
        result["kind"] = std::string(ir::to_string(m.kind));
        result["device"] = text_(m.device, m.where);
        switch (m.kind) {
        case ir::medium_kind::bcast:
            result["port"] = m.port;
            break;
        case ir::medium_kind::ucast:
        case ir::medium_kind::ucast6:
            result["peer"] = text_(m.peer, m.peer_where);
            result["port"] = m.port;
            break;
        case ir::medium_kind::mcast:
        case ir::medium_kind::mcast6:
            result["group"] = text_(m.group, m.where);
            result["port"] = m.port;
            result["ttl"] = m.ttl;
            result["loop"] = m.loop;
            break;
        case ir::medium_kind::serial:
            result["baud"] = m.baud;
            break;
        }
        result["where"] = json_location(m.where);
        return result;
    }

    ordered_json address(const ir::known_address& known) {
        ordered_json result = ordered_json::object();
        result["address"] = text_(known.address, known.where);
        result["device"] = text_(known.device, known.where);
        result["source"] = text_(known.source, known.where);
        result["where"] = json_location(known.where);
        return result;
    }

    ordered_json nodes() {
        ordered_json list = ordered_json::array();
        for (const auto& member : input_.cluster.members) {
            const location declared =
                member.declared_at.empty() ? location{} : member.declared_at.front();
            const node_folder* media_from = media_folder(member);
            ordered_json node = ordered_json::object();
            node["name"] = text_(member.name, declared);
            node["where"] = json_location(declared);
            node["folder"] = optional_path(member.folder);
            node["media_from"] = optional_path(media_from);
            ordered_json media = ordered_json::array();
            if (media_from != nullptr) {
                for (const auto& m : media_from->ir.media) {
                    media.push_back(medium(m));
                }
            } else {
                result_.diagnostics.push_back(
                    {"HC001",
                     "plan-node-media-unknown",
                     severity::warning,
                     fmt::format("node '{}' has no folder of its own among the {} node folders "
                                 "given, so the plan lists no heartbeat media for it (give its "
                                 "folder too, or name it with --node DIR=NAME)",
                                 member.name, input_.folders.size()),
                     declared,
                     {}});
            }
            node["media"] = std::move(media);
            ordered_json addresses = ordered_json::array();
            for (const auto& known : member.addresses) {
                addresses.push_back(address(known));
            }
            node["addresses"] = std::move(addresses);
            list.push_back(std::move(node));
        }
        return list;
    }

    static ordered_json timing(const ir::timing& times) {
        ordered_json result = ordered_json::object();
        result["keepalive"] = times.keepalive_ms.v;
        result["deadtime"] = times.deadtime_ms.v;
        result["warntime"] = times.warntime_ms.v;
        result["initdead"] = times.initdead_ms.v;
        result["deadping"] = times.deadping_ms.v;
        return result;
    }

    ordered_json ping_nodes(const std::vector<ir::ping_node>& pings) {
        ordered_json list = ordered_json::array();
        for (const auto& ping : pings) {
            list.push_back(json_ping_node(text_, ping));
        }
        return list;
    }

    ordered_json children(const std::vector<ir::child_process>& processes) {
        ordered_json list = ordered_json::array();
        for (const auto& process : processes) {
            list.push_back(json_child_process(text_, process));
        }
        return list;
    }

    // `env NAME=value` is kept as "env:NAME" among the other options (last one wins).
    ordered_json environment(const std::map<std::string, ir::value<std::string>>& options) {
        constexpr std::string_view prefix = "env:";
        ordered_json list = ordered_json::array();
        for (const auto& [key, value] : options) {
            if (key.rfind(prefix, 0) != 0) {
                continue;
            }
            ordered_json entry = ordered_json::object();
            entry["name"] = text_(key.substr(prefix.size()), value.where);
            entry["value"] = text_(value.v, value.where);
            entry["where"] = json_location(value.where);
            list.push_back(std::move(entry));
        }
        return list;
    }

    ordered_json ip_arguments(const ir::ip_arguments& ip, const location& where) {
        const auto optional = [&](const std::optional<std::string>& value) {
            return value ? text_(*value, where) : ordered_json(nullptr);
        };
        ordered_json result = ordered_json::object();
        result["ip"] = text_(ip.ip, where);
        result["cidr_netmask"] = ip.cidr_bits ? ordered_json(*ip.cidr_bits) : nullptr;
        result["netmask"] = optional(ip.netmask);
        result["nic"] = optional(ip.nic);
        result["broadcast"] = optional(ip.broadcast);
        return result;
    }

    ordered_json resource(const ir::resource& r) {
        ordered_json result = ordered_json::object();
        result["script"] = text_(r.script, r.where);
        result["args"] = text_.list(r.args, r.where);
        result["bare_ip"] = r.bare_ip;
        result["ip"] = r.ip ? ip_arguments(*r.ip, r.where) : ordered_json(nullptr);
        result["where"] = json_location(r.where);
        return result;
    }

    ordered_json groups() {
        ordered_json list = ordered_json::array();
        if (sources_.resources == nullptr) {
            return list;
        }
        id_maker ids;
        for (const auto& group : sources_.resources->ir.groups) {
            ordered_json entry = ordered_json::object();
            entry["id"] = ids.make(group.key);
            entry["key"] = text_(group.key, group.where);
            entry["owner"] = text_(group.owner.v, group.owner.where);
            entry["where"] = json_location(group.where);
            ordered_json resources = ordered_json::array();
            for (const auto& r : group.resources) {
                resources.push_back(resource(r));
            }
            entry["resources"] = std::move(resources);
            list.push_back(std::move(entry));
        }
        return list;
    }

    ordered_json key(const ir::auth_key& k) {
        ordered_json result = ordered_json::object();
        result["index"] = k.index;
        result["method"] = std::string(json_name(*k.method));
        if (input_.options.include_secrets && k.key) {
            result["key"] = text_(k.key->reveal(), k.where);
        }
        result["where"] = json_location(k.where);
        return result;
    }

    // The sending key (authkeys' last `auth N` followed by key N) and every key a receiver
    // accepts. Keys with a method Heartbeat does not know never reach the IR.
    ordered_json auth() {
        const ir::auth_config* config = sources_.keys ? &sources_.keys->ir.auth : nullptr;
        const ir::auth_key* active = nullptr;
        if (config != nullptr && config->active) {
            const auto found = config->keys.find(config->active->v);
            active = found == config->keys.end() ? nullptr : &found->second;
        }
        if (active == nullptr) {
            const node_folder& folder = sources_.keys ? *sources_.keys : *sources_.settings;
            const location where{folder.expected_path_authkeys, 0, 0};
            result_.diagnostics.push_back(
                {"HC002",
                 "plan-without-auth",
                 severity::warning,
                 sources_.keys ? "authkeys selects no sending key, so the plan has no auth and "
                                 "harun cannot run it"
                               : "no authkeys among the inputs, so the plan has no auth and harun "
                                 "cannot run it",
                 where,
                 {}});
            return nullptr;
        }
        ordered_json result = ordered_json::object();
        result["key_index"] = active->index;
        result["method"] = std::string(json_name(*active->method));
        if (input_.options.include_secrets && active->key) {
            result["key"] = text_(active->key->reveal(), active->where);
        }
        result["where"] = json_location(config->active->where);
        ordered_json keys = ordered_json::array();
        for (const auto& entry : config->keys) {
            keys.push_back(key(entry.second));
        }
        result["keys"] = std::move(keys);
        return result;
    }

    ordered_json logging(const ir::logging& log) {
        ordered_json result = ordered_json::object();
        result["logfile"] = optional_text(log.logfile);
        result["debugfile"] = optional_text(log.debugfile);
        result["logfacility"] = optional_text(log.logfacility);
        result["use_logd"] = log.use_logd ? ordered_json(log.use_logd->v) : nullptr;
        return result;
    }

    ordered_json stonith(const std::vector<ir::stonith_device>& devices) {
        ordered_json list = ordered_json::array();
        for (const auto& device : devices) {
            ordered_json entry = ordered_json::object();
            entry["directive"] = device.host.empty() ? "stonith" : "stonith_host";
            entry["host"] =
                device.host.empty() ? ordered_json(nullptr) : text_(device.host, device.where);
            entry["type"] = text_(device.type, device.where);
            entry["params"] = text_.list(device.params, device.where);
            entry["where"] = json_location(device.where);
            list.push_back(std::move(entry));
        }
        return list;
    }

    void warn_about_pacemaker(const ir::node_config& settings) {
        if (!settings.pacemaker_enabled) {
            return;
        }
        const bool has_groups =
            sources_.resources != nullptr && !sources_.resources->ir.groups.empty();
        result_.diagnostics.push_back(
            {"HC003",
             "plan-pacemaker-enabled",
             severity::warning,
             has_groups ? "pacemaker is on: Heartbeat leaves resources to Pacemaker and ignores "
                          "haresources, but the plan lists haresources' groups and harun would "
                          "run them"
                        : "pacemaker is on: the resources live in Pacemaker's CIB, which the plan "
                          "cannot carry, so it has no groups",
             settings.pacemaker.where,
             {}});
    }

    const emit_input& input_;
    emit_result& result_;
    json_text text_;
    plan_sources sources_;
};

emit_result emit_plan(const emit_input& input) {
    emit_result result;
    if (input.folders.empty()) {
        return result;
    }
    const ordered_json plan = plan_builder(input, result).build();
    const unsigned mode = input.options.include_secrets ? 0600 : 0644;
    result.files.push_back({"plan.json", print_json(plan), mode});
    return result;
}

const target_registrar registered{
    {"plan", "JSON plan for the harun runtime (docs/plan.md, docs/plan.schema.json)", &emit_plan}};

} // namespace
} // namespace hakit::emit
