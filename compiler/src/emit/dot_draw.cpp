// The DOT text of a cluster view. Ids come from names, claimed in a fixed order (hosts; per
// host its segments, unknown ucast peers and ping nodes; groups with their undeclared owners
// and addresses), so the output only depends on the input files.
#include "dot_cluster.hpp"
#include "dot_text.hpp"
#include "format_text.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace hakit::emit::diagram {
namespace {

using ir::medium;
using ir::medium_kind;

std::string duration(long ms) {
    return ms % 1000 == 0 ? fmt::format("{}s", ms / 1000) : fmt::format("{}ms", ms);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

void add_unique(std::vector<std::string>& items, std::string item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) {
        items.push_back(std::move(item));
    }
}

// A ucast/ucast6 link between two hosts (or a host and an address no host is known by).
struct link {
    std::string from;
    std::string to;
    std::string kind;
    std::vector<std::string> ways; // "eth1, udp 694" per direction, distinct
    bool both_ways = false;
};

// A shared medium: a bcast port on an interface, an mcast group, a serial line.
struct segment {
    std::string id;
    std::vector<std::string> label;
};

class drawing {
  public:
    explicit drawing(const cluster_view& view) : view_(view) {}

    std::string render(const std::vector<diagnostic>& forced_errors) {
        add_hosts();
        graph_.same_rank(host_ids_);
        for (std::size_t i = 0; i < view_.hosts.size(); ++i) {
            add_media(i);
        }
        add_links();
        add_groups();
        return graph_.render("heartbeat", text::forced_error_lines(forced_errors, ""), defaults());
    }

  private:
    std::vector<std::pair<std::string, dot::attributes>> defaults() const {
        std::vector<std::string> title{"Heartbeat cluster"};
        if (const node_folder* settings = view_.settings) {
            const auto& config = settings->ir;
            const auto& t = config.times;
            title.front() += " " + config.cluster.v;
            title.push_back(fmt::format("keepalive {}, deadtime {}, warntime {}, initdead {}",
                                        duration(t.keepalive_ms.v), duration(t.deadtime_ms.v),
                                        duration(t.warntime_ms.v), duration(t.initdead_ms.v)));
            title.push_back(fmt::format("auto_failback {}", ir::to_string(config.failback.v)));
        }
        return {
            {"graph", {{"label", join(title, "\n")}, {"labelloc", "t"}, {"fontname", "Helvetica"}}},
            {"node", {{"fontname", "Helvetica"}, {"fontsize", "10"}}},
            {"edge", {{"fontname", "Helvetica"}, {"fontsize", "9"}}},
        };
    }

    void add_hosts() {
        for (const auto& h : view_.hosts) {
            const std::string id = ids_.claim("node", h.name);
            host_ids_.push_back(id);
            std::vector<std::string> label{h.name};
            label.insert(label.end(), h.addresses.begin(), h.addresses.end());
            if (!h.declared) {
                label.emplace_back("(not a declared node)");
            }
            graph_.add_node(id, {{"shape", "box"},
                                 {"style", h.declared ? "rounded,filled" : "rounded,dashed"},
                                 {"fillcolor", "#dbe8f7"},
                                 {"label", join(label, "\n")}});
        }
    }

    std::optional<std::size_t> host_known_as(const std::string& peer) const {
        for (std::size_t i = 0; i < view_.hosts.size(); ++i) {
            const auto& h = view_.hosts[i];
            const bool by_address =
                std::find(h.addresses.begin(), h.addresses.end(), peer) != h.addresses.end();
            if (values::iequals(h.name, peer) || by_address) {
                return i;
            }
        }
        return std::nullopt;
    }

    std::string address_node(const std::string& peer) {
        auto found = address_ids_.find(peer);
        if (found != address_ids_.end()) {
            return found->second;
        }
        const std::string id = ids_.claim("address", peer);
        graph_.add_node(
            id,
            {{"shape", "box"}, {"style", "dashed"}, {"label", peer + "\n(no known node has it)"}});
        address_ids_.emplace(peer, id);
        return id;
    }

