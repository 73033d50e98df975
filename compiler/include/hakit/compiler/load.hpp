// Loading a node folder (a directory laid out like /etc/ha.d) or a single file into syntax
// trees and the IR, and grouping node folders into a cluster.
#pragma once

#include <hakit/compiler/ir.hpp>
#include <hakit/grammar/authkeys.hpp>
#include <hakit/grammar/ha_cf.hpp>
#include <hakit/grammar/haresources.hpp>
#include <hakit/grammar/token.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hakit {

enum class file_kind { ha_cf, haresources, authkeys };
std::string_view to_string(file_kind kind);
// From a file name: contains "haresources", "authkeys" or "ha.cf" (also "1ha.cf", "ha.cf.j2").
std::optional<file_kind> file_kind_from_name(std::string_view file_name);

// Usage or I/O problems: the tool exits with 2.
class load_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct node_folder {
    std::string path;         // as given on the command line
    bool single_file = false; // PATH named one file: only that file is checked
    std::optional<file_kind> single_kind;

    std::optional<grammar::ha_cf_file> ha_cf;
    std::optional<grammar::haresources_file> haresources;
    std::optional<grammar::authkeys_file> authkeys;
    std::optional<grammar::token> nodeinfo; // first line of `nodeinfo`, as written
    std::optional<unsigned> authkeys_mode;  // permission bits (st_mode & 07777)
    std::string expected_path_ha_cf;        // where each file was looked for, for messages
    std::string expected_path_haresources;
    std::string expected_path_authkeys;

    ir::node_config ir;

    // Folder mode expects all three files; single-file mode only its own.
    bool expects(file_kind kind) const;
    // The configuration files that were read: ha.cf, haresources, authkeys, in that order.
    std::vector<shared_source> config_sources() const;
};

struct load_options {
    std::map<std::string, std::string> node_names; // folder path (as given) -> node name
};

// Throws load_error when PATH does not exist, is not readable, is neither a node folder nor a
// file whose kind its name tells, or when options name a node that PATH/nodeinfo contradicts.
// The local node name comes from PATH/nodeinfo (as Heartbeat does), else from options.
node_folder load_node_folder(const std::string& path, const load_options& options);

// In-memory variant for tests and rule examples: file name ("ha.cf", "haresources",
// "authkeys", "nodeinfo") -> contents. Missing files are simply absent.
node_folder load_node_folder_from_memory(const std::string& path,
                                         const std::map<std::string, std::string>& files,
                                         std::optional<unsigned> authkeys_mode,
                                         const std::optional<std::string>& node_name);

// Builds the IR of a folder whose trees are filled in (used by both loaders).
void resolve_node_folder(node_folder& folder, const std::optional<std::string>& node_name);

} // namespace hakit
