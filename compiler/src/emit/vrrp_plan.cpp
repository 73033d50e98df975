#include "conf_writer.hpp"
#include "link_addresses.hpp"
#include "vrrp_plan.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace hakit::emit::vrrp {
namespace {

constexpr int ping_timeout_seconds = 1;

// Heartbeat resource agents and wrappers (reference 2.7, plus drbd-utils' drbddisk): none of
// them is an init script keepalived could start and stop.
bool is_heartbeat_agent(std::string_view script) {
    static const std::set<std::string, std::less<>> agents{
        "AudibleAlarm", "Delay",    "Filesystem", "ICP",       "IPaddr",   "IPaddr2",
        "IPsrcaddr",    "IPv6addr", "LVM",        "LinuxSCSI", "MailTo",   "OCF",
        "Raid1",        "SendArp",  "ServeRAID",  "WAS",       "WinPopup", "Xinetd",
        "apache",       "db2",      "drbddisk",   "ids",       "portblock"};
    return agents.count(script) != 0;
}

// Characters that are safe inside keepalived's quoted script strings and in shell words.
bool is_plain_word(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' ||
               c == '_' || c == ':';
    });
}

// "IPaddr::192.0.2.10/24" -> "IPaddr_192_0_2_10_24": keepalived names without punctuation.
std::string sanitize(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != '_') {
            out.push_back('_');
        }
    }
    while (!out.empty() && out.back() == '_') {
        out.pop_back();
    }
    return out.empty() ? std::string("group") : out;
}

std::string unique_name(std::string base, std::set<std::string>& taken) {
    std::string name = base;
    for (int suffix = 2; taken.count(name) != 0; ++suffix) {
        name = fmt::format("{}_{}", base, suffix);
    }
    taken.insert(name);
    return name;
}

class planner {
  public:
    explicit planner(const emit_input& input) : input_(input), links_(links::plan_links(input)) {}

    plan run() {
        if (links_.reference == nullptr) {
            const location where = input_.folders.empty()
                                       ? location{}
                                       : location{input_.folders.front().expected_path_ha_cf, 0, 0};
            report("HC254", "nothing-to-move", severity::error, where,
                   "no ha.cf: keepalived.conf needs the cluster's nodes and their haresources "
                   "groups");
            return finish();
        }
        plan_.cluster_name = config().cluster.v;
        plan_.preempt = preempting();
        plan_.deadping_ms = config().times.deadping_ms.v;
        check_cluster();
        if (input_.cluster.members.empty()) {
            report("HC254", "nothing-to-move", severity::error,
                   location{links_.reference->expected_path_ha_cf, 0, 0},
                   "no node is declared: each node gets its own keepalived.conf");
            return finish();
        }
        plan_.writable = true;
        build_instances();
        choose_transport();
        assign_nodes();
        build_ping_checks();
        check_timing();
        return finish();
    }

  private:
    const ir::node_config& config() const { return links_.reference->ir; }

    void report(std::string_view code, std::string_view rule, severity level, const location& where,
                std::string message, std::vector<note> notes = {}) {
        plan_.diagnostics.push_back(
            conf::make_diagnostic(code, rule, level, where, std::move(message), std::move(notes)));
    }

    plan finish() {
        sort_diagnostics(plan_.diagnostics);
        return std::move(plan_);
    }

