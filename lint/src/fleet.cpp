// Fleet mode: discovery, grouping and the parallel check (see fleet.hpp).
#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/fleet.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

namespace hakit::lint {
namespace {

namespace fs = std::filesystem;

// Version-control and tool folders never hold a node's configuration.
bool skipped_folder(const fs::path& folder) {
    const std::string name = folder.filename().string();
    return (!name.empty() && name.front() == '.') || name == "node_modules";
}

bool holds_ha_cf(const fs::path& folder) {
    std::error_code error;
    return fs::is_regular_file(folder / "ha.cf", error);
}

void find_below(const std::string& root, std::vector<std::string>& found) {
    std::error_code error;
    if (!fs::is_directory(root, error)) {
        throw usage_error(fmt::format("--recursive {}: not a folder", root));
    }
    if (holds_ha_cf(root)) {
        found.push_back(root);
    }
    // Without follow_directory_symlink a link is never entered, so there are no loops.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    if (error) {
        throw usage_error(fmt::format("--recursive {}: {}", root, error.message()));
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
        if (error) {
            throw usage_error(fmt::format("--recursive {}: {}", root, error.message()));
        }
        std::error_code type_error;
        if (it->is_symlink(type_error) || !it->is_directory(type_error)) {
            continue;
        }
        if (skipped_folder(it->path())) {
            it.disable_recursion_pending();
            continue;
        }
        if (holds_ha_cf(it->path())) {
            found.push_back(it->path().string());
        }
    }
}

std::set<std::string> declared_nodes(const node_folder& folder) {
    std::set<std::string> names;
    for (const auto& node : folder.ir.nodes) {
        names.insert(node.name); // already lowercased by the IR
    }
    return names;
}

// Runs job(i) for i in [0, count) on `threads` workers; the first failure (lowest i) is
// rethrown here, so errors are as deterministic as the output.
template <class Job> void parallel_for(std::size_t count, unsigned threads, const Job& job) {
    std::vector<std::exception_ptr> failures(count);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                job(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    const std::size_t workers = std::min<std::size_t>(threads, count);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t) {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& thread : pool) {
        thread.join();
    }
    for (const auto& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
}

} // namespace

std::vector<std::string> find_node_folders(const std::vector<std::string>& roots) {
    std::vector<std::string> found;
    for (const auto& root : roots) {
        find_below(std::string(without_trailing_slashes(root)), found);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::vector<std::vector<std::size_t>> group_clusters(const std::vector<node_folder>& folders) {
    std::vector<std::vector<std::size_t>> clusters;
    std::map<std::pair<std::string, std::set<std::string>>, std::size_t> cluster_of_key;
    for (std::size_t i = 0; i < folders.size(); ++i) {
        auto nodes = declared_nodes(folders[i]);
        if (nodes.empty()) {
            clusters.push_back({i});
            continue;
        }
        auto key =
            std::make_pair(fs::path(folders[i].path).parent_path().string(), std::move(nodes));
        const auto [where, added] = cluster_of_key.emplace(std::move(key), clusters.size());
        if (added) {
            clusters.push_back({i});
        } else {
            clusters[where->second].push_back(i);
        }
    }
    return clusters;
}

namespace {

// The indexes of `paths` grouped by parent folder, in order of first appearance. Only
// siblings can be one cluster, so each family is loaded, grouped and checked on its own and
// memory holds just the families in flight.
std::vector<std::vector<std::size_t>> sibling_families(const std::vector<std::string>& paths) {
    std::vector<std::vector<std::size_t>> families;
    std::map<std::string, std::size_t> family_of_parent;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto parent = fs::path(paths[i]).parent_path().string();
        const auto [where, added] = family_of_parent.emplace(parent, families.size());
        if (added) {
            families.emplace_back();
        }
        families[where->second].push_back(i);
    }
    return families;
}

// What one family contributes to the fleet result.
struct family_result {
    std::vector<diagnostic> diagnostics;
    source_index quoted; // only the sources a finding or note points at
    std::size_t config_files = 0;
    std::size_t clusters = 0;
};

family_result check_family(const std::vector<std::string>& folder_paths,
                           const std::vector<std::size_t>& family,
                           const cluster_checker& check_cluster) {
    family_result result;
    std::vector<node_folder> folders;
    folders.reserve(family.size());
    for (const std::size_t i : family) {
        folders.push_back(load_node_folder(folder_paths[i], {}));
        result.config_files += folders.back().config_sources().size();
    }
    const auto clusters = group_clusters(folders);
    result.clusters = clusters.size();
    for (const auto& cluster : clusters) {
        std::vector<node_folder> members;
        members.reserve(cluster.size());
        for (const std::size_t i : cluster) {
            members.push_back(std::move(folders[i]));
        }
        auto findings = check_cluster(members);
        const auto sources = index_sources(members);
        auto keep = [&](const std::string& file) {
            if (const auto it = sources.find(file); it != sources.end()) {
                result.quoted.emplace(file, it->second);
            }
        };
        for (const auto& finding : findings) {
            keep(finding.where.file);
            for (const auto& note : finding.notes) {
                keep(note.where.file);
            }
        }
        result.diagnostics.insert(result.diagnostics.end(),
                                  std::make_move_iterator(findings.begin()),
                                  std::make_move_iterator(findings.end()));
    }
    return result;
}

} // namespace

fleet_result check_fleet(const std::vector<std::string>& folder_paths,
                         const cluster_checker& check_cluster, const fleet_progress& progress,
                         unsigned threads) {
    if (threads == 0) {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    fleet_result result;
    result.folders = folder_paths.size();
    const auto families = sibling_families(folder_paths);
    std::vector<family_result> checked(families.size());
    std::mutex progress_mutex;
    std::size_t folders_done = 0;
    parallel_for(families.size(), threads, [&](std::size_t f) {
        checked[f] = check_family(folder_paths, families[f], check_cluster);
        if (progress) {
            const std::lock_guard lock(progress_mutex);
            folders_done += families[f].size();
            progress(folders_done, folder_paths.size());
        }
    });
    for (auto& family : checked) {
        result.config_files += family.config_files;
        result.clusters += family.clusters;
        result.diagnostics.insert(result.diagnostics.end(),
                                  std::make_move_iterator(family.diagnostics.begin()),
                                  std::make_move_iterator(family.diagnostics.end()));
        result.sources.merge(family.quoted);
    }
    sort_diagnostics(result.diagnostics);
    return result;
}

} // namespace hakit::lint
