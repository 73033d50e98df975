// Fleet mode (hacheck --recursive DIR...): find every node folder below some roots, group the
// sibling folders of one cluster, and check each cluster on a small thread pool.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/render.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hakit::lint {

// Every folder holding a file named ha.cf at or below each root, sorted by path, each once.
// Symbolic links to folders are not followed (no loops); hidden folders (.git, .svn, ...) and
// node_modules are skipped. Throws usage_error when a root is not a readable folder.
std::vector<std::string> find_node_folders(const std::vector<std::string>& roots);

// The clusters among loaded folders, as lists of indexes into `folders` in path order.
// Two folders are one cluster when they have the same parent folder and declare the same,
// non-empty set of nodes (names compared case-insensitively, as Heartbeat does). A folder
// declaring no node is a cluster of its own. Clusters are ordered by their first folder.
std::vector<std::vector<std::size_t>> group_clusters(const std::vector<node_folder>& folders);

struct fleet_result {
    std::vector<diagnostic> diagnostics; // sorted
    source_index sources;                // only the files findings or their notes point at
    std::size_t folders = 0;
    std::size_t config_files = 0;
    std::size_t clusters = 0;
};

// Checks one cluster's folders and returns its (filtered) findings; called from several
// threads at once, so it must not touch shared mutable state.
using cluster_checker = std::function<std::vector<diagnostic>(const std::vector<node_folder>&)>;
// Told "done of total" node folders; called from one thread at a time.
using fleet_progress = std::function<void(std::size_t done, std::size_t total)>;

// Loads, groups and checks the folders one parent folder at a time (only siblings can be one
// cluster) with `threads` workers (0: one per hardware thread). Output is the same for any
// number of threads. Folders are dropped once checked, their sources too unless a finding
// quotes them, so memory stays bounded by the folders in flight and the findings.
fleet_result check_fleet(const std::vector<std::string>& folder_paths,
                         const cluster_checker& check_cluster, const fleet_progress& progress = {},
                         unsigned threads = 0);

} // namespace hakit::lint