    void check_cluster() {
        if (config().pacemaker_enabled) {
            report("HC253", "pacemaker-managed", severity::error, config().pacemaker.where,
                   "resources are managed by Pacemaker here (haresources is not used), which "
                   "keepalived cannot express; use the cib, pcs or crmsh target");
        }
        if (config().groups.empty()) {
            report("HC254", "nothing-to-move", severity::error,
                   location{links_.reference->expected_path_haresources, 0, 0},
                   "no haresources group: keepalived would have no address to move");
        }
        for (const auto& device : config().stonith) {
            report("HC262", "stonith-not-carried", severity::warning, device.where,
                   "keepalived cannot fence a node: this STONITH device has no equivalent, a "
                   "node that stops sending adverts is taken over without being fenced");
        }
        const auto& auth = config().auth;
        if (auth.active) {
            const auto key = auth.keys.find(auth.active->v);
            if (key != auth.keys.end() && key->second.method &&
                *key->second.method != ir::auth_method::crc) {
                report("HC261", "vrrp-unauthenticated", severity::warning, key->second.where,
                       fmt::format("VRRP adverts are not authenticated: keepalived's auth_type "
                                   "PASS/AH is weak and deprecated (VRRPv3 dropped it), so the "
                                   "{} key is not carried over; keep VRRP (IP protocol 112) on a "
                                   "trusted network",
                                   key->second.method_as_written));
            }
        }
    }

    // resource.ip is set only for a valid IPv4 address and netmask (compiler/src/ipaddr.cpp).
    virtual_address address_of(const ir::resource& resource) {
        const auto& ip = *resource.ip;
        virtual_address address;
        address.from = &resource;
        address.ip = ip.ip;
        if (ip.cidr_bits) {
            address.bits = *ip.cidr_bits;
        } else {
            report("HC256", "netmask-missing", severity::warning, resource.where,
                   fmt::format("{} has no netmask: Heartbeat's IPaddr took the netmask of the "
                               "interface's network, keepalived adds {}/32",
                               ip.ip, ip.ip));
        }
        if (ip.nic && !ip.nic->empty()) {
            const auto colon = ip.nic->find(':');
            address.device = ip.nic->substr(0, colon);
            if (colon != std::string::npos) {
                address.label = *ip.nic;
            }
        }
        address.broadcast = ip.broadcast;
        return address;
    }

    void add_service(instance& vrrp, const ir::resource& resource, bool addresses_follow) {
        if (is_heartbeat_agent(resource.script) || resource.script == "IPv6addr") {
            report("HC250", "resource-not-expressible", severity::error, resource.where,
                   fmt::format("keepalived cannot express '{}': it moves IP addresses and can "
                               "run one init script on takeover, and {} is a Heartbeat "
                               "resource agent (use the cib, pcs or crmsh target)",
                               resource.script, resource.script));
        } else if (!resource.args.empty()) {
            report("HC252", "service-with-arguments", severity::error, resource.where,
                   fmt::format("keepalived cannot express '{}': notify scripts run an init "
                               "script as `/etc/init.d/{} start|stop`, without arguments",
                               resource.script, resource.script));
        } else if (!is_plain_word(resource.script)) {
            report(
                "HC250", "resource-not-expressible", severity::error, resource.where,
                fmt::format("keepalived cannot express '{}': not a script name", resource.script));
        } else if (vrrp.service) {
            report("HC251", "several-services", severity::error, resource.where,
                   fmt::format("keepalived cannot express a second service '{}' in one group: "
                               "notify scripts start one init script ('{}' already)",
                               resource.script, *vrrp.service));
        } else {
            vrrp.service = resource.script;
            if (addresses_follow) {
                report("HC264", "service-starts-after-addresses", severity::warning, resource.where,
                       fmt::format("keepalived starts '{}' after adding all addresses of the "
                                   "group; Heartbeat started it before the addresses that "
                                   "follow it",
                                   resource.script));
            }
        }
    }

