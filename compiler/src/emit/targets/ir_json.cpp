// Target `ir`: the IR of every node folder and the joined cluster view as JSON, for debugging.
// Every IR value appears as {"value", "origin", "where"}; structures without an origin of their
// own (media, groups, ...) carry their "where". authkeys keys only with --include-secrets.
#include "json_support.hpp"

#include <hakit/compiler/emit.hpp>

#include <string>
#include <vector>

namespace hakit::emit {
namespace {

std::string_view origin_name(ir::origin from) {
    return from == ir::origin::explicit_value ? "explicit" : "default";
}

std::string_view problem_kind_name(ir::problem_kind kind) {
    switch (kind) {
    case ir::problem_kind::unknown_directive:
        return "unknown_directive";
    case ir::problem_kind::invalid_value:
        return "invalid_value";
    case ir::problem_kind::repeated_directive:
        return "repeated_directive";
    case ir::problem_kind::misplaced_directive:
        return "misplaced_directive";
    }
    return "invalid_value";
}

std::string octal_mode(unsigned mode) {
    std::string digits;
    for (int shift = 9; shift >= 0; shift -= 3) {
        digits += static_cast<char>('0' + ((mode >> static_cast<unsigned>(shift)) & 7U));
    }
    return digits;
}

class ir_builder {
  public:
    ir_builder(const emit_input& input, emit_result& result)
        : input_(input), text_(result.diagnostics) {}

    ordered_json build() {
        ordered_json document = ordered_json::object();
        document["generator"] = std::string(json_generator());
        document["forced_errors"] = json_diagnostics(input_.options.forced_errors);
        ordered_json folders = ordered_json::array();
        for (const auto& folder : input_.folders) {
            folders.push_back(node_folder_json(folder));
        }
        document["folders"] = std::move(folders);
        document["cluster"] = cluster(input_.cluster);
        return document;
    }

  private:
    static ordered_json wrap(ordered_json v, const location& where, ir::origin from) {
        ordered_json result = ordered_json::object();
        result["value"] = std::move(v);
        result["origin"] = std::string(origin_name(from));
        result["where"] = json_location(where);
        return result;
    }

    ordered_json value(const ir::value<std::string>& v) {
        return wrap(text_(v.v, v.where), v.where, v.from);
    }
    template <class T> static ordered_json value(const ir::value<T>& v) {
        return wrap(v.v, v.where, v.from);
    }
    static ordered_json value(const ir::value<ir::failback_policy>& v) {
        return wrap(std::string(ir::to_string(v.v)), v.where, v.from);
    }
    template <class T> ordered_json optional_value(const std::optional<ir::value<T>>& v) {
        return v ? value(*v) : ordered_json(nullptr);
    }

    ordered_json files(const node_folder& folder) const {
        ordered_json result = ordered_json::object();
        result["ha_cf"] = folder.ha_cf ? ordered_json(folder.ha_cf->source->path()) : nullptr;
        result["haresources"] =
            folder.haresources ? ordered_json(folder.haresources->source->path()) : nullptr;
        result["authkeys"] =
            folder.authkeys ? ordered_json(folder.authkeys->source->path()) : nullptr;
        return result;
    }

    ordered_json nodes(const std::vector<ir::node_entry>& entries) {
        ordered_json list = ordered_json::array();
        for (const auto& node : entries) {
            ordered_json entry = ordered_json::object();
            entry["name"] = text_(node.name, node.where);
            entry["as_written"] = text_(node.as_written, node.where);
            entry["where"] = json_location(node.where);
            list.push_back(std::move(entry));
        }
        return list;
    }

    static ordered_json timing(const ir::timing& times) {
        ordered_json result = ordered_json::object();
        result["keepalive"] = value(times.keepalive_ms);
        result["deadtime"] = value(times.deadtime_ms);
        result["warntime"] = value(times.warntime_ms);
        result["initdead"] = value(times.initdead_ms);
        result["deadping"] = value(times.deadping_ms);
        return result;
    }

    ordered_json logging(const ir::logging& log) {
        ordered_json result = ordered_json::object();
        result["logfile"] = optional_value(log.logfile);
        result["debugfile"] = optional_value(log.debugfile);
        result["logfacility"] = optional_value(log.logfacility);
        result["use_logd"] = optional_value(log.use_logd);
        return result;
    }

