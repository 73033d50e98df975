// Target `keepalived`: one keepalived.conf per node ("<node>/keepalived.conf") for clusters
// whose haresources groups are IP addresses and at most one init script each. One VRRP
// instance per group; the owner gets the higher priority, auto_failback off becomes
// nopreempt, ucast peers become unicast peers, ping nodes watched by ipfail become
// track_scripts (vrrp_plan.hpp decides; this file writes). Codes HC250-HC299.
#include "conf_writer.hpp"
#include "vrrp_plan.hpp"

#include <hakit/compiler/emit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace hakit::emit {
namespace {

bool usable_as_folder_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of("/\\") == std::string_view::npos;
}

class keepalived_writer {
  public:
    keepalived_writer(const emit_input& input, const vrrp::plan& plan)
        : input_(input), plan_(plan) {}

    std::string render(std::size_t member) const {
        const auto& node = input_.cluster.members[member];
        conf::writer out;
        write_header(out, node.name);
        out.line(0, "global_defs {");
        out.line(1, fmt::format("router_id {}", node.name));
        if (plan_.advert.vrrp_version == 3) {
            out.line(1, "# keepalive is not whole seconds: VRRPv3 advertises in centiseconds");
            out.line(1, "vrrp_version 3");
        }
        if (!plan_.ping_checks.empty() || any_service()) {
            out.line(1, "script_user root");
            out.line(1, "enable_script_security");
        }
        out.line(0, "}");
        for (const auto& check : plan_.ping_checks) {
            write_ping_check(out, check);
        }
        for (const auto& vrrp : plan_.instances) {
            write_instance(out, vrrp, member);
        }
        return out.take();
    }

  private:
    bool any_service() const {
        return std::any_of(plan_.instances.begin(), plan_.instances.end(),
                           [](const vrrp::instance& i) { return i.service.has_value(); });
    }

    void write_header(conf::writer& out, const std::string& node) const {
        out.forced_errors(input_.options.forced_errors);
        out.line(0, fmt::format("# keepalived.conf for node {} of the Heartbeat cluster \"{}\",",
                                node, plan_.cluster_name));
        out.line(0, "# made by hacompile (target keepalived). Every node has its own file: "
                    "install");
        out.line(0, fmt::format("# this one as /etc/keepalived/keepalived.conf on {}, check it "
                                "with",
                                node));
        out.line(0, "# `keepalived -t -f /etc/keepalived/keepalived.conf`, and stop heartbeat "
                    "before");
        out.line(0, "# starting keepalived: both would move the same addresses.");
        out.line(0, "#");
        out.line(0, "# No VRRP authentication: keepalived's auth_type PASS/AH is weak and "
                    "deprecated");
        out.line(0, "# (VRRPv3 dropped it), and the Heartbeat authkeys key is not reused. Keep "
                    "VRRP");
        out.line(0, "# (IP protocol 112) on a trusted network.");
        if (any_service()) {
            out.line(0, "#");
            out.line(0, "# Services run from /etc/init.d; Heartbeat looked in "
                        "/etc/ha.d/resource.d first.");
            out.line(0, "# Disable them at boot: keepalived starts them on the node that takes "
                        "over.");
        }
        out.blank();
    }

    void write_ping_check(conf::writer& out, const vrrp::ping_check& check) const {
        out.blank();
        out.line(0, fmt::format("# {}, watched by ipfail: down after deadping {} ms",
                                check.describes, plan_.deadping_ms));
        out.line(0, fmt::format("vrrp_script {} {{", check.name));
        out.line(1, fmt::format("script \"{}\"", check.command));
        out.line(1, fmt::format("interval {}", check.interval_seconds));
        out.line(1, fmt::format("fall {}", check.fall));
        out.line(1, "rise 1");
        if (plan_.preempt) {
            out.line(1, fmt::format("weight -{}", vrrp::ping_weight));
        }
        out.line(0, "}");
    }

