// haresources → resource groups (reference §2): the owner is lowercased like ResourceManager
// does, resources keep their case, IPaddr arguments are split as the wrappers split them.
#include "ipaddr.hpp"
#include "resolve.hpp"

#include <hakit/compiler/values.hpp>

namespace hakit::resolve {

void apply_haresources(const grammar::haresources_file& file, ir::node_config& config) {
    for (const auto& line : file.groups) {
        ir::resource_group group;
        group.owner = {values::to_lower_ascii(line.owner.text), line.owner.where,
                       ir::origin::explicit_value};
        group.where = line.owner.where;
        if (!line.resources.empty()) {
            group.key = line.resources.front().text.text;
        }
        for (const auto& spec : line.resources) {
            ir::resource resource;
            resource.script = spec.script.text;
            for (const auto& arg : spec.args) {
                resource.args.push_back(arg.text);
            }
            resource.bare_ip = spec.bare_ip;
            resource.where = spec.text.where;
            if (ipaddr::takes_ip_argument(resource.script) && !resource.args.empty()) {
                auto split = ipaddr::split_argument(resource.args.front());
                if (split.problem.empty()) {
                    resource.ip = std::move(split.args);
                }
            }
            group.resources.push_back(std::move(resource));
        }
        config.groups.push_back(std::move(group));
    }
}

} // namespace hakit::resolve