    ordered_json media(const std::vector<ir::medium>& list_in) {
        ordered_json list = ordered_json::array();
        for (const auto& m : list_in) {
            ordered_json entry = ordered_json::object();
            entry["kind"] = std::string(ir::to_string(m.kind));
            entry["device"] = text_(m.device, m.where);
            entry["peer"] = text_(m.peer, m.peer_where);
            entry["peer_where"] = json_location(m.peer_where);
            entry["group"] = text_(m.group, m.where);
            entry["port"] = m.port;
            entry["ttl"] = m.ttl;
            entry["loop"] = m.loop;
            entry["baud"] = m.baud;
            entry["where"] = json_location(m.where);
            list.push_back(std::move(entry));
        }
        return list;
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

    ordered_json api_auths(const std::vector<ir::api_auth>& auths) {
        ordered_json list = ordered_json::array();
        for (const auto& auth : auths) {
            ordered_json entry = ordered_json::object();
            entry["client"] = text_(auth.client, auth.where);
            entry["uids"] = text_.list(auth.uids, auth.where);
            entry["gids"] = text_.list(auth.gids, auth.where);
            entry["where"] = json_location(auth.where);
            list.push_back(std::move(entry));
        }
        return list;
    }

    ordered_json stonith(const std::vector<ir::stonith_device>& devices) {
        ordered_json list = ordered_json::array();
        for (const auto& device : devices) {
            ordered_json entry = ordered_json::object();
            entry["host"] = text_(device.host, device.where);
            entry["type"] = text_(device.type, device.where);
            entry["params"] = text_.list(device.params, device.where);
            entry["where"] = json_location(device.where);
            list.push_back(std::move(entry));
        }
        return list;
    }

    ordered_json other_options(const std::map<std::string, ir::value<std::string>>& options) {
        ordered_json result = ordered_json::object();
        for (const auto& [name, v] : options) {
            std::string key;
            to_valid_utf8(name, key);
            result[key] = value(v);
        }
        return result;
    }

    ordered_json auth(const ir::auth_config& config) {
        ordered_json result = ordered_json::object();
        result["present"] = config.present;
        result["active"] = optional_value(config.active);
        ordered_json lines = ordered_json::array();
        for (const auto& line : config.auth_lines) {
            lines.push_back(value(line));
        }
        result["auth_lines"] = std::move(lines);
        ordered_json keys = ordered_json::array();
        for (const auto& [index, key] : config.keys) {
            ordered_json entry = ordered_json::object();
            entry["index"] = index;
            entry["method"] =
                key.method ? ordered_json(std::string(json_name(*key.method))) : nullptr;
            entry["method_as_written"] = text_(key.method_as_written, key.where);
            entry["has_key"] = key.key.has_value();
            if (input_.options.include_secrets && key.key) {
                entry["key"] = text_(key.key->reveal(), key.where);
            }
            entry["where"] = json_location(key.where);
            keys.push_back(std::move(entry));
        }
        result["keys"] = std::move(keys);
        return result;
    }

    ordered_json ip_arguments(const ir::ip_arguments& ip, const location& where) {
        const auto optional = [&](const std::optional<std::string>& v) {
            return v ? text_(*v, where) : ordered_json(nullptr);
        };
        ordered_json result = ordered_json::object();
        result["ip"] = text_(ip.ip, where);
        result["netmask"] = optional(ip.netmask);
        result["cidr_bits"] = ip.cidr_bits ? ordered_json(*ip.cidr_bits) : nullptr;
        result["nic"] = optional(ip.nic);
        result["broadcast"] = optional(ip.broadcast);
        return result;
    }

    ordered_json groups(const std::vector<ir::resource_group>& list_in) {
        ordered_json list = ordered_json::array();
        for (const auto& group : list_in) {
            ordered_json entry = ordered_json::object();
            entry["owner"] = value(group.owner);
            entry["key"] = text_(group.key, group.where);
            entry["where"] = json_location(group.where);
            ordered_json resources = ordered_json::array();
            for (const auto& r : group.resources) {
                ordered_json resource = ordered_json::object();
                resource["script"] = text_(r.script, r.where);
                resource["args"] = text_.list(r.args, r.where);
                resource["bare_ip"] = r.bare_ip;
                resource["ip"] = r.ip ? ip_arguments(*r.ip, r.where) : ordered_json(nullptr);
                resource["where"] = json_location(r.where);
                resources.push_back(std::move(resource));
            }
            entry["resources"] = std::move(resources);
            list.push_back(std::move(entry));
        }
        return list;
    }

    ordered_json problems(const std::vector<ir::problem>& list_in) {
        ordered_json list = ordered_json::array();
        for (const auto& problem : list_in) {
            ordered_json entry = ordered_json::object();
            entry["kind"] = std::string(problem_kind_name(problem.kind));
            entry["message"] = text_(problem.message, problem.where);
            entry["where"] = json_location(problem.where);
            ordered_json notes = ordered_json::array();
            for (const auto& n : problem.notes) {
                ordered_json item = ordered_json::object();
                item["message"] = text_(n.message, n.where);
                item["where"] = json_location(n.where);
                notes.push_back(std::move(item));
            }
            entry["notes"] = std::move(notes);
            list.push_back(std::move(entry));
        }
        return list;
    }

    ordered_json node_folder_json(const node_folder& folder) {
        const ir::node_config& config = folder.ir;
        ordered_json result = ordered_json::object();
        result["path"] = folder.path;
        result["single_file"] = folder.single_file;
        result["files"] = files(folder);
        result["authkeys_mode"] =
            folder.authkeys_mode ? ordered_json(octal_mode(*folder.authkeys_mode)) : nullptr;
        result["nodeinfo"] = folder.nodeinfo
                                 ? wrap(text_(folder.nodeinfo->text, folder.nodeinfo->where),
                                        folder.nodeinfo->where, ir::origin::explicit_value)
                                 : ordered_json(nullptr);
        result["local_name"] = optional_value(config.local_name);
        result["cluster"] = value(config.cluster);
        result["nodes"] = nodes(config.nodes);
        result["timing_ms"] = timing(config.times);
        result["auto_failback"] = value(config.failback);
        result["logging"] = logging(config.log);
        result["udpport"] = value(config.udpport);
        result["baud"] = value(config.baud);
        result["autojoin"] = value(config.autojoin);
        result["pacemaker"] = value(config.pacemaker);
        result["pacemaker_enabled"] = config.pacemaker_enabled;
        result["nice_failback_given"] = config.nice_failback_given;
        result["media"] = media(config.media);
        result["ping_nodes"] = ping_nodes(config.ping_nodes);
        result["children"] = children(config.children);
        result["api_auths"] = api_auths(config.api_auths);
        result["stonith"] = stonith(config.stonith);
        result["other_options"] = other_options(config.other_options);
        result["auth"] = auth(config.auth);
        result["groups"] = groups(config.groups);
        result["problems"] = problems(config.problems);
        return result;
    }

    ordered_json cluster(const ir::cluster_model& model) {
        ordered_json members = ordered_json::array();
        for (const auto& member : model.members) {
            ordered_json entry = ordered_json::object();
            const location first =
                member.declared_at.empty() ? location{} : member.declared_at.front();
            entry["name"] = text_(member.name, first);
            ordered_json declared = ordered_json::array();
            for (const auto& where : member.declared_at) {
                declared.push_back(json_location(where));
            }
            entry["declared_at"] = std::move(declared);
            entry["folder"] = member.folder ? ordered_json(member.folder->path) : nullptr;
            ordered_json addresses = ordered_json::array();
            for (const auto& known : member.addresses) {
                ordered_json address = ordered_json::object();
                address["address"] = text_(known.address, known.where);
                address["device"] = text_(known.device, known.where);
                address["source"] = text_(known.source, known.where);
                address["where"] = json_location(known.where);
                addresses.push_back(std::move(address));
            }
            entry["addresses"] = std::move(addresses);
            members.push_back(std::move(entry));
        }
        ordered_json without = ordered_json::array();
        for (const auto* folder : model.folders_without_member) {
            without.push_back(folder->path);
        }
        ordered_json result = ordered_json::object();
        result["members"] = std::move(members);
        result["folders_without_member"] = std::move(without);
        return result;
    }

    const emit_input& input_;
    json_text text_;
};

emit_result emit_ir(const emit_input& input) {
    emit_result result;
    const ordered_json document = ir_builder(input, result).build();
    const unsigned mode = input.options.include_secrets ? 0600 : 0644;
    result.files.push_back({"ir.json", print_json(document), mode});
    return result;
}

const target_registrar registered{
    {"ir", "the IR of every node folder as JSON, each value with origin and location (debug)",
     &emit_ir}};

} // namespace
} // namespace hakit::emit
