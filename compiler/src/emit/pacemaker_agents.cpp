// Legacy resources and stonith devices -> Pacemaker primitives. The parameter names are those
// the Debian 3.0.6 resource.d wrappers export (reference §2.7), checked against the metadata
// of resource-agents 4.12; operation timeouts are the agents' advertised defaults.
#include "pacemaker_agents.hpp"
#include "pacemaker_codes.hpp"
#include "pacemaker_ids.hpp"

#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace hakit::emit {
namespace {

namespace codes = pcmk_codes;

// Operation timing of one agent: recurring monitor, and start/stop timeouts.
struct op_timing {
    std::string_view monitor_interval;
    std::string_view monitor_timeout;
    std::string_view start_timeout;
    std::string_view stop_timeout;
};

// clang-format off
constexpr op_timing ipaddr2_timing {"10s", "20s", "20s", "20s"};
constexpr op_timing lsb_timing     {"15s", "15s", "60s", "60s"}; // init scripts: no metadata
constexpr op_timing generic_timing {"10s", "20s", "20s", "20s"}; // Pacemaker's default timeout
constexpr op_timing stonith_timing {"60s", "20s", "20s", "20s"}; // Pacemaker's fencing default
constexpr op_timing ping_timing    {"10s", "60s", "60s", "20s"};
// clang-format on

// A resource.d wrapper whose arguments become OCF parameters one for one, in order.
struct positional_wrapper {
    std::string_view script;
    std::string_view agent;
    std::array<std::string_view, 4> params; // "" ends the list
    std::size_t min_args;
    std::size_t max_args;
    std::string_view id_prefix;
    op_timing timing;
};

// clang-format off
constexpr std::array positional_wrappers{
    positional_wrapper{"Filesystem", "Filesystem", {"device", "directory", "fstype", "options"}, 2, 4, "fs",       {"20s", "40s", "60s", "60s"}},
    positional_wrapper{"IPsrcaddr",  "IPsrcaddr",  {"ipaddress"},                                1, 1, "srcaddr",  {"10s", "20s", "20s", "20s"}},
    positional_wrapper{"LVM",        "LVM",        {"volgrpname"},                               1, 1, "lvm",      {"10s", "30s", "30s", "30s"}},
    positional_wrapper{"LinuxSCSI",  "LinuxSCSI",  {"scsi"},                                     1, 1, "scsi",     {"10s", "20s", "20s", "20s"}},
    positional_wrapper{"MailTo",     "MailTo",     {"email", "subject"},                         1, 2, "mailto",   {"10s", "10s", "10s", "10s"}},
    positional_wrapper{"Raid1",      "Raid1",      {"raidconf", "raiddev"},                      2, 2, "raid1",    {"10s", "20s", "20s", "20s"}},
    positional_wrapper{"ServeRAID",  "ServeRAID",  {"serveraid", "mergegroup"},                  2, 2, "serveraid",{"10s", "20s", "40s", "40s"}},
    positional_wrapper{"Xinetd",     "Xinetd",     {"service"},                                  1, 1, "xinetd",   {"10s", "10s", "20s", "20s"}},
    positional_wrapper{"apache",     "apache",     {"configfile"},                               0, 1, "apache",   {"10s", "20s", "40s", "60s"}},
    positional_wrapper{"Apache",     "apache",     {"configfile"},                               0, 1, "apache",   {"10s", "20s", "40s", "60s"}},
    positional_wrapper{"db2",        "db2",        {"instance"},                                 1, 1, "db2",      {"20s", "60s", "120s", "120s"}},
    positional_wrapper{"ids",        "ids",        {"informixdir", "informixserver", "onconfig"},0, 3, "ids",      {"10s", "30s", "120s", "120s"}},
    positional_wrapper{"portblock",  "portblock",  {"protocol", "portno", "action"},             3, 3, "portblock",{"10s", "10s", "20s", "20s"}},
    positional_wrapper{"ICP",        "ICP",        {"driveid", "device"},                        2, 2, "icp",      {"10s", "20s", "20s", "20s"}},
    positional_wrapper{"WinPopup",   "WinPopup",   {"hostfile"},                                 0, 1, "winpopup", {"10s", "10s", "30s", "30s"}},
};
// clang-format on

// cluster-glue stonith plugins and their parameter names (`stonith -n -t <type>`); the
// remaining words of a stonith_host line go into the last name, as the plugins parse them.
struct stonith_plugin {
    std::string_view type;
    std::array<std::string_view, 5> params;
};

// clang-format off
constexpr std::array stonith_plugins{
    stonith_plugin{"apcmaster",            {"ipaddr", "login", "password"}},
    stonith_plugin{"apcmastersnmp",        {"ipaddr", "port", "community"}},
    stonith_plugin{"apcsmart",             {"ttydev", "hostlist"}},
    stonith_plugin{"baytech",              {"ipaddr", "login", "password"}},
    stonith_plugin{"bladehpi",             {"entity_root"}},
    stonith_plugin{"cyclades",             {"ipaddr", "login", "serialport"}},
    stonith_plugin{"drac3",                {"host", "login", "password"}},
    stonith_plugin{"external/drac5",       {"hostname", "ipaddr", "userid"}},
    stonith_plugin{"external/hetzner",     {"hostname", "remote_ip"}},
    stonith_plugin{"external/hmchttp",     {"hostlist", "hmc_ipaddr", "user", "password"}},
    stonith_plugin{"external/ibmrsa",      {"hostname", "ipaddr", "userid", "passwd", "type"}},
    stonith_plugin{"external/ipmi",        {"hostname", "ipaddr", "userid", "passwd", "interface"}},
    stonith_plugin{"external/kdumpcheck",  {"hostlist", "identity_file"}},
    stonith_plugin{"external/libvirt",     {"hostlist", "hypervisor_uri", "reboot_method"}},
    stonith_plugin{"external/rackpdu",     {"hostlist", "pduip", "community"}},
    stonith_plugin{"external/ssh",         {"hostlist"}},
    stonith_plugin{"external/vmware",      {"device_host"}},
    stonith_plugin{"external/xen0",        {"hostlist", "dom0"}},
    stonith_plugin{"ibmhmc",               {"ipaddr"}},
    stonith_plugin{"meatware",             {"hostlist"}},
    stonith_plugin{"null",                 {"hostlist"}},
    stonith_plugin{"nw_rpc100s",           {"ttydev", "hostlist"}},
    stonith_plugin{"rcd_serial",           {"hostlist", "ttydev", "dtr_rts", "msduration"}},
    stonith_plugin{"rps10",                {"serial_to_targets"}},
    stonith_plugin{"ssh",                  {"hostlist"}},
    stonith_plugin{"suicide",              {}},
    stonith_plugin{"wti_mpc",              {"ipaddr", "port", "community", "mib-version"}},
    stonith_plugin{"wti_nps",              {"ipaddr", "password"}},
};
// clang-format on

std::string join(const std::vector<std::string>& words, std::size_t from, std::string_view sep) {
    std::string text;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (i > from) {
            text += sep;
        }
        text += words[i];
    }
    return text;
}

