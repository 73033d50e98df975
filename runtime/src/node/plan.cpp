#include "plan_fields.hpp"

#include <hakit/runtime/node/plan.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

namespace hakit::runtime::node {

using detail::plan_field;
using detail::plan_field_error;

std::string_view to_string(medium_kind kind) {
    switch (kind) {
    case medium_kind::bcast:
        return "bcast";
    case medium_kind::ucast:
        return "ucast";
    case medium_kind::ucast6:
        return "ucast6";
    case medium_kind::mcast:
        return "mcast";
    case medium_kind::mcast6:
        return "mcast6";
    case medium_kind::serial:
        return "serial";
    }
    return "unknown";
}

std::string_view to_string(auth_method method) {
    switch (method) {
    case auth_method::crc:
        return "crc";
    case auth_method::md5:
        return "md5";
    case auth_method::sha1:
        return "sha1";
    }
    return "unknown";
}

const cluster_node* runtime_plan::find_node(std::string_view name) const {
    const auto found = std::find_if(nodes.begin(), nodes.end(),
                                    [&](const auto& node) { return node.name == name; });
    return found == nodes.end() ? nullptr : &*found;
}

namespace {

constexpr std::int64_t max_int = std::numeric_limits<int>::max();
constexpr std::int64_t max_port = 65535;

plan_location read_location(const plan_field& field) {
    return {field.member("file").text(), static_cast<int>(field.member("line").integer(0, max_int)),
            static_cast<int>(field.member("column").integer(0, max_int))};
}

std::string describe(const plan_location& where) {
    return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

std::vector<std::string> read_strings(const plan_field& list) {
    std::vector<std::string> strings;
    for (std::size_t i = 0; i < list.size(); ++i) {
        strings.push_back(list.element(i).text());
    }
    return strings;
}

medium_kind read_medium_kind(const plan_field& field) {
    const std::string kind = field.text();
    for (const auto candidate : {medium_kind::bcast, medium_kind::ucast, medium_kind::ucast6,
                                 medium_kind::mcast, medium_kind::mcast6, medium_kind::serial}) {
        if (kind == to_string(candidate)) {
            return candidate;
        }
    }
    field.complain(fmt::format("unknown medium kind \"{}\"", kind));
}

std::uint16_t read_port(const plan_field& field) {
    return static_cast<std::uint16_t>(field.integer(1, max_port));
}

medium read_medium(const plan_field& field) {
    medium result;
    result.kind = read_medium_kind(field.member("kind"));
    result.device = field.member("device").text();
    result.where = read_location(field.member("where"));
    switch (result.kind) {
    case medium_kind::bcast:
        result.port = read_port(field.member("port"));
        break;
    case medium_kind::ucast:
    case medium_kind::ucast6:
        result.peer = field.member("peer").text();
        result.port = read_port(field.member("port"));
        break;
    case medium_kind::mcast:
    case medium_kind::mcast6:
        result.group = field.member("group").text();
        result.port = read_port(field.member("port"));
        result.ttl = static_cast<int>(field.member("ttl").integer(0, 255));
        result.loop = static_cast<int>(field.member("loop").integer(0, 1));
        break;
    case medium_kind::serial:
        result.baud = static_cast<int>(field.member("baud").integer(0, max_int));
        break;
    }
    return result;
}

cluster_node read_node(const plan_field& field) {
    cluster_node node;
    node.name = field.member("name").text();
    if (node.name.empty()) {
        field.member("name").complain("a node name cannot be empty");
    }
    const plan_field media = field.member("media");
    for (std::size_t i = 0; i < media.size(); ++i) {
        node.media.push_back(read_medium(media.element(i)));
    }
    const plan_field addresses = field.member("addresses");
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const plan_field address = addresses.element(i);
        node.addresses.push_back(
            {address.member("address").text(), address.member("device").text()});
    }
    return node;
}

std::chrono::milliseconds read_ms(const plan_field& timing_field, std::string_view name,
                                  std::int64_t minimum) {
    return std::chrono::milliseconds(
        timing_field.member(name).integer(minimum, std::numeric_limits<std::int32_t>::max()));
}

timing read_timing(const plan_field& field) {
    timing result;
    // keepalive and deadtime drive timers: zero would make the daemon spin or declare every
    // peer dead at once.
    result.keepalive = read_ms(field, "keepalive", 1);
    result.deadtime = read_ms(field, "deadtime", 1);
    result.warntime = read_ms(field, "warntime", 0);
    result.initdead = read_ms(field, "initdead", 0);
    result.deadping = read_ms(field, "deadping", 0);
    if (result.deadtime <= result.keepalive) {
        field.member("deadtime")
            .complain(fmt::format("deadtime {} ms must be longer than keepalive {} ms",
                                  result.deadtime.count(), result.keepalive.count()));
    }
    return result;
}

failback_policy read_failback(const plan_field& field) {
    const std::string value = field.text();
    if (value == "on") {
        return failback_policy::on;
    }
    if (value == "off") {
        return failback_policy::off;
    }
    if (value == "legacy") {
        return failback_policy::legacy;
    }
    field.complain(fmt::format("expected on, off or legacy, found \"{}\"", value));
}

std::optional<ip_arguments> read_ip(const plan_field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    ip_arguments ip;
    ip.ip = field.member("ip").text();
    if (const auto bits = field.member("cidr_netmask").integer_or_null(0, 32)) {
        ip.cidr_netmask = static_cast<int>(*bits);
    }
    ip.netmask = field.member("netmask").text_or_null();
    ip.nic = field.member("nic").text_or_null();
    ip.broadcast = field.member("broadcast").text_or_null();
    return ip;
}

resource_group read_group(const plan_field& field, const runtime_plan& plan) {
    resource_group group;
    group.id = field.member("id").text();
    group.key = field.member("key").text();
    group.owner = field.member("owner").text();
    if (plan.find_node(group.owner) == nullptr) {
        field.member("owner").complain(
            fmt::format("\"{}\" is not one of the plan's nodes", group.owner));
    }
    const plan_field resources = field.member("resources");
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const plan_field item = resources.element(i);
        resource entry;
        entry.script = item.member("script").text();
        if (entry.script.empty()) {
            item.member("script").complain("a script name cannot be empty");
        }
        entry.args = read_strings(item.member("args"));
        entry.bare_ip = item.member("bare_ip").flag();
        entry.ip = read_ip(item.member("ip"));
        entry.where = read_location(item.member("where"));
        group.resources.push_back(std::move(entry));
    }
    return group;
}

auth_method read_method(const plan_field& field) {
    const std::string value = field.text();
    if (value == "crc") {
        return auth_method::crc;
    }
    if (value == "md5") {
        return auth_method::md5;
    }
    if (value == "sha1") {
        return auth_method::sha1;
    }
    field.complain(fmt::format("expected crc, md5 or sha1, found \"{}\"", value));
}

// A key for md5/sha1; crc has none. A missing key means the plan was compiled without
// --include-secrets.
std::string read_key(const plan_field& owner, auth_method method,
                     const plan_load_options& options) {
    if (method == auth_method::crc) {
        return {};
    }
    if (!owner.json().contains("key")) {
        if (options.allow_missing_keys) {
            return {};
        }
        throw plan_field_error(fmt::format(
            "plan field {}.key: missing: the plan has no keys because it was compiled without "
            "--include-secrets; recompile it with `hacompile --target plan --include-secrets`",
            owner.path()));
    }
    return owner.member("key").text();
}

auth_config read_auth(const plan_field& field, const plan_load_options& options) {
    if (field.is_null()) {
        field.complain("null: the plan was compiled without a usable authkeys (HC002), so "
                       "harun could neither sign nor verify packets");
    }
    auth_config auth;
    auth.key_index = static_cast<int>(field.member("key_index").integer(0, 15));
    auth.method = read_method(field.member("method"));
    auth.key = read_key(field, auth.method, options);
    const plan_field keys = field.member("keys");
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const plan_field item = keys.element(i);
        auth_key key;
        key.index = static_cast<int>(item.member("index").integer(0, 15));
        key.method = read_method(item.member("method"));
        key.key = read_key(item, key.method, options);
        auth.keys.push_back(std::move(key));
    }
    const bool sending_key_listed = std::any_of(auth.keys.begin(), auth.keys.end(), [&](auto& k) {
        return k.index == auth.key_index && k.method == auth.method;
    });
    if (!sending_key_listed) {
        field.member("keys").complain(fmt::format("the sending key {} ({}) is not among the keys",
                                                  auth.key_index, to_string(auth.method)));
    }
    return auth;
}

