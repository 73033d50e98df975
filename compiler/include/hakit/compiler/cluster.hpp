// Several node folders of one cluster joined into one view: who each declared node is, which
// folder (if any) is that node's own /etc/ha.d, and its addresses as far as the files tell.
#pragma once

#include <hakit/compiler/load.hpp>

#include <string>
#include <vector>

namespace hakit::ir {

struct known_address {
    std::string address; // as written in the ucast line (an IP or a host name)
    std::string device;  // the interface the *sender* uses for it
    location where;      // the ucast peer that reveals it
    std::string source;  // how it is known, e.g. "ucast peer in srv5's ha.cf"
};

struct cluster_member {
    std::string name;                     // declared node name, lowercased
    std::vector<location> declared_at;    // its `node` entries, one per folder
    const node_folder* folder = nullptr;  // the folder whose local node it is, if given
    std::vector<known_address> addresses; // deduplicated by address, first seen wins
};

struct cluster_model {
    std::vector<cluster_member> members;                    // in order of first declaration
    std::vector<const node_folder*> folders_without_member; // local name unknown or undeclared
};

// Joins folders (usually one per node). A ucast peer in node A's folder is taken to be an
// address of the other node when the cluster has exactly two declared nodes and the same
// address is not also a ucast peer in the other node's folder (then it is ambiguous: every
// node listing every address); a ucast peer that is a declared node's name belongs to it.
cluster_model join_cluster(const std::vector<const node_folder*>& folders);

} // namespace hakit::ir