std::string legacy_text(const ir::resource& legacy) {
    if (legacy.bare_ip) {
        return legacy.args.empty() ? legacy.script : legacy.args.front();
    }
    std::string text = legacy.script;
    for (const auto& arg : legacy.args) {
        text += "::";
        text += arg;
    }
    return text;
}

void add_standard_operations(primitive& p, const op_timing& timing) {
    p.operations.push_back({"start", "0s", std::string(timing.start_timeout), "", ""});
    p.operations.push_back({"stop", "0s", std::string(timing.stop_timeout), "", ""});
    p.operations.push_back({"monitor", std::string(timing.monitor_interval),
                            std::string(timing.monitor_timeout), "", ""});
}

primitive ocf_primitive(const ir::resource& legacy, std::string_view provider,
                        std::string_view type) {
    primitive p;
    p.cls = resource_class::ocf;
    p.provider = std::string(provider);
    p.type = std::string(type);
    p.legacy = legacy_text(legacy);
    p.where = legacy.where;
    return p;
}

void check_argument_count(const ir::resource& legacy, std::size_t min_args, std::size_t max_args,
                          std::string_view usage, std::vector<diagnostic>& out) {
    const auto count = legacy.args.size();
    if (count < min_args) {
        out.push_back(codes::make(
            codes::missing_argument, legacy.where,
            fmt::format("{} needs {} argument{} ({}) but has {}: the agent lacks a required "
                        "parameter; set it by hand",
                        legacy.script, min_args, min_args == 1 ? "" : "s", usage, count)));
    } else if (count > max_args) {
        out.push_back(
            codes::make(codes::extra_arguments, legacy.where,
                        fmt::format("{} takes at most {} argument{} ({}); '{}' is not carried over",
                                    legacy.script, max_args, max_args == 1 ? "" : "s", usage,
                                    join(legacy.args, max_args, "::"))));
    }
}

