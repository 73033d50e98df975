// Shared by the cib tests: loading a cluster, running the `cib` target through the registry,
// and driving the real Pacemaker tools (crm_verify, crm_simulate, crm_resource) on the result.
#pragma once

#include "tool/process.hpp"

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hakit::test {

// The folders of one cluster, loaded, with their join (the vector never reallocates after
// the join, so the cluster's folder pointers stay valid while the object lives).
struct cib_cluster {
    std::vector<node_folder> folders;
    ir::cluster_model cluster;
    emit::emit_options options;

    emit::emit_result emit_cib() const;
    std::string cib_text() const; // emit_cib(), the one cib.xml file
};

cib_cluster load_cib_cluster(const std::vector<std::filesystem::path>& paths);
// One in-memory folder "node1" (file name -> contents; authkeys mode 0600).
cib_cluster load_cib_cluster_from_memory(const std::map<std::string, std::string>& files,
                                         const std::string& local_node = "node1");
// Re-joins after the caller edited `folders`.
void rejoin(cib_cluster& cluster);

std::filesystem::path example_folder(const std::string& relative); // HAKIT_SOURCE_DIR/examples

// crm_verify --xml-file FILE; ok when it exits 0 and prints no error.
struct verify_result {
    bool ok = false;
    std::string report; // what the tool said, for INFO
};
verify_result crm_verify(const std::filesystem::path& cib_file);
// crm_verify -V: the warnings it prints (one per line), and whether it reported an error.
struct verbose_verify_result {
    std::vector<std::string> warnings;
    bool has_error = false;
    std::string report;
};
verbose_verify_result crm_verify_verbose(const std::filesystem::path& cib_file);

// One crm_simulate step: reads `input`, applies the node events, simulates the transition and
// saves the resulting CIB (with status) to `output`. Throws when the tool fails.
struct node_events {
    std::vector<std::string> up;
    std::vector<std::string> fail;
};
void crm_simulate_step(const std::filesystem::path& input, const node_events& events,
                       const std::filesystem::path& output);

// Sets a transient node attribute in a CIB file (crm_attribute with CIB_file), as the ping
// agent does on a live cluster once its hosts answer.
void set_node_attribute(const std::filesystem::path& cib_file, const std::string& node,
                        const std::string& name, const std::string& value);

// Deletes a node's resource history and transient attributes from a CIB file (cibadmin with
// CIB_file): what a failed node that reboots and rejoins brings back. crm_simulate's
// --node-fail keeps both, so without this the returning node would look like it still ran
// its old resources.
void forget_node_state(const std::filesystem::path& cib_file, const std::string& node);

// Where a resource (primitive, group or clone) runs, from crm_resource --locate on a CIB file:
// the node names, sorted; empty when stopped.
std::vector<std::string> locate(const std::filesystem::path& cib_file, const std::string& resource);

} // namespace hakit::test