    void add_ucast(std::size_t sender, const medium& m) {
        const auto receiver = host_known_as(m.peer);
        if (receiver == sender) {
            return; // Heartbeat ignores a ucast to the node itself
        }
        const std::string& from = host_ids_[sender];
        const std::string to = receiver ? host_ids_[*receiver] : address_node(m.peer);
        const std::string kind(ir::to_string(m.kind));
        const std::string way = fmt::format("{}, udp {}", m.device, m.port);
        for (auto& existing : links_) {
            if (existing.kind != kind) {
                continue;
            }
            if (existing.from == from && existing.to == to) {
                add_unique(existing.ways, way);
                return;
            }
            if (existing.from == to && existing.to == from) {
                existing.both_ways = true;
                add_unique(existing.ways, way);
                return;
            }
        }
        links_.push_back({from, to, kind, {way}, false});
    }

    void add_links() {
        for (const auto& l : links_) {
            dot::attributes attrs{{"label", l.kind + " " + join(l.ways, " / ")},
                                  {"color", "#2b6cb0"}};
            if (l.both_ways) {
                attrs.emplace_back("dir", "both");
            }
            graph_.add_edge(l.from, l.to, std::move(attrs));
        }
    }

    // Key and label of the shared segment a medium joins, and the label of the joining edge.
    static std::tuple<std::string, std::vector<std::string>, std::string>
    describe_segment(const medium& m) {
        const std::string kind(ir::to_string(m.kind));
        switch (m.kind) {
        case medium_kind::bcast:
            return {fmt::format("{} {} {}", kind, m.device, m.port),
                    {fmt::format("{} {}", kind, m.device), fmt::format("udp {}", m.port)},
                    ""};
        case medium_kind::serial:
            return {fmt::format("{} {}", kind, m.baud),
                    {kind, fmt::format("{} baud", m.baud)},
                    m.device};
        default: // mcast, mcast6
            return {fmt::format("{} {} {}", kind, m.group, m.port),
                    {fmt::format("{} {}", kind, m.group),
                     fmt::format("port {}, ttl {}, loop {}", m.port, m.ttl, m.loop)},
                    m.device};
        }
    }

    void add_segment_member(std::size_t host, const medium& m) {
        auto [key, label, edge_label] = describe_segment(m);
        auto found = segments_.find(key);
        if (found == segments_.end()) {
            segment s{ids_.claim("medium", key), std::move(label)};
            graph_.add_node(s.id, {{"shape", "box"},
                                   {"style", "rounded,dashed"},
                                   {"color", "#2b6cb0"},
                                   {"label", join(s.label, "\n")}});
            found = segments_.emplace(key, std::move(s)).first;
        }
        dot::attributes attrs{{"dir", "none"}, {"color", "#2b6cb0"}};
        if (!edge_label.empty()) {
            attrs.emplace_back("label", edge_label);
        }
        add_edge_once(host_ids_[host], found->second.id, std::move(attrs));
    }

    void add_ping(std::size_t host, const ir::ping_node& ping) {
        std::string kind = ping.kind == ir::ping_kind::ping    ? "ping"
                           : ping.kind == ir::ping_kind::ping6 ? "ping6"
                                                               : "ping_group";
        const std::string key = kind + " " + ping.name;
        auto found = ping_ids_.find(key);
        if (found == ping_ids_.end()) {
            std::vector<std::string> label{key};
            if (ping.kind == ir::ping_kind::ping_group) {
                label.push_back(join(ping.hosts, ", "));
            }
            const std::string id = ids_.claim("ping", key);
            graph_.add_node(id, {{"shape", "diamond"}, {"label", join(label, "\n")}});
            found = ping_ids_.emplace(key, id).first;
        }
        add_edge_once(host_ids_[host], found->second, {{"style", "dotted"}, {"arrowhead", "none"}});
    }

    void add_media(std::size_t host) {
        const node_folder* folder = view_.hosts[host].media_from;
        if (folder == nullptr) {
            return;
        }
        for (const auto& m : folder->ir.media) {
            if (m.kind == medium_kind::ucast || m.kind == medium_kind::ucast6) {
                add_ucast(host, m);
            } else {
                add_segment_member(host, m);
            }
        }
        for (const auto& ping : folder->ir.ping_nodes) {
            add_ping(host, ping);
        }
    }

