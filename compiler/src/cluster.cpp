#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace hakit::ir {
namespace {

cluster_member* find_member(cluster_model& model, std::string_view name) {
    for (auto& member : model.members) {
        if (values::iequals(member.name, name)) {
            return &member;
        }
    }
    return nullptr;
}

std::string folder_label(const node_folder& folder) {
    return folder.ir.local_name ? folder.ir.local_name->v : folder.path;
}

std::set<std::string> ucast_peers(const node_folder& folder) {
    std::set<std::string> peers;
    for (const auto& medium : folder.ir.media) {
        if (medium.kind == medium_kind::ucast || medium.kind == medium_kind::ucast6) {
            peers.insert(values::to_lower_ascii(medium.peer));
        }
    }
    return peers;
}

void add_address(cluster_member& member, const medium& peer, const node_folder& from) {
    const bool known = std::any_of(member.addresses.begin(), member.addresses.end(),
                                   [&](const known_address& a) { return a.address == peer.peer; });
    if (!known) {
        member.addresses.push_back({peer.peer, peer.device, peer.peer_where,
                                    fmt::format("ucast peer in {}'s ha.cf", folder_label(from))});
    }
}

void declare_members(cluster_model& model, const std::vector<const node_folder*>& folders) {
    for (const auto* folder : folders) {
        for (const auto& node : folder->ir.nodes) {
            auto* member = find_member(model, node.name);
            if (member == nullptr) {
                model.members.push_back({node.name, {}, nullptr, {}});
                member = &model.members.back();
            }
            member->declared_at.push_back(node.where);
        }
    }
}

void attach_folders(cluster_model& model, const std::vector<const node_folder*>& folders) {
    for (const auto* folder : folders) {
        auto* member =
            folder->ir.local_name ? find_member(model, folder->ir.local_name->v) : nullptr;
        if (member == nullptr || member->folder != nullptr) {
            model.folders_without_member.push_back(folder);
            continue;
        }
        member->folder = folder;
    }
}

// Unnamed ucast peers per device. Two or more on one device in a two-node cluster mean the
// folder lists every node's address there (Heartbeat ignores the one that is its own), so
// which one is the other node's cannot be told.
std::map<std::string, int> unnamed_peers_per_device(const cluster_model& model,
                                                    const node_folder& folder) {
    std::map<std::string, int> counts;
    for (const auto& medium : folder.ir.media) {
        if ((medium.kind == medium_kind::ucast || medium.kind == medium_kind::ucast6) &&
            std::none_of(model.members.begin(), model.members.end(), [&](const auto& member) {
                return values::iequals(member.name, medium.peer);
            })) {
            ++counts[medium.device];
        }
    }
    return counts;
}

void infer_addresses(cluster_model& model) {
    for (auto& sender : model.members) {
        if (sender.folder == nullptr) {
            continue;
        }
        const auto peers_per_device = unnamed_peers_per_device(model, *sender.folder);
        for (const auto& medium : sender.folder->ir.media) {
            if (medium.kind != medium_kind::ucast && medium.kind != medium_kind::ucast6) {
                continue;
            }
            if (auto* named = find_member(model, medium.peer); named != nullptr) {
                add_address(*named, medium, *sender.folder);
                continue;
            }
            if (model.members.size() != 2) {
                continue;
            }
            if (peers_per_device.at(medium.device) > 1) {
                continue; // every node's address listed: whose is whose is unknown
            }
            auto& other = &model.members[0] == &sender ? model.members[1] : model.members[0];
            if (other.folder != nullptr &&
                ucast_peers(*other.folder).count(values::to_lower_ascii(medium.peer)) != 0) {
                continue; // both nodes send to it: it is one of theirs, but whose is unknown
            }
            add_address(other, medium, *sender.folder);
        }
    }
}

} // namespace

cluster_model join_cluster(const std::vector<const node_folder*>& folders) {
    cluster_model model;
    declare_members(model, folders);
    attach_folders(model, folders);
    infer_addresses(model);
    return model;
}

} // namespace hakit::ir
