// The three lowering steps from syntax trees to the IR of one node folder.
#pragma once

#include <hakit/compiler/ir.hpp>
#include <hakit/grammar/authkeys.hpp>
#include <hakit/grammar/ha_cf.hpp>
#include <hakit/grammar/haresources.hpp>

#include <string>

namespace hakit::resolve {

// Applies ha.cf directives in order, like Heartbeat's setters, then the defaults of
// init_config. `ha_cf_path` names the file for default values when `file` is null.
void apply_ha_cf(const grammar::ha_cf_file* file, const std::string& ha_cf_path,
                 ir::node_config& config);
void apply_haresources(const grammar::haresources_file& file, ir::node_config& config);
void apply_authkeys(const grammar::authkeys_file& file, ir::node_config& config);

} // namespace hakit::resolve