mapped_resource map_positional(const ir::resource& legacy, const positional_wrapper& wrapper,
                               std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", wrapper.agent);
    std::string usage;
    for (std::size_t i = 0; i < wrapper.params.size() && !wrapper.params[i].empty(); ++i) {
        usage += fmt::format("{}{}", i == 0 ? "" : ", ", wrapper.params[i]);
        if (i < legacy.args.size()) {
            m.resource.params.push_back({std::string(wrapper.params[i]), legacy.args[i]});
        }
    }
    check_argument_count(legacy, wrapper.min_args, wrapper.max_args, usage, out);
    add_standard_operations(m.resource, wrapper.timing);
    // Filesystem is named after its mount point, everything else after its first argument.
    if (legacy.args.empty()) {
        m.id_hint = std::string(wrapper.id_prefix);
    } else {
        const bool by_mount_point = wrapper.agent == "Filesystem" && legacy.args.size() > 1;
        const std::string& naming_arg = by_mount_point ? legacy.args[1] : legacy.args[0];
        m.id_hint = sanitize_id(fmt::format("{}_{}", wrapper.id_prefix, naming_arg), "rsc");
    }
    return m;
}

// IPaddr, IPaddr2 and bare IPs: ocf:heartbeat:IPaddr2 (IPaddr needs ifconfig, which Debian
// no longer installs; both wrappers split "ip/bits/nic/bcast" the same way).
mapped_resource map_ip(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", "IPaddr2");
    const std::string argument = legacy.args.empty() ? std::string() : legacy.args.front();
    if (legacy.args.size() != 1) {
        check_argument_count(legacy, 1, 1, "ip[/bits[/nic][/bcast]]", out);
    }
    auto& params = m.resource.params;
    if (legacy.ip) {
        const auto& ip = *legacy.ip;
        params.push_back({"ip", ip.ip});
        if (ip.nic) {
            // "eth0:1": the agent wants the base interface and the label apart.
            const auto colon = ip.nic->find(':');
            params.push_back({"nic", ip.nic->substr(0, colon)});
            if (colon != std::string::npos) {
                params.push_back({"iflabel", ip.nic->substr(colon + 1)});
            }
        }
        if (ip.netmask && ip.cidr_bits) {
            params.push_back({"cidr_netmask", std::to_string(*ip.cidr_bits)});
        } else if (ip.netmask) {
            out.push_back(codes::make(
                codes::bad_ip_argument, legacy.where,
                fmt::format("netmask '{}' of {} is neither a prefix length nor a contiguous "
                            "dotted mask: cidr_netmask is left out",
                            *ip.netmask, argument)));
        }
        if (ip.broadcast) {
            params.push_back({"broadcast", *ip.broadcast});
        }
        m.id_hint = sanitize_id("ip_" + ip.ip, "ip");
    } else {
        const std::string address = argument.substr(0, argument.find('/'));
        params.push_back({"ip", address});
        if (!argument.empty()) {
            out.push_back(codes::make(
                codes::bad_ip_argument, legacy.where,
                fmt::format("'{}' is not an ip[/bits[/nic][/bcast]] argument: only ip={} is "
                            "carried over",
                            argument, address)));
        }
        m.id_hint = sanitize_id("ip_" + address, "ip");
    }
    // The IPaddr2 wrapper exported lvs_support=1; the IPaddr one 0 (the agent's default).
    if (legacy.script == "IPaddr2" && !legacy.bare_ip) {
        params.push_back({"lvs_support", "true"});
    }
    // Parameters in the agent's metadata order: ip nic cidr_netmask broadcast iflabel lvs_support.
    constexpr std::array order{"ip", "nic", "cidr_netmask", "broadcast", "iflabel", "lvs_support"};
    const auto rank = [&](const nvpair& p) {
        return std::find(order.begin(), order.end(), p.name) - order.begin();
    };
    std::stable_sort(params.begin(), params.end(),
                     [&](const nvpair& a, const nvpair& b) { return rank(a) < rank(b); });
    add_standard_operations(m.resource, ipaddr2_timing);
    return m;
}