    void add_edge_once(const std::string& from, const std::string& to, dot::attributes attrs) {
        std::string key = from + "\n" + to;
        for (const auto& [name, value] : attrs) {
            key += "\n" + name + "=" + value;
        }
        if (edges_.insert(key).second) {
            graph_.add_edge(from, to, std::move(attrs));
        }
    }

    std::string owner_node(const std::string& owner) {
        for (std::size_t i = 0; i < view_.hosts.size(); ++i) {
            if (view_.hosts[i].name == owner) {
                return host_ids_[i];
            }
        }
        return undeclared_owner(owner);
    }

    std::string undeclared_owner(const std::string& owner) {
        auto found = undeclared_owner_ids_.find(owner);
        if (found != undeclared_owner_ids_.end()) {
            return found->second;
        }
        const std::string id = ids_.claim("node", owner);
        graph_.add_node(id, {{"shape", "box"},
                             {"style", "rounded,dashed"},
                             {"label", owner + "\n(not a declared node)"}});
        undeclared_owner_ids_.emplace(owner, id);
        return id;
    }

    static std::string written(const ir::resource& r) {
        if (r.bare_ip && !r.args.empty()) {
            return r.args.front();
        }
        std::string text = r.script;
        for (const auto& arg : r.args) {
            text += "::" + arg;
        }
        return text;
    }

    std::string vip_node(const ir::ip_arguments& ip) {
        auto found = vip_ids_.find(ip.ip);
        if (found != vip_ids_.end()) {
            return found->second;
        }
        std::vector<std::string> label{"VIP " + ip.ip + (ip.netmask ? "/" + *ip.netmask : "")};
        if (ip.nic) {
            label.push_back("nic " + *ip.nic);
        }
        if (ip.broadcast) {
            label.push_back("broadcast " + *ip.broadcast);
        }
        const std::string id = ids_.claim("vip", ip.ip);
        graph_.add_node(id, {{"shape", "ellipse"},
                             {"style", "filled"},
                             {"fillcolor", "#e6f4ea"},
                             {"label", join(label, "\n")}});
        vip_ids_.emplace(ip.ip, id);
        return id;
    }

    void add_groups() {
        if (view_.groups == nullptr) {
            return;
        }
        const auto& groups = view_.groups->ir.groups;
        for (std::size_t n = 0; n < groups.size(); ++n) {
            const auto& group = groups[n];
            std::vector<std::string> label{fmt::format("resource group {}", n + 1)};
            for (std::size_t i = 0; i < group.resources.size(); ++i) {
                label.push_back(fmt::format("{}. {}", i + 1, written(group.resources[i])));
            }
            const std::string id = ids_.claim("group", group.key);
            graph_.add_node(id, {{"shape", "box"},
                                 {"style", "filled"},
                                 {"fillcolor", "#fff4d6"},
                                 {"label", join(label, "\n")}});
            graph_.add_edge(id, owner_node(group.owner.v),
                            {{"label", "prefers"}, {"style", "bold"}});
            for (const auto& r : group.resources) {
                if (r.ip) {
                    add_edge_once(id, vip_node(*r.ip),
                                  {{"style", "dashed"}, {"arrowhead", "none"}});
                }
            }
        }
    }

    const cluster_view& view_;
    dot::graph graph_;
    dot::id_registry ids_;
    std::vector<std::string> host_ids_;
    std::vector<link> links_;
    std::map<std::string, segment> segments_;
    std::map<std::string, std::string> ping_ids_;
    std::map<std::string, std::string> address_ids_;
    std::map<std::string, std::string> undeclared_owner_ids_;
    std::map<std::string, std::string> vip_ids_;
    std::set<std::string> edges_;
};

} // namespace

std::string draw(const cluster_view& view, const std::vector<diagnostic>& forced_errors) {
    return drawing(view).render(forced_errors);
}

} // namespace hakit::emit::diagram
