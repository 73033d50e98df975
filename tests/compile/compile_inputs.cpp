#include "compile_inputs.hpp"
#include "support/corpus_manifest.hpp"

#include <hakit/lint/engine.hpp>

#include <algorithm>
#include <set>

namespace fs = std::filesystem;

namespace hakit::test {
namespace {

constexpr auto mode_0600 = fs::perms::owner_read | fs::perms::owner_write;

} // namespace

std::vector<std::string> sorted_subfolders(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_directory()) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> example_names() {
    return sorted_subfolders(fs::path(HAKIT_SOURCE_DIR) / "examples");
}

cluster_input compile_inputs::add_example(const std::string& name) {
    const fs::path relative = fs::path("examples") / name;
    const fs::path copy =
        scratch_.copy_folder(fs::path(HAKIT_SOURCE_DIR) / "examples" / name, relative);
    set_modes_by_name(copy, "authkeys", mode_0600);
    cluster_input cluster{name, {}};
    for (const auto& node : sorted_subfolders(copy)) {
        cluster.paths.push_back((relative / node).string());
    }
    return cluster;
}

std::vector<cluster_input> compile_inputs::add_corpus_node_folders() {
    std::vector<cluster_input> clusters;
    if (!corpus_available()) {
        return clusters;
    }
    std::set<std::string> folders;
    for (const auto& row : read_corpus_manifest()) {
        if (row.file == "ha.cf") {
            folders.insert(row.folder);
        }
    }
    for (const auto& folder : folders) {
        const fs::path relative = fs::path("corpus") / folder;
        set_modes_by_name(scratch_.copy_folder(corpus_root() / folder, relative), "authkeys",
                          mode_0600);
        clusters.push_back({folder, {relative.string()}});
    }
    return clusters;
}

std::vector<node_folder> load_cluster(const fs::path& root, const cluster_input& cluster) {
    std::vector<node_folder> folders;
    for (const auto& path : cluster.paths) {
        folders.push_back(load_node_folder((root / path).string(), {}));
    }
    return folders;
}

bool validates_without_errors(const std::vector<node_folder>& folders) {
    const auto findings = lint::check(folders);
    return std::none_of(findings.begin(), findings.end(),
                        [](const diagnostic& d) { return d.level == severity::error; });
}

ir::cluster_model join(const std::vector<node_folder>& folders) {
    std::vector<const node_folder*> pointers;
    for (const auto& folder : folders) {
        pointers.push_back(&folder);
    }
    return ir::join_cluster(pointers);
}

} // namespace hakit::test