// "ip/bits/nic" of IPv6addr: the wrapper splits on '/' like IPaddr.
mapped_resource map_ipv6(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", "IPv6addr");
    check_argument_count(legacy, 1, 1, "ipv6addr[/bits[/nic]]", out);
    const std::string argument = legacy.args.empty() ? std::string() : legacy.args.front();
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start <= argument.size()) {
        const auto slash = argument.find('/', start);
        fields.push_back(argument.substr(start, slash - start));
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    constexpr std::array names{"ipv6addr", "cidr_netmask", "nic"};
    for (std::size_t i = 0; i < names.size() && i < fields.size(); ++i) {
        if (!fields[i].empty()) {
            m.resource.params.push_back({names[i], fields[i]});
        }
    }
    m.id_hint = sanitize_id("ip6_" + fields.front(), "ip6");
    add_standard_operations(m.resource, {"15s", "15s", "15s", "15s"});
    return m;
}

// SendArp "ip/iface": the wrapper passes everything after "ip/" as the interface; with the
// "ip/bits/iface" form that its comment shows, the interface is the first non-numeric field.
mapped_resource map_sendarp(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", "SendArp");
    check_argument_count(legacy, 1, 1, "ip/nic", out);
    const std::string argument = legacy.args.empty() ? std::string() : legacy.args.front();
    const auto slash = argument.find('/');
    const std::string ip = argument.substr(0, slash);
    std::string nic;
    for (std::size_t start = slash; start != std::string::npos && nic.empty();) {
        const auto next = argument.find('/', start + 1);
        const std::string field = argument.substr(start + 1, next - start - 1);
        if (!field.empty() && (field.front() < '0' || field.front() > '9')) {
            nic = field;
        }
        start = next;
    }
    m.resource.params.push_back({"ip", ip});
    if (!nic.empty()) {
        m.resource.params.push_back({"nic", nic});
    } else if (!argument.empty()) {
        out.push_back(codes::make(codes::missing_argument, legacy.where,
                                  fmt::format("SendArp argument '{}' names no interface: the "
                                              "agent's required nic parameter is not set",
                                              argument)));
    }
    m.id_hint = sanitize_id("sendarp_" + ip, "sendarp");
    add_standard_operations(m.resource, {"10s", "20s", "20s", "20s"});
    return m;
}

mapped_resource map_delay(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", "Delay");
    check_argument_count(legacy, 0, 2, "startdelay, stopdelay", out);
    constexpr std::array names{"startdelay", "stopdelay"};
    long longest = 10; // the wrapper's default start delay
    for (std::size_t i = 0; i < names.size() && i < legacy.args.size(); ++i) {
        m.resource.params.push_back({names[i], legacy.args[i]});
        longest = std::max(longest, values::c_atoi(legacy.args[i]));
    }
    if (legacy.args.empty()) {
        m.resource.params.push_back({"startdelay", "10"});
    }
    // The agent sleeps that long in start/stop: the timeouts must outlast the delay.
    const std::string timeout = fmt::format("{}s", longest + 30);
    m.resource.operations.push_back({"start", "0s", timeout, "", ""});
    m.resource.operations.push_back({"stop", "0s", timeout, "", ""});
    m.resource.operations.push_back({"monitor", "10s", "30s", "", ""});
    m.id_hint = "delay";
    return m;
}

mapped_resource map_audible_alarm(const ir::resource& legacy) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", "AudibleAlarm");
    if (!legacy.args.empty()) {
        m.resource.params.push_back({"nodelist", join(legacy.args, 0, " ")});
    }
    add_standard_operations(m.resource, {"10s", "10s", "10s", "10s"});
    m.id_hint = "audiblealarm";
    return m;
}

// WAS [config-file | port]: the wrapper tests whether the argument is a file; a number can
// only be a port.
mapped_resource map_was(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource = ocf_primitive(legacy, "heartbeat", "WAS");
    check_argument_count(legacy, 0, 1, "config file or port", out);
    if (!legacy.args.empty()) {
        const bool is_port = values::is_integer(legacy.args[0]);
        m.resource.params.push_back({is_port ? "port" : "config", legacy.args[0]});
    }
    add_standard_operations(m.resource, {"10s", "30s", "300s", "300s"});
    m.id_hint = sanitize_id(legacy.args.empty() ? "was" : "was_" + legacy.args[0], "was");
    return m;
}

