#include "link_addresses.hpp"

#include <hakit/compiler/values.hpp>

#include <algorithm>

namespace hakit::emit::links {
namespace {

struct link_key {
    std::string device;
    address_family family = address_family::ipv4;

    friend bool operator==(const link_key&, const link_key&) = default;
};

bool is_ucast(const ir::medium& medium) {
    return medium.kind == ir::medium_kind::ucast || medium.kind == ir::medium_kind::ucast6;
}

address_family family_of(const ir::medium& medium) {
    const bool v6 =
        medium.kind == ir::medium_kind::ucast6 || medium.kind == ir::medium_kind::mcast6;
    return v6 ? address_family::ipv6 : address_family::ipv4;
}

// The distinct (interface, family) pairs of a folder's IP media, in order of first use.
std::vector<link_key> link_keys(const node_folder& folder) {
    std::vector<link_key> keys;
    for (const auto& medium : folder.ir.media) {
        if (medium.kind == ir::medium_kind::serial) {
            continue;
        }
        const link_key key{medium.device, family_of(medium)};
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            keys.push_back(key);
        }
    }
    return keys;
}

// Which link of the plan a known address belongs to: the position, in the sending folder's
// own links, of the ucast line that names it.
std::optional<std::size_t> link_of(const ir::known_address& known,
                                   const std::vector<node_folder>& folders) {
    for (const auto& folder : folders) {
        for (const auto& medium : folder.ir.media) {
            if (!is_ucast(medium) || !(medium.peer_where == known.where)) {
                continue;
            }
            const auto keys = link_keys(folder);
            const auto found =
                std::find(keys.begin(), keys.end(), link_key{medium.device, family_of(medium)});
            return static_cast<std::size_t>(found - keys.begin());
        }
    }
    return std::nullopt;
}

bool is_ip_literal(const std::string& address) {
    return values::parse_ipv4(address).has_value() || values::is_ipv6(address);
}

} // namespace

bool link::has_ucast() const {
    return std::any_of(media.begin(), media.end(), [](const auto* m) { return is_ucast(*m); });
}

bool link::complete() const {
    return std::all_of(addresses.begin(), addresses.end(),
                       [](const auto& a) { return a.has_value(); });
}

bool link::all_ip() const {
    return std::all_of(addresses.begin(), addresses.end(),
                       [](const auto& a) { return !a || a->is_ip; });
}

const node_folder* reference_folder(const std::vector<node_folder>& folders) {
    const auto found = std::find_if(folders.begin(), folders.end(),
                                    [](const node_folder& f) { return f.ha_cf.has_value(); });
    return found == folders.end() ? nullptr : &*found;
}

link_plan plan_links(const emit_input& input) {
    link_plan plan;
    plan.reference = reference_folder(input.folders);
    if (plan.reference == nullptr) {
        return plan;
    }
    const auto& members = input.cluster.members;
    const auto keys = link_keys(*plan.reference);
    for (const auto& key : keys) {
        link l;
        l.device = key.device;
        l.family = key.family;
        l.addresses.resize(members.size());
        l.devices.assign(members.size(), key.device);
        plan.links.push_back(std::move(l));
    }
    for (const auto& medium : plan.reference->ir.media) {
        if (medium.kind == ir::medium_kind::serial) {
            plan.serial.push_back(&medium);
            continue;
        }
        const auto at =
            std::find(keys.begin(), keys.end(), link_key{medium.device, family_of(medium)});
        plan.links[static_cast<std::size_t>(at - keys.begin())].media.push_back(&medium);
    }
    for (std::size_t m = 0; m < members.size(); ++m) {
        if (members[m].folder != nullptr) {
            const auto own = link_keys(*members[m].folder);
            for (std::size_t i = 0; i < own.size() && i < plan.links.size(); ++i) {
                plan.links[i].devices[m] = own[i].device;
            }
        }
        for (const auto& known : members[m].addresses) {
            const auto index = link_of(known, input.folders);
            if (!index || *index >= plan.links.size() || plan.links[*index].addresses[m]) {
                continue; // first address seen on a link wins
            }
            plan.links[*index].addresses[m] =
                member_address{known.address, is_ip_literal(known.address), known.where};
        }
    }
    return plan;
}

} // namespace hakit::emit::links
