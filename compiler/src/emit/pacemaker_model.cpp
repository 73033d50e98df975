// The IR of a Heartbeat v1 cluster -> the Pacemaker configuration that behaves like it
// (mapping in docs/migration.md).
#include "pacemaker_agents.hpp"
#include "pacemaker_codes.hpp"
#include "pacemaker_ids.hpp"
#include "pacemaker_model.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hakit::emit {
namespace {

namespace codes = pcmk_codes;

// A group prefers its owner with this score. With auto_failback off the stickiness of every
// member is higher, so a group that moved stays; with it on, stickiness is 0 and it returns.
constexpr int owner_score = 100;
constexpr std::string_view failback_stickiness = "0";
constexpr std::string_view staying_stickiness = "200";
constexpr std::string_view ping_attribute = "pingd";

const node_folder* first_folder_with_ha_cf(const std::vector<node_folder>& folders) {
    for (const auto& folder : folders) {
        if (folder.ha_cf) {
            return &folder;
        }
    }
    return folders.empty() ? nullptr : &folders.front();
}

const node_folder* first_folder_with_haresources(const std::vector<node_folder>& folders) {
    for (const auto& folder : folders) {
        if (folder.haresources) {
            return &folder;
        }
    }
    return nullptr;
}

std::string basename(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

class model_builder {
  public:
    model_builder(const emit_input& input, std::vector<diagnostic>& out)
        : input_(input), out_(out) {}

    pacemaker_model build() {
        settings_ = first_folder_with_ha_cf(input_.folders);
        if (settings_ == nullptr) {
            return std::move(model_);
        }
        const auto& config = settings_->ir;
        model_.cluster_name = config.cluster.v;
        add_nodes();
        add_fencing();
        add_connectivity();
        add_groups();
        add_policy();
        add_notes_on_unmapped();
        return std::move(model_);
    }

  private:
    const ir::node_config& config() const { return settings_->ir; }

    void add_nodes() {
        if (!input_.cluster.members.empty()) {
            for (const auto& member : input_.cluster.members) {
                pcmk_node node;
                node.id = std::to_string(model_.nodes.size() + 1);
                node.name = member.name;
                if (!member.declared_at.empty()) {
                    node.where = member.declared_at.front();
                }
                model_.nodes.push_back(std::move(node));
            }
            return;
        }
        for (const auto& entry : config().nodes) { // no joined view: the settings folder's
            if (std::none_of(model_.nodes.begin(), model_.nodes.end(),
                             [&](const pcmk_node& n) { return n.name == entry.name; })) {
                model_.nodes.push_back(
                    {std::to_string(model_.nodes.size() + 1), entry.name, entry.where});
            }
        }
    }

    bool is_node(const std::string& name) const {
        return std::any_of(model_.nodes.begin(), model_.nodes.end(),
                           [&](const pcmk_node& n) { return n.name == name; });
    }

    // Heartbeat keeps one stonith device per node: `stonith` and `stonith_host` lines fill the
    // same slot, so the last line that applies to a node (stonith, stonith_host *, or
    // stonith_host <that node>) is the one it uses. Each line some node uses becomes a
    // fencing primitive kept off the nodes that did not load it.
    static bool applies_to(const ir::stonith_device& device, const std::string& node) {
        return device.host.empty() || device.host == "*" ||
               values::to_lower_ascii(device.host) == node;
    }

    std::vector<std::string> users_of(std::size_t line) const {
        const auto& devices = config().stonith;
        std::vector<std::string> users;
        for (const auto& node : model_.nodes) {
            if (!applies_to(devices[line], node.name)) {
                continue;
            }
            bool superseded = false;
            for (std::size_t later = line + 1; later < devices.size(); ++later) {
                superseded = superseded || applies_to(devices[later], node.name);
            }
            if (!superseded) {
                users.push_back(node.name);
            }
        }
        return users;
    }

    void add_fencing() {
        const auto& devices = config().stonith;
        for (std::size_t line = 0; line < devices.size(); ++line) {
            const auto& device = devices[line];
            const auto users = users_of(line);
            if (users.empty() && !model_.nodes.empty()) {
                out_.push_back(codes::make(
                    codes::stonith_superseded, device.where,
                    fmt::format("no node uses this {} device: a later stonith line replaces it "
                                "on every node it applies to, so it is not carried over",
                                device.type)));
                continue;
            }
            auto mapped = map_stonith(device, out_);
            mapped.resource.id = ids_.claim(mapped.id_hint);
            assign_operation_ids(mapped.resource);
            for (const auto& node : model_.nodes) {
                if (std::find(users.begin(), users.end(), node.name) != users.end()) {
                    continue;
                }
                fencing_bans_.push_back(
                    {ids_.claim(sanitize_id(
                         fmt::format("location-{}-avoid-{}", mapped.resource.id, node.name),
                         "location")),
                     mapped.resource.id, node.name, std::string(score_minus_infinity), std::nullopt,
                     "", device.where});
            }
            model_.fencing.push_back(std::move(mapped.resource));
        }
        model_.stonith_enabled = !model_.fencing.empty();
        if (!model_.stonith_enabled) {
            out_.push_back(codes::make(
                codes::no_fencing, ha_cf_location(),
                "no stonith or stonith_host directive: the cluster has no fencing "
                "(stonith-enabled=false), as Heartbeat warned 'No STONITH device configured'; "
                "shared disks are not protected"));
        }
    }

    location ha_cf_location() const { return {settings_->expected_path_ha_cf, 0, 0}; }

    const ir::child_process* ipfail() const {
        for (const auto& child : config().children) {
            if (!child.failfast && basename(child.command) == "ipfail") {
                return &child;
            }
        }
        return nullptr;
    }

    void add_connectivity() {
        const auto& pings = config().ping_nodes;
        const auto* watcher = ipfail();
        if (watcher == nullptr) {
            if (!pings.empty()) {
                out_.push_back(
                    codes::make(codes::ping_without_ipfail, pings.front().where,
                                "ping nodes without a respawned ipfail never moved resources in "
                                "Heartbeat: no connectivity rule is generated"));
            }
            return;
        }
        if (pings.empty()) {
            out_.push_back(codes::make(codes::ipfail_without_ping, watcher->where,
                                       "ipfail is respawned but there are no ping nodes: it "
                                       "had nothing to compare, so nothing is carried over"));
            return;
        }
        std::vector<std::string> hosts;
        for (const auto& ping : pings) {
            if (ping.kind == ir::ping_kind::ping_group) {
                out_.push_back(codes::make(
                    codes::ping_group_counted, ping.where,
                    fmt::format("ping_group {} counted as one ping node when any member "
                                "answered; ocf:pacemaker:ping counts each host",
                                ping.name)));
            }
            for (const auto& host : ping.hosts) {
                if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) {
                    hosts.push_back(host);
                }
            }
        }
        auto child =
            ping_primitive(hosts, config().times.deadping_ms.v, std::string(ping_attribute));
        child.id = ids_.claim("ping");
        child.legacy = fmt::format("respawn {} {}", watcher->user, watcher->command);
        child.where = watcher->where;
        assign_operation_ids(child);
        clone connectivity;
        connectivity.id = ids_.claim(child.id + "-clone");
        connectivity.kind = clone_kind::connectivity;
        connectivity.child = std::move(child);
        connectivity.where = watcher->where;
        model_.clones.push_back(std::move(connectivity));
        model_.ping_attribute = std::string(ping_attribute);
        ping_where_ = pings.front().where;
    }

    void add_groups() {
        const auto* folder = first_folder_with_haresources(input_.folders);
        if (folder == nullptr) {
            return;
        }
        if (config().pacemaker_enabled) {
            out_.push_back(codes::make(
                codes::pacemaker_enabled, config().pacemaker.where,
                "pacemaker/crm is enabled: Heartbeat ignored haresources, so the groups "
                "below were not what ran; migrate the existing CIB instead"));
        }
        for (const auto& line : folder->ir.groups) {
            add_group(line);
        }
    }

    void add_group(const ir::resource_group& line) {
        group g;
        g.preferred_node = line.owner.v;
        g.key = line.key;
        g.where = line.where;
        std::vector<std::string> promotable_clones;
        for (const auto& legacy : line.resources) {
            auto mapped = map_resource(legacy, out_);
            mapped.resource.id = ids_.claim(mapped.id_hint);
            assign_operation_ids(mapped.resource);
            if (mapped.promotable) {
                promotable_clones.push_back(add_promotable_clone(std::move(mapped.resource)));
            } else {
                g.members.push_back(std::move(mapped.resource));
            }
        }
        if (g.is_group()) {
            g.id = ids_.claim("group_" + g.members.front().id);
        } else if (!g.members.empty()) {
            g.id = g.members.front().id;
        }
        const bool owner_known = is_node(g.preferred_node);
        if (!owner_known) {
            out_.push_back(codes::make(
                codes::owner_not_a_node, line.owner.where,
                fmt::format("'{}' is not a cluster node: no location preference is generated "
                            "for the group {}",
                            g.preferred_node, line.key)));
        }
        for (const auto& clone_id : promotable_clones) {
            if (g.id.empty()) {
                // Only DRBD on this line: prefer promoting it on the owner.
                if (owner_known) {
                    add_owner_location(clone_id, g.preferred_node, line.where, "Promoted");
                }
                continue;
            }
            model_.colocations.push_back(
                {ids_.claim(sanitize_id(fmt::format("colocation-{}-{}", g.id, clone_id), "col")),
                 g.id, clone_id, "Promoted", std::string(score_infinity), line.where});
            model_.orders.push_back(
                {ids_.claim(sanitize_id(fmt::format("order-{}-{}", clone_id, g.id), "order")),
                 clone_id, "promote", g.id, "start", "Mandatory", line.where});
        }
        if (!g.id.empty()) {
            if (owner_known) {
                add_owner_location(g.id, g.preferred_node, line.where, "");
            }
            connectivity_targets_.push_back(g.id);
        }
        model_.groups.push_back(std::move(g));
    }

    std::string add_promotable_clone(primitive child) {
        clone c;
        c.id = ids_.claim(child.id + "-clone");
        c.kind = clone_kind::promotable;
        c.where = child.where;
        c.meta = {{"promotable", "true"}, {"promoted-max", "1"},   {"promoted-node-max", "1"},
                  {"clone-max", "2"},     {"clone-node-max", "1"}, {"notify", "true"}};
        c.child = std::move(child);
        const std::string id = c.id;
        model_.clones.push_back(std::move(c));
        return id;
    }

    void add_owner_location(const std::string& resource, const std::string& node,
                            const location& where, const std::string& role) {
        location_constraint l;
        l.id = ids_.claim(sanitize_id(fmt::format("location-{}-{}", resource, node), "location"));
        l.resource = resource;
        l.node = node;
        l.score = std::to_string(owner_score);
        l.role = role;
        l.where = where;
        model_.locations.push_back(std::move(l));
    }

    void add_policy() {
        // Connectivity rules after the owner preferences, then the fencing bans.
        if (model_.ping_attribute) {
            for (const auto& target : connectivity_targets_) {
                location_constraint l;
                l.id = ids_.claim(
                    sanitize_id(fmt::format("location-{}-connected", target), "location"));
                l.resource = target;
                l.where = ping_where_;
                location_rule r;
                r.id = ids_.claim(l.id + "-rule");
                r.score = std::string(score_minus_infinity);
                r.boolean_op = "or";
                r.expressions.push_back(
                    {ids_.claim(r.id + "-expr"), *model_.ping_attribute, "not_defined", "", ""});
                r.expressions.push_back(
                    {ids_.claim(r.id + "-expr"), *model_.ping_attribute, "lte", "0", "number"});
                l.rule = std::move(r);
                model_.locations.push_back(std::move(l));
            }
        }
        for (auto& ban : fencing_bans_) {
            model_.locations.push_back(std::move(ban));
        }

        const auto& failback = config().failback;
        model_.owner_score = owner_score;
        switch (failback.v) {
        case ir::failback_policy::on:
            model_.stickiness = std::string(failback_stickiness);
            break;
        case ir::failback_policy::legacy:
            model_.stickiness = std::string(failback_stickiness);
            out_.push_back(codes::make(
                codes::legacy_failback, failback.where,
                fmt::format("auto_failback legacy{} always moved groups back to their owner: "
                            "mapped like 'on' (resource-stickiness={}); ipfail refused to run "
                            "with it",
                            failback.is_explicit() ? "" : " (the default)", failback_stickiness)));
            break;
        case ir::failback_policy::off:
            model_.stickiness = std::string(staying_stickiness);
            break;
        }
        model_.rsc_defaults.push_back({"resource-stickiness", model_.stickiness});

        auto& properties = model_.cluster_properties;
        properties.push_back({"cluster-name", model_.cluster_name});
        properties.push_back({"stonith-enabled", model_.stonith_enabled ? "true" : "false"});
        if (model_.nodes.size() <= 2) {
            // Two nodes never have a majority after a failure; Heartbeat had no quorum at all.
            properties.push_back({"no-quorum-policy", "ignore"});
        } else {
            out_.push_back(codes::make(
                codes::quorum_many_nodes, model_.nodes[2].where,
                fmt::format("Heartbeat v1 ran resources without quorum; with {} nodes Pacemaker "
                            "stops them in a partition without a majority "
                            "(no-quorum-policy=stop)",
                            model_.nodes.size())));
        }
        std::sort(properties.begin(), properties.end(),
                  [](const nvpair& a, const nvpair& b) { return a.name < b.name; });
    }

    void add_notes_on_unmapped() {
        const auto* watcher = ipfail();
        for (const auto& child : config().children) {
            if (&child == watcher) {
                continue;
            }
            out_.push_back(codes::make(
                codes::child_not_carried, child.where,
                fmt::format("{} {} {} is not carried over: run it as a resource (for example "
                            "ocf:heartbeat:anything) or a systemd unit",
                            child.failfast ? "failfast" : "respawn", child.user, child.command)));
        }
        const auto watchdog = config().other_options.find("watchdog");
        if (watchdog != config().other_options.end()) {
            out_.push_back(codes::make(codes::watchdog_not_carried, watchdog->second.where,
                                       fmt::format("watchdog {} is not carried over: Pacemaker "
                                                   "uses a watchdog through sbd",
                                                   watchdog->second.v)));
        }
    }

    const emit_input& input_;
    std::vector<diagnostic>& out_;
    const node_folder* settings_ = nullptr;
    pacemaker_model model_;
    id_registry ids_;
    std::vector<std::string> connectivity_targets_;
    std::vector<location_constraint> fencing_bans_;
    location ping_where_;
};

} // namespace

std::string_view to_string(resource_class cls) {
    switch (cls) {
    case resource_class::ocf:
        return "ocf";
    case resource_class::lsb:
        return "lsb";
    case resource_class::stonith:
        return "stonith";
    case resource_class::systemd:
        return "systemd";
    }
    return "ocf";
}

std::string primitive::agent() const {
    if (cls == resource_class::ocf) {
        return fmt::format("ocf:{}:{}", provider, type);
    }
    return fmt::format("{}:{}", to_string(cls), type);
}

pacemaker_model build_pacemaker_model(const emit_input& input, std::vector<diagnostic>& out) {
    return model_builder(input, out).build();
}

} // namespace hakit::emit