void refuse_forced_errors(const plan_field& field) {
    const std::size_t count = field.size();
    if (count == 0) {
        return;
    }
    const plan_field first = field.element(0);
    const std::string detail =
        fmt::format("{} {}: {} at {}", first.member("code").text(), first.member("rule").text(),
                    first.member("message").text(), describe(read_location(first.member("where"))));
    field.complain(fmt::format(
        "the plan was compiled with --force past {} validation error(s) (first: {}); Heartbeat "
        "itself would not run this configuration: fix it and recompile without --force",
        count, detail));
}

runtime_plan read_plan(const plan_field& root, const plan_load_options& options) {
    const plan_field version = root.member("version");
    if (!version.json().is_number_integer() || version.json().get<std::int64_t>() != 1) {
        version.complain(
            fmt::format("this harun reads plan version 1 only, found {}", version.json().dump()));
    }
    refuse_forced_errors(root.member("forced_errors"));

    runtime_plan plan;
    plan.cluster = root.member("cluster").text();
    const plan_field nodes = root.member("nodes");
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        cluster_node node = read_node(nodes.element(i));
        if (plan.find_node(node.name) != nullptr) {
            nodes.element(i).member("name").complain(
                fmt::format("node \"{}\" is declared twice", node.name));
        }
        plan.nodes.push_back(std::move(node));
    }
    if (plan.nodes.empty()) {
        nodes.complain("the plan declares no nodes");
    }
    plan.udpport = read_port(root.member("udpport"));
    plan.timing_ms = read_timing(root.member("timing_ms"));
    plan.auto_failback = read_failback(root.member("auto_failback"));

    const plan_field pings = root.member("ping_nodes");
    for (std::size_t i = 0; i < pings.size(); ++i) {
        const plan_field item = pings.element(i);
        plan.ping_nodes.push_back({item.member("kind").text(), item.member("name").text(),
                                   read_strings(item.member("hosts"))});
    }
    plan.ipfail_respawned = root.member("ipfail_respawned").flag();
    const plan_field respawn = root.member("respawn");
    for (std::size_t i = 0; i < respawn.size(); ++i) {
        const plan_field item = respawn.element(i);
        plan.respawn.push_back({item.member("user").text(), item.member("command").text(),
                                read_strings(item.member("args")), item.member("failfast").flag()});
    }
    const plan_field env = root.member("env");
    for (std::size_t i = 0; i < env.size(); ++i) {
        const plan_field item = env.element(i);
        plan.env.push_back({item.member("name").text(), item.member("value").text()});
    }
    const plan_field groups = root.member("groups");
    for (std::size_t i = 0; i < groups.size(); ++i) {
        plan.groups.push_back(read_group(groups.element(i), plan));
    }
    plan.auth = read_auth(root.member("auth"), options);

    const plan_field logging = root.member("logging");
    plan.logging.logfile = logging.member("logfile").text_or_null();
    plan.logging.debugfile = logging.member("debugfile").text_or_null();
    plan.logging.logfacility = logging.member("logfacility").text_or_null();
    plan.logging.use_logd = logging.member("use_logd").flag_or_null();
    return plan;
}

} // namespace

outcome<runtime_plan> parse_plan(std::string_view json_text, const plan_load_options& options) {
    try {
        const auto json = nlohmann::json::parse(json_text.begin(), json_text.end());
        return read_plan(plan_field(json, ""), options);
    } catch (const nlohmann::json::parse_error& error) {
        return failure{fmt::format("the plan is not valid JSON: {}", error.what())};
    } catch (const plan_field_error& error) {
        return failure{error.what()};
    }
}

outcome<runtime_plan> load_plan(const std::filesystem::path& file,
                                const plan_load_options& options) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return failure{fmt::format("cannot read plan {}", file.string())};
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto plan = parse_plan(bytes.str(), options);
    if (!plan) {
        return failure{fmt::format("{}: {}", file.string(), plan.error())};
    }
    return plan;
}

} // namespace hakit::runtime::node