    void build_instances() {
        std::vector<std::string> keys;
        for (const auto& group : config().groups) {
            keys.push_back(group.key);
        }
        const auto ids = assign_router_ids(config().cluster.v, keys);
        std::set<std::string> names;
        for (std::size_t g = 0; g < config().groups.size(); ++g) {
            const auto& group = config().groups[g];
            instance vrrp;
            vrrp.name = unique_name(sanitize(group.key), names);
            vrrp.router_id = ids[g];
            vrrp.group = &group;
            for (std::size_t r = 0; r < group.resources.size(); ++r) {
                const auto& resource = group.resources[r];
                if (!resource.ip && (resource.bare_ip || resource.script == "IPaddr" ||
                                     resource.script == "IPaddr2")) {
                    report("HC255", "address-not-ipv4", severity::error, resource.where,
                           fmt::format("'{}' does not give an IPv4 address (and netmask) "
                                       "keepalived could put in virtual_ipaddress",
                                       resource.args.empty() ? resource.script
                                                             : resource.args.front()));
                    continue;
                }
                if (resource.ip) {
                    vrrp.addresses.push_back(address_of(resource));
                    continue;
                }
                const bool addresses_follow =
                    std::any_of(group.resources.begin() + static_cast<std::ptrdiff_t>(r) + 1,
                                group.resources.end(), [](const auto& next) { return next.ip; });
                add_service(vrrp, resource, addresses_follow);
            }
            if (vrrp.addresses.empty()) {
                report("HC254", "nothing-to-move", severity::error, group.where,
                       "this group has no IP address: a VRRP instance moves addresses");
            }
            warn_addresses_without_nic(vrrp);
            plan_.instances.push_back(std::move(vrrp));
        }
    }

    void warn_addresses_without_nic(const instance& vrrp) {
        for (const auto& address : vrrp.addresses) {
            if (!address.device) {
                report("HC266", "address-without-interface", severity::warning, address.from->where,
                       fmt::format("{} names no interface: Heartbeat's IPaddr chose the "
                                   "interface whose network holds it, keepalived adds it to "
                                   "the instance's interface; add `dev IFACE` if that is not "
                                   "the right one",
                                   address.ip));
            }
        }
    }

    void choose_transport() {
        for (const auto& link : links_.links) {
            if (link.has_ucast() && link.complete() && link.all_ip() &&
                link.family == links::address_family::ipv4) {
                unicast_ = &link;
                for (const auto& address : link.addresses) {
                    plan_.unicast_addresses.push_back(address->address);
                }
                return;
            }
        }
        for (const auto& link : links_.links) {
            if (link.has_ucast()) {
                const auto* ucast =
                    *std::find_if(link.media.begin(), link.media.end(), [](const auto* m) {
                        return m->kind == ir::medium_kind::ucast ||
                               m->kind == ir::medium_kind::ucast6;
                    });
                report("HC258", "vrrp-multicast-fallback", severity::warning, ucast->where,
                       fmt::format("the nodes' IPv4 addresses on {} are not all known, so VRRP "
                                   "adverts go by multicast (224.0.0.18) where Heartbeat used "
                                   "ucast; add unicast_src_ip/unicast_peer by hand if the "
                                   "network drops multicast",
                                   link.device));
                return;
            }
        }
    }

    bool ipfail_respawned() const {
        return std::any_of(config().children.begin(), config().children.end(), [](const auto& c) {
            const auto slash = c.command.rfind('/');
            return c.command.substr(slash == std::string::npos ? 0 : slash + 1) == "ipfail";
        });
    }

