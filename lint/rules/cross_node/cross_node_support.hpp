// Pieces the cross-node rules (HA4xx) share: which folders take part and how messages name them.
#pragma once

#include "rule_support.hpp"

#include <hakit/lint/rule.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// One node folder of the cluster and the name messages use for it.
struct cluster_folder {
    const node_folder* folder = nullptr;
    std::string name; // the local node name when known and unique, else the folder path
};

// The folders that have an ha.cf, in the order given; the first is the one the others are
// compared with.
inline std::vector<cluster_folder> cluster_folders(const std::vector<const node_folder*>& nodes) {
    std::vector<cluster_folder> folders;
    std::map<std::string, int> name_uses;
    for (const node_folder* folder : nodes) {
        if (folder->ha_cf) {
            folders.push_back({folder, folder->path});
            if (folder->ir.local_name) {
                ++name_uses[folder->ir.local_name->v];
            }
        }
    }
    for (cluster_folder& f : folders) {
        const auto& local = f.folder->ir.local_name;
        if (local && name_uses[local->v] == 1) {
            f.name = local->v;
        }
    }
    return folders;
}

// Where a value of a folder's ha.cf is set; a default points at the top of the file.
template <class T> location ha_cf_where(const cluster_folder& f, const ir::value<T>& value) {
    return or_file_start(value.where, f.folder->ha_cf->source->path());
}

// True when Heartbeat rejects a value of one of the named ha.cf directives (HA102 reports it):
// that node does not start, and the value the IR kept is not what the author meant, so the
// cross-node rules do not compare it.
inline bool rejects_directive(const cluster_folder& f,
                              std::initializer_list<std::string_view> names) {
    for (const auto& directive : f.folder->ha_cf->directives) {
        if (std::find(names.begin(), names.end(), directive.name.text) == names.end()) {
            continue;
        }
        for (const auto& value : directive.args) {
            if (rejected_at(*f.folder, value.where)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace hakit::lint
