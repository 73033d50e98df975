// Which host gets which media. A folder is one node's /etc/ha.d; a declared node without a
// folder of its own is taken to have the same files as the cluster-wide folder (the usual
// "identical on every node" setup), so its media are drawn from that folder.
#include "dot_cluster.hpp"
#include "format_codes.hpp"

#include <fmt/format.h>

namespace hakit::emit::diagram {
namespace {

std::string base_name(std::string path) {
    while (path.size() > 1 && path.back() == '/') {
        path.pop_back();
    }
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

const node_folder* first_with_ha_cf(const std::vector<node_folder>& folders) {
    for (const auto& folder : folders) {
        if (folder.ha_cf) {
            return &folder;
        }
    }
    return folders.empty() ? nullptr : &folders.front();
}

const node_folder* groups_folder(const std::vector<node_folder>& folders,
                                 const node_folder* settings) {
    if (settings != nullptr && settings->haresources) {
        return settings;
    }
    for (const auto& folder : folders) {
        if (folder.haresources) {
            return &folder;
        }
    }
    return nullptr;
}

bool is_member(const ir::cluster_model& cluster, const std::string& name) {
    for (const auto& member : cluster.members) {
        if (member.name == name) {
            return true;
        }
    }
    return false;
}

} // namespace

cluster_view view_cluster(const emit_input& input) {
    cluster_view view;
    view.settings = first_with_ha_cf(input.folders);
    view.groups = groups_folder(input.folders, view.settings);

    for (const auto& member : input.cluster.members) {
        host h;
        h.name = member.name;
        for (const auto& address : member.addresses) {
            h.addresses.push_back(address.address);
        }
        h.media_from = member.folder != nullptr ? member.folder : view.settings;
        view.hosts.push_back(std::move(h));
    }
    for (const node_folder* folder : input.cluster.folders_without_member) {
        if (folder->ir.local_name && is_member(input.cluster, folder->ir.local_name->v)) {
            view.diagnostics.push_back(format_codes::make(
                format_codes::folder_without_node, location{folder->path, 0, 0},
                fmt::format("another folder already stands for node {}, so the media of this "
                            "one are not drawn",
                            folder->ir.local_name->v)));
        } else if (folder->ir.local_name) {
            view.hosts.push_back({folder->ir.local_name->v, {}, folder, false});
        } else if (input.cluster.members.empty()) {
            view.hosts.push_back({base_name(folder->path), {}, folder, false});
        } else if (folder != view.settings) {
            view.diagnostics.push_back(format_codes::make(
                format_codes::folder_without_node, location{folder->path, 0, 0},
                "this folder names no node (no nodeinfo, no --node), so the diagram cannot tell "
                "which host it is; its media are not drawn"));
        }
    }
    return view;
}

} // namespace hakit::emit::diagram