    void build_ping_checks() {
        if (config().ping_nodes.empty() || !ipfail_respawned()) {
            return; // without ipfail, Heartbeat only watched ping nodes (reference 5.7)
        }
        const auto& times = config().times;
        const long interval = std::max(1L, (times.keepalive_ms.v + 999) / 1000);
        const long fall =
            std::max(1L, (times.deadping_ms.v + interval * 1000 - 1) / (interval * 1000));
        std::set<std::string> names;
        for (const auto& node : config().ping_nodes) {
            const bool plain = std::all_of(node.hosts.begin(), node.hosts.end(),
                                           [](const auto& h) { return is_plain_word(h); });
            if (!plain || node.hosts.empty()) {
                report("HC267", "ping-host-not-usable", severity::warning, node.where,
                       fmt::format("ping node '{}' cannot be written into a check command; it "
                                   "is left out",
                                   node.name));
                continue;
            }
            const auto ping = [&](const std::string& host) {
                return fmt::format("/bin/ping{} -c 1 -W {} {}",
                                   node.kind == ir::ping_kind::ping6 ? " -6" : "",
                                   ping_timeout_seconds, host);
            };
            ping_check check;
            check.interval_seconds = interval;
            check.fall = fall;
            if (node.kind == ir::ping_kind::ping_group) {
                std::vector<std::string> each;
                for (const auto& host : node.hosts) {
                    each.push_back(ping(host));
                }
                check.command = fmt::format("/bin/sh -c '{}'", fmt::join(each, " || "));
                check.name = unique_name("ping_group_" + sanitize(node.name), names);
                check.describes =
                    fmt::format("ping_group {} (alive while one member answers)", node.name);
            } else {
                check.command = ping(node.name);
                check.name = unique_name("ping_" + sanitize(node.name), names);
                check.describes = fmt::format("ping node {}", node.name);
            }
            plan_.ping_checks.push_back(std::move(check));
        }
        if (!plan_.ping_checks.empty() && !preempting()) {
            report("HC263", "ping-check-faults", severity::warning,
                   config().ping_nodes.front().where,
                   "with auto_failback off (nopreempt) a lower priority cannot move the "
                   "addresses, so a failed ping check puts the instance in FAULT state: when "
                   "every node loses its ping nodes, no node holds the addresses (ipfail left "
                   "them where they were)");
        }
    }

    // auto_failback on and legacy both give the group back to its owner (reference 5.4).
    bool preempting() const { return config().failback.v != ir::failback_policy::off; }

    void check_timing() {
        const auto& times = config().times;
        plan_.advert = advert_interval_for(times.keepalive_ms.v);
        if (plan_.advert.adjusted) {
            report("HC260", "advert-interval-adjusted", severity::warning, times.keepalive_ms.where,
                   fmt::format("keepalive {} ms is outside what VRRP can advertise; advert_int "
                               "{} ({} ms)",
                               times.keepalive_ms.v, plan_.advert.text, plan_.advert.milliseconds));
        }
        report("HC259", "deadtime-not-carried", severity::warning, times.deadtime_ms.where,
               fmt::format("deadtime {} ms has no keepalived equivalent: a backup takes over "
                           "after 3 adverts plus a skew, about {} ms with advert_int {}",
                           times.deadtime_ms.v,
                           master_down_ms(plan_.advert.milliseconds, backup_priority),
                           plan_.advert.text));
    }

    int priority_of(const instance& vrrp, std::size_t member) const {
        const auto& members = input_.cluster.members;
        int priority = backup_priority;
        for (std::size_t m = 0; m < members.size(); ++m) {
            const bool owner = values::iequals(members[m].name, vrrp.group->owner.v);
            if (m == member) {
                return owner ? owner_priority : priority;
            }
            if (!owner) {
                --priority;
            }
        }
        return priority;
    }

    void assign_nodes() {
        for (auto& vrrp : plan_.instances) {
            for (std::size_t m = 0; m < input_.cluster.members.size(); ++m) {
                vrrp.priorities.push_back(priority_of(vrrp, m));
                vrrp.interfaces.push_back(interface_for(vrrp, m));
            }
        }
    }

    std::optional<std::string> interface_for(const instance& vrrp, std::size_t member) {
        if (unicast_ != nullptr) {
            return unicast_->devices[member];
        }
        for (const auto& address : vrrp.addresses) {
            if (address.device) {
                return address.device;
            }
        }
        if (!links_.links.empty()) {
            return links_.links.front().devices[member];
        }
        if (member == 0) { // once per instance
            report("HC257", "interface-unknown", severity::error, vrrp.group->where,
                   "no interface for the VRRP instance: the addresses name none and there is "
                   "no IP heartbeat medium");
        }
        return std::nullopt;
    }

    const emit_input& input_;
    links::link_plan links_;
    const links::link* unicast_ = nullptr;
    plan plan_;
};

} // namespace

plan make_plan(const emit_input& input) {
    return planner(input).run();
}

} // namespace hakit::emit::vrrp