// drbddisk [resource] (drbd-utils' v1 wrapper: promote/demote one DRBD resource) becomes
// LINBIT's agent in a promotable clone; the group then follows the promoted instance.
mapped_resource map_drbd(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.promotable = true;
    m.resource = ocf_primitive(legacy, "linbit", "drbd");
    const std::string name = legacy.args.empty() ? std::string("all") : legacy.args[0];
    if (legacy.args.empty()) {
        out.push_back(codes::make(codes::missing_argument, legacy.where,
                                  "drbddisk without a resource name handles every DRBD "
                                  "resource; ocf:linbit:drbd manages one: drbd_resource=all "
                                  "must be replaced by one clone per resource"));
    } else if (legacy.args.size() > 1) {
        check_argument_count(legacy, 1, 1, "drbd_resource", out);
    }
    m.resource.params.push_back({"drbd_resource", name});
    m.resource.operations.push_back({"start", "0s", "240s", "", ""});
    m.resource.operations.push_back({"stop", "0s", "100s", "", ""});
    m.resource.operations.push_back({"promote", "0s", "90s", "", ""});
    m.resource.operations.push_back({"demote", "0s", "90s", "", ""});
    m.resource.operations.push_back({"monitor", "29s", "20s", "Promoted", ""});
    m.resource.operations.push_back({"monitor", "31s", "20s", "Unpromoted", ""});
    m.id_hint = sanitize_id("drbd_" + name, "drbd");
    out.push_back(codes::make(
        codes::drbd_promotable_clone, legacy.where,
        fmt::format("drbddisk::{} becomes a promotable clone of ocf:linbit:drbd (from "
                    "drbd-utils) that the group is colocated with and ordered after; disable "
                    "DRBD's own init script and install the agent",
                    name)));
    return m;
}

// OCF::<agent>::<instance>: the parameters live in /etc/ha.d/conf/OCF/<agent>/<instance>.
mapped_resource map_ocf_wrapper(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    const std::string agent = legacy.args.empty() ? std::string("OCF") : legacy.args[0];
    m.resource = ocf_primitive(legacy, "heartbeat", agent);
    check_argument_count(legacy, 2, 2, "agent, instance", out);
    const std::string instance = legacy.args.size() > 1 ? legacy.args[1] : agent;
    out.push_back(codes::make(
        codes::ocf_wrapper_params, legacy.where,
        fmt::format("the parameters of OCF::{}::{} are in /etc/ha.d/conf/OCF/{}/{}, which is "
                    "not read: add them to the primitive, and check the provider (heartbeat "
                    "assumed)",
                    agent, instance, agent, instance)));
    add_standard_operations(m.resource, generic_timing);
    m.id_hint = sanitize_id(instance, "rsc");
    return m;
}

mapped_resource map_lsb(const ir::resource& legacy, std::vector<diagnostic>& out) {
    mapped_resource m;
    m.resource.cls = resource_class::lsb;
    m.resource.type = legacy.script;
    m.resource.legacy = legacy_text(legacy);
    m.resource.where = legacy.where;
    if (!legacy.args.empty()) {
        out.push_back(codes::make(
            codes::lsb_arguments_dropped, legacy.where,
            fmt::format("lsb:{} is called without arguments: '{}' is not passed (wrap the "
                        "script, or write an OCF agent)",
                        legacy.script, join(legacy.args, 0, "::"))));
    }
    out.push_back(codes::make(
        codes::lsb_status_exit_codes, legacy.where,
        fmt::format("lsb:{} needs /etc/init.d/{} with LSB exit codes (status: 0 running, 3 "
                    "stopped); Heartbeat only read 'running' from its output, and also "
                    "searched /etc/ha.d/resource.d",
                    legacy.script, legacy.script)));
    add_standard_operations(m.resource, lsb_timing);
    m.id_hint = sanitize_id(legacy.script, "rsc");
    return m;
}

} // namespace

