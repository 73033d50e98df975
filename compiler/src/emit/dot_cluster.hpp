// The cluster as a Graphviz diagram: who the hosts are (declared nodes, plus folders whose
// node is not declared), whose ha.cf gives each host its media, and the DOT text drawn from
// that: heartbeat links per medium, ping nodes, resource groups with their preferred node and
// their service addresses.
#pragma once

#include <hakit/compiler/emit.hpp>

#include <string>
#include <vector>

namespace hakit::emit::diagram {

struct host {
    std::string name;                        // declared node name, or the folder's node/base name
    std::vector<std::string> addresses;      // as the cluster view knows them
    const node_folder* media_from = nullptr; // its own folder, or the cluster-wide one
    bool declared = true;                    // a `node` in ha.cf
};

struct cluster_view {
    std::vector<host> hosts;
    const node_folder* settings = nullptr; // cluster-wide settings: first folder with an ha.cf
    const node_folder* groups = nullptr;   // resource groups: settings' haresources, else the
                                           // first folder that has one
    std::vector<diagnostic> diagnostics;
};

cluster_view view_cluster(const emit_input& input);

// The DOT file for the view (forced errors as // comments on top).
std::string draw(const cluster_view& view, const std::vector<diagnostic>& forced_errors);

} // namespace hakit::emit::diagram
