// Emitters: one per target (plan, ir, cib, pcs, crmsh, corosync, keepalived, dot, ha.cf, ...).
// Each reads the validated IR of a cluster and returns files plus located diagnostics for
// what the target cannot express. Output is byte-for-byte deterministic.
#pragma once

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {

struct emit_options {
    bool include_secrets = false; // authkeys keys may appear in the output
    // Set with --force when validation found errors: emitters that can write comments put
    // these in a comment block at the top of their output.
    std::vector<diagnostic> forced_errors;
};

struct emit_input {
    // The node folders of one cluster (one per node, or one for identical nodes), in the
    // order given. Validation has run: they are usable unless options.forced_errors is set.
    const std::vector<node_folder>& folders;
    const ir::cluster_model& cluster; // join_cluster over `folders`
    const emit_options& options;
};

struct emitted_file {
    // Relative path in the output directory: "cib.xml", or "<node>/keepalived.conf" for a
    // file that differs per node (one directory level at most, no "..").
    std::string name;
    std::string content;
    unsigned mode = 0644; // 0600 for files holding secrets
};

struct emit_result {
    std::vector<emitted_file> files;
    // What the target cannot express, or carries over with a different meaning: located at
    // the construct in the legacy files. An error here means the output would be wrong.
    std::vector<diagnostic> diagnostics;
};

using emit_function = emit_result (*)(const emit_input& input);

struct target_info {
    std::string_view name;    // as given to --target, e.g. "cib"
    std::string_view summary; // one line for --help and --list-targets
    emit_function emit = nullptr;
};

// A static `target_registrar` in an emitter's file adds the target to the registry. Target
// files are built into an OBJECT library so the linker never drops them.
struct target_registrar {
    explicit target_registrar(const target_info& target);
};

// Every registered target, sorted by name.
const std::vector<target_info>& all_targets();
const target_info* find_target(std::string_view name);

} // namespace hakit::emit
