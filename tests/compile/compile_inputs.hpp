// Inputs of the hacompile tests: the examples and the corpus node folders, copied to a scratch
// directory under stable relative paths ("examples/seed/srv5", "corpus/<folder>") with every
// authkeys at 0600 (git and the corpus keep no modes), and which of them validate cleanly.
#pragma once

#include "tool/temp_dir.hpp"

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/load.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace hakit::test {

// Sorted names of the folders directly in `folder`.
std::vector<std::string> sorted_subfolders(const std::filesystem::path& folder);

// The example clusters: every folder in examples/, sorted.
std::vector<std::string> example_names();

// One cluster as the tests give it to hacompile: its node folders relative to the scratch root.
struct cluster_input {
    std::string name;               // "seed", or the corpus folder
    std::vector<std::string> paths; // "examples/seed/srv5", ... or "corpus/<folder>"
};

class compile_inputs {
  public:
    const std::filesystem::path& root() const { return scratch_.path(); }

    // Copies examples/<name>; the cluster's paths are its node folders.
    cluster_input add_example(const std::string& name);

    // Copies every corpus folder with a file named exactly ha.cf (each one cluster of one
    // folder). Empty, with the current test failed, when the corpus is missing.
    std::vector<cluster_input> add_corpus_node_folders();

  private:
    temp_dir scratch_;
};

// The folders of `cluster`, loaded in-process from below `root`.
std::vector<node_folder> load_cluster(const std::filesystem::path& root,
                                      const cluster_input& cluster);

// hacheck's verdict: no finding of severity error.
bool validates_without_errors(const std::vector<node_folder>& folders);

// join_cluster over every folder.
ir::cluster_model join(const std::vector<node_folder>& folders);

} // namespace hakit::test