    void write_instance(conf::writer& out, const vrrp::instance& vrrp, std::size_t member) const {
        const int priority = vrrp.priorities[member];
        const auto& interface = vrrp.interfaces[member];
        out.blank();
        out.line(0, fmt::format("# haresources group {}, owner {}", vrrp.group->key,
                                vrrp.group->owner.v));
        out.line(0, fmt::format("vrrp_instance {} {{", vrrp.name));
        if (plan_.preempt) {
            const bool owner = priority == vrrp::owner_priority;
            out.line(1, fmt::format("state {}", owner ? "MASTER" : "BACKUP"));
        } else {
            out.line(1, "# auto_failback off: the addresses stay where they run");
            out.line(1, "state BACKUP");
            out.line(1, "nopreempt");
        }
        if (interface) {
            out.line(1, fmt::format("interface {}", *interface));
        }
        out.line(1, fmt::format("virtual_router_id {}", vrrp.router_id));
        out.line(1, fmt::format("priority {}", priority));
        out.line(1, fmt::format("advert_int {}", plan_.advert.text));
        write_unicast(out, member);
        out.line(1, "virtual_ipaddress {");
        for (const auto& address : vrrp.addresses) {
            std::string text = fmt::format("{}/{}", address.ip, address.bits);
            if (address.broadcast) {
                text += fmt::format(" brd {}", *address.broadcast);
            }
            if (address.device) {
                text += fmt::format(" dev {}", *address.device);
            }
            if (address.label) {
                text += fmt::format(" label {}", *address.label);
            }
            out.line(2, text);
        }
        out.line(1, "}");
        write_tracking(out, vrrp, interface);
        if (vrrp.service) {
            for (const auto& [event, action] :
                 {std::pair{"notify_master", "start"}, std::pair{"notify_backup", "stop"},
                  std::pair{"notify_fault", "stop"}, std::pair{"notify_stop", "stop"}}) {
                out.line(1, fmt::format("{} \"/etc/init.d/{} {}\"", event, *vrrp.service, action));
            }
        }
        out.line(0, "}");
    }

    void write_unicast(conf::writer& out, std::size_t member) const {
        const auto& addresses = plan_.unicast_addresses;
        if (addresses.empty()) {
            return;
        }
        out.line(1, fmt::format("unicast_src_ip {}", addresses[member]));
        out.line(1, "unicast_peer {");
        for (std::size_t m = 0; m < addresses.size(); ++m) {
            if (m != member) {
                out.line(2, addresses[m]);
            }
        }
        out.line(1, "}");
    }

    void write_tracking(conf::writer& out, const vrrp::instance& vrrp,
                        const std::optional<std::string>& interface) const {
        if (plan_.ping_checks.empty()) {
            return;
        }
        out.line(1, "track_script {");
        for (const auto& check : plan_.ping_checks) {
            out.line(2, check.name);
        }
        out.line(1, "}");
        std::set<std::string> devices;
        for (const auto& address : vrrp.addresses) {
            if (address.device && address.device != interface) {
                devices.insert(*address.device);
            }
        }
        if (!devices.empty()) {
            out.line(1, "track_interface {");
            for (const auto& device : devices) {
                out.line(2, device);
            }
            out.line(1, "}");
        }
    }

    const emit_input& input_;
    const vrrp::plan& plan_;
};

emit_result emit_keepalived(const emit_input& input) {
    auto plan = vrrp::make_plan(input);
    emit_result result;
    if (plan.writable) {
        const keepalived_writer writer(input, plan);
        const auto& members = input.cluster.members;
        for (std::size_t m = 0; m < members.size(); ++m) {
            if (!usable_as_folder_name(members[m].name)) {
                plan.diagnostics.push_back(conf::make_diagnostic(
                    "HC265", "node-name-not-a-folder", severity::error,
                    members[m].declared_at.front(),
                    fmt::format("node name '{}' cannot name the folder of its keepalived.conf",
                                members[m].name)));
                continue;
            }
            result.files.push_back(
                {fmt::format("{}/keepalived.conf", members[m].name), writer.render(m), 0644});
        }
    }
    result.diagnostics = std::move(plan.diagnostics);
    sort_diagnostics(result.diagnostics);
    return result;
}

const target_registrar registered{
    {"keepalived", "keepalived.conf per node (VRRP) for groups of IP addresses", &emit_keepalived}};

} // namespace
} // namespace hakit::emit
