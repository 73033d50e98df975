// Names of IR and loader enums, and the small lookups that go with them.
#include <hakit/compiler/ir.hpp>
#include <hakit/compiler/load.hpp>
#include <hakit/compiler/values.hpp>

#include <algorithm>

namespace hakit {
namespace ir {

std::string_view to_string(medium_kind kind) {
    switch (kind) {
    case medium_kind::bcast:
        return "bcast";
    case medium_kind::mcast:
        return "mcast";
    case medium_kind::mcast6:
        return "mcast6";
    case medium_kind::ucast:
        return "ucast";
    case medium_kind::ucast6:
        return "ucast6";
    case medium_kind::serial:
        return "serial";
    }
    return "unknown";
}

std::string_view to_string(failback_policy policy) {
    switch (policy) {
    case failback_policy::on:
        return "on";
    case failback_policy::off:
        return "off";
    case failback_policy::legacy:
        return "legacy";
    }
    return "unknown";
}

const node_entry* node_config::find_node(std::string_view name) const {
    const auto found = std::find_if(nodes.begin(), nodes.end(), [name](const node_entry& node) {
        return values::iequals(node.name, name);
    });
    return found == nodes.end() ? nullptr : &*found;
}

} // namespace ir

std::string_view to_string(file_kind kind) {
    switch (kind) {
    case file_kind::ha_cf:
        return "ha.cf";
    case file_kind::haresources:
        return "haresources";
    case file_kind::authkeys:
        return "authkeys";
    }
    return "unknown";
}

std::optional<file_kind> file_kind_from_name(std::string_view file_name) {
    const auto slash = file_name.rfind('/');
    const auto base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
    // "haresources" first: a name such as "ha.cf-haresources" is about resources.
    if (base.find("haresources") != std::string_view::npos) {
        return file_kind::haresources;
    }
    if (base.find("authkeys") != std::string_view::npos) {
        return file_kind::authkeys;
    }
    if (base.find("ha.cf") != std::string_view::npos) {
        return file_kind::ha_cf;
    }
    return std::nullopt;
}

bool node_folder::expects(file_kind kind) const {
    return !single_file || single_kind == kind;
}

std::vector<shared_source> node_folder::config_sources() const {
    std::vector<shared_source> sources;
    if (ha_cf) {
        sources.push_back(ha_cf->source);
    }
    if (haresources) {
        sources.push_back(haresources->source);
    }
    if (authkeys) {
        sources.push_back(authkeys->source);
    }
    return sources;
}

} // namespace hakit