mapped_resource map_resource(const ir::resource& legacy, std::vector<diagnostic>& out) {
    const std::string& script = legacy.script;
    if (legacy.bare_ip || script == "IPaddr" || script == "IPaddr2") {
        return map_ip(legacy, out);
    }
    for (const auto& wrapper : positional_wrappers) {
        if (wrapper.script == script) {
            return map_positional(legacy, wrapper, out);
        }
    }
    if (script == "IPv6addr") {
        return map_ipv6(legacy, out);
    }
    if (script == "SendArp") {
        return map_sendarp(legacy, out);
    }
    if (script == "Delay") {
        return map_delay(legacy, out);
    }
    if (script == "AudibleAlarm") {
        return map_audible_alarm(legacy);
    }
    if (script == "WAS") {
        return map_was(legacy, out);
    }
    if (script == "drbddisk") {
        return map_drbd(legacy, out);
    }
    if (script == "OCF") {
        return map_ocf_wrapper(legacy, out);
    }
    return map_lsb(legacy, out);
}

mapped_resource map_stonith(const ir::stonith_device& device, std::vector<diagnostic>& out) {
    mapped_resource m;
    auto& p = m.resource;
    p.cls = resource_class::stonith;
    p.type = device.type;
    p.where = device.where;
    const bool per_host = !device.host.empty();
    p.legacy = per_host ? fmt::format("stonith_host {} {}", device.host, device.type)
                        : fmt::format("stonith {}", device.type);
    if (!per_host) {
        // `stonith <type> <config file>`: the plugin reads its settings from that file.
        out.push_back(codes::make(
            codes::stonith_config_file, device.where,
            fmt::format("the settings of stonith device {} are in {}, which is not read: add "
                        "them as parameters of the fencing primitive",
                        device.type,
                        device.params.empty() ? "its config file" : device.params[0])));
    } else {
        const auto plugin = std::find_if(stonith_plugins.begin(), stonith_plugins.end(),
                                         [&](const auto& s) { return s.type == device.type; });
        std::vector<std::string_view> names;
        if (plugin != stonith_plugins.end()) {
            for (const auto name : plugin->params) {
                if (!name.empty()) {
                    names.push_back(name);
                }
            }
        }
        const bool known = plugin != stonith_plugins.end();
        if (known) {
            // One word per name; the last name takes the rest of the line (host lists).
            for (std::size_t i = 0; i < names.size() && i < device.params.size(); ++i) {
                const bool last = i + 1 == names.size();
                p.params.push_back(
                    {std::string(names[i]), last ? join(device.params, i, " ") : device.params[i]});
            }
        } else {
            for (std::size_t i = 0; i < device.params.size(); ++i) {
                p.params.push_back({fmt::format("param{}", i + 1), device.params[i]});
            }
        }
        if (known && names.empty() && !device.params.empty()) {
            out.push_back(codes::make(
                codes::extra_arguments, device.where,
                fmt::format("stonith type {} takes no parameters; '{}' is not carried over",
                            device.type, join(device.params, 0, " "))));
        }
        if (!known && !device.params.empty()) {
            out.push_back(codes::make(
                codes::stonith_params_by_position, device.where,
                fmt::format("stonith type {} is not a known cluster-glue plugin: its parameters "
                            "are named param1..param{}; rename them (stonith -n -t {})",
                            device.type, device.params.size(), device.type)));
        }
    }
    add_standard_operations(p, stonith_timing);
    const std::string host_part = per_host && device.host != "*" ? "_" + device.host : "";
    m.id_hint = sanitize_id(fmt::format("fence_{}{}", device.type, host_part), "fence");
    return m;
}

primitive ping_primitive(const std::vector<std::string>& hosts, long dead_ping_ms,
                         const std::string& attribute) {
    primitive p;
    p.cls = resource_class::ocf;
    p.provider = "pacemaker";
    p.type = "ping";
    std::string list;
    for (const auto& host : hosts) {
        list += list.empty() ? host : " " + host;
    }
    // Metadata order: dampen name multiplier host_list.
    p.params.push_back({"dampen", duration_from_ms(dead_ping_ms)});
    p.params.push_back({"name", attribute});
    p.params.push_back({"multiplier", "1000"});
    p.params.push_back({"host_list", list});
    add_standard_operations(p, ping_timing);
    return p;
}

void assign_operation_ids(primitive& resource) {
    for (auto& op : resource.operations) {
        op.id = fmt::format("{}-{}-interval-{}", resource.id, op.name, op.interval);
        if (!op.role.empty()) {
            op.id += "-" + op.role;
        }
    }
}

std::string duration_from_ms(long ms) {
    return ms % 1000 == 0 ? fmt::format("{}s", ms / 1000) : fmt::format("{}ms", ms);
}

} // namespace hakit::emit
