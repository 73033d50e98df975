// Calling emitters the way hacompile does, on folders loaded in memory.
#pragma once

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hakit::test {

// A node folder from file name -> contents (authkeys at 0600).
inline node_folder memory_folder(const std::string& path,
                                 const std::map<std::string, std::string>& files) {
    return load_node_folder_from_memory(path, files, 0600U, std::nullopt);
}

// Runs the registered target `name` over `folders` joined into one cluster.
inline emit::emit_result emit_target(const std::string& name,
                                     const std::vector<node_folder>& folders,
                                     const emit::emit_options& options = {}) {
    const emit::target_info* target = emit::find_target(name);
    if (target == nullptr) {
        throw std::runtime_error("target not registered: " + name);
    }
    std::vector<const node_folder*> pointers;
    for (const auto& folder : folders) {
        pointers.push_back(&folder);
    }
    const ir::cluster_model cluster = ir::join_cluster(pointers);
    return target->emit({folders, cluster, options});
}

// The only file of a JSON target, parsed.
inline nlohmann::json only_json_file(const emit::emit_result& result) {
    if (result.files.size() != 1) {
        throw std::runtime_error("expected exactly one file");
    }
    return nlohmann::json::parse(result.files.front().content);
}

// Codes of the diagnostics, in order.
inline std::vector<std::string> codes(const emit::emit_result& result) {
    std::vector<std::string> list;
    for (const auto& finding : result.diagnostics) {
        list.push_back(finding.code);
    }
    return list;
}

} // namespace hakit::test
