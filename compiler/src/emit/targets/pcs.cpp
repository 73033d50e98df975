// Target `pcs`: a POSIX sh script of pcs commands that builds the Pacemaker model (the same
// configuration as the `cib` target) on a live cluster, in one transaction: dump the CIB to a
// work file, edit it with `pcs -f`, push it back with `pcs cluster cib-push --config`.
#include "pacemaker_model.hpp"
#include "pacemaker_script.hpp"
#include "shell_quote.hpp"
#include "xml_writer.hpp"

#include <hakit/compiler/emit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {
namespace {

// Every command edits the work file; the shell expands the variable.
constexpr std::string_view pcs_on_work_file = "pcs -f \"$cib\"";

// Properties the cluster owns: `pcs property set` refuses them even with --force.
const std::set<std::string, std::less<>> cluster_owned_properties = {
    "cluster-infrastructure", "cluster-name", "dc-version", "have-watchdog"};

std::string word(std::string_view text) {
    return shell_word(printable_text(text));
}

std::string pair_word(const nvpair& pair) {
    return word(pair.name + "=" + pair.value);
}

std::string pair_words(const std::vector<nvpair>& pairs) {
    std::string words;
    for (const nvpair& pair : pairs) {
        words += words.empty() ? "" : " ";
        words += pair_word(pair);
    }
    return words;
}

// pcs reads words that start with '-' as options (getopt); a negative score or value after
// "--" stays a positional word.
std::string positional_words(const std::vector<std::string>& words) {
    const bool needs_end_of_options = std::any_of(
        words.begin(), words.end(), [](const std::string& w) { return w.starts_with('-'); });
    std::string text = needs_end_of_options ? "--" : "";
    for (const std::string& w : words) {
        text += text.empty() ? "" : " ";
        text += word(w);
    }
    return text;
}

std::string operation_words(const operation& op) {
    std::string text = fmt::format("op {} interval={} timeout={}", word(op.name), word(op.interval),
                                   word(op.timeout));
    if (!op.role.empty()) {
        text += " role=" + word(op.role);
    }
    return text + " id=" + word(op.id);
}

// pcs has no way to set the description of a resource; cibadmin sets it in the work file.
std::string describe_command(std::string_view element, std::string_view id,
                             std::string_view description) {
    if (description.empty()) {
        return {};
    }
    const std::string xml = fmt::format("<{} id=\"{}\" description=\"{}\"/>", element,
                                        xml_escape(id), xml_escape(description));
    return fmt::format("CIB_file=\"$cib\" cibadmin --modify --scope resources --xml-text {}\n",
                       word(xml));
}

// `pcs resource create` (or `stonith create`) of one primitive; `placement` is the trailing
// clause that puts it in a group or a clone. --no-default-ops keeps pcs from adding start/stop
// operations the model does not have.
std::string create_primitive(const primitive& p, const std::string& placement) {
    const bool is_fence_device = p.cls == resource_class::stonith;
    script_command c(fmt::format("{} {} create {} {}", pcs_on_work_file,
                                 is_fence_device ? "stonith" : "resource", word(p.id),
                                 word(is_fence_device ? p.type : p.agent())));
    c.then(pair_words(p.params));
    for (const operation& op : p.operations) {
        c.then(operation_words(op));
    }
    if (!p.meta.empty()) {
        c.then("meta " + pair_words(p.meta));
    }
    c.then(placement);
    c.then("--no-default-ops $force");
    return c.text() + describe_command("primitive", p.id, p.legacy);
}

std::string location_command(const location_constraint& l) {
    if (!l.rule) {
        // pcs accepts a role on a node preference only when forced; the CIB schema allows it.
        const std::string_view forced = l.role.empty() ? "" : " --force";
        std::string text = fmt::format("{} constraint location add{} {}", pcs_on_work_file, forced,
                                       positional_words({l.id, l.resource, l.node, l.score}));
        if (!l.role.empty()) {
            text += " role=" + word(l.role);
        }
        return text + "\n";
    }
    const location_rule& r = *l.rule;
    std::vector<std::string> expression;
    for (const rule_expression& e : r.expressions) {
        if (!expression.empty()) {
            expression.push_back(r.boolean_op);
        }
        if (e.operation == "defined" || e.operation == "not_defined") {
            expression.insert(expression.end(), {e.operation, e.attribute});
        } else {
            expression.insert(expression.end(), {e.attribute, e.operation});
            if (!e.type.empty()) {
                expression.push_back(e.type);
            }
            expression.push_back(e.value);
        }
    }
    script_command c(
        fmt::format("{} constraint location {} rule", pcs_on_work_file, word(l.resource)));
    std::string options =
        fmt::format("id={} constraint-id={} score={}", word(r.id), word(l.id), word(r.score));
    if (!l.role.empty()) {
        options += " role=" + word(l.role);
    }
    c.then(options);
    c.then(positional_words(expression));
    return c.text();
}

std::string colocation_command(const colocation_constraint& c) {
    std::vector<std::string> words = {c.resource, "with"};
    if (!c.with_role.empty()) {
        words.push_back(c.with_role);
    }
    words.insert(words.end(), {c.with_resource, c.score});
    return fmt::format("{} constraint colocation add {} id={}\n", pcs_on_work_file,
                       positional_words(words), word(c.id));
}

std::string order_command(const order_constraint& o) {
    return fmt::format("{} constraint order {} {} then {} {} kind={} id={}\n", pcs_on_work_file,
                       word(o.first_action), word(o.first_resource), word(o.then_action),
                       word(o.then_resource), word(o.kind), word(o.id));
}

std::string header(const pacemaker_model& model) {
    const std::string nodes = node_name_words(model);
    const std::string name = word(model.cluster_name);
    return fmt::format(
        R"(# pcs commands that build the Pacemaker configuration of the Heartbeat cluster {name}
# (written by hacompile --target pcs: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node: install pacemaker, corosync, pcs and resource-agents (and the init
#      scripts and agents the resources below use), start pcsd, give the user hacluster a
#      password, and stop Heartbeat (systemctl disable --now heartbeat).
#   2. On one node: authenticate the nodes, then create and start the cluster:
#        pcs host auth {nodes} -u hacluster
#        pcs cluster setup {name} {nodes}
#        pcs cluster start --all
#      (or install the corosync.conf of hacompile --target corosync and start the cluster).
# Then, as root on one node:  sh pcs.sh [--force]
#   --force  also create resources whose agent is not installed on this machine.
#
# How it works: `pcs cluster cib` copies the live CIB to a work file, every `pcs -f` command
# edits that file, and `pcs cluster cib-push --config` replaces the cluster's configuration
# with it in one step. When a command fails, the script stops (set -e) and pushes nothing.
# What pcs cannot set (the cluster-name property, descriptions) crm_attribute and cibadmin
# write into the same work file.
# With CIB_file=FILE in the environment, pcs and the Pacemaker tools read and write FILE
# instead of the live cluster, for a review offline:
#   cibadmin --empty > cib.xml && CIB_file=cib.xml sh pcs.sh --force && crm_verify -x cib.xml
# Run it once: on a configuration that already holds these ids the first create fails and
# nothing is pushed (remove them first with pcs resource delete ID, or use the crmsh script,
# whose `load update` replaces them).
)",
        fmt::arg("name", name), fmt::arg("nodes", nodes));
}

constexpr std::string_view prologue = R"(set -e

force=
if [ "${1-}" = --force ]; then
    force=--force
    shift
fi
if [ $# -ne 0 ]; then
    echo "usage: sh $0 [--force]" >&2
    exit 2
fi

cib=$(mktemp)
trap 'rm -f "$cib"' EXIT
trap 'exit 1' HUP INT TERM
pcs cluster cib "$cib"
)";

std::string properties(const pacemaker_model& model) {
    std::vector<nvpair> settable;
    std::string owned;
    for (const nvpair& property : model.cluster_properties) {
        if (cluster_owned_properties.count(property.name) != 0) {
            owned += fmt::format("CIB_file=\"$cib\" crm_attribute --type crm_config --name {} "
                                 "--update {}\n",
                                 word(property.name), word(property.value));
        } else {
            settable.push_back(property);
        }
    }
    std::string text = "\n# Cluster properties and resource defaults.\n";
    if (!settable.empty()) {
        text += fmt::format("{} property set {}\n", pcs_on_work_file, pair_words(settable));
    }
    text += owned; // pcs refuses to set properties the cluster owns
    if (!model.rsc_defaults.empty()) {
        text += fmt::format("{} resource defaults update {}\n", pcs_on_work_file,
                            pair_words(model.rsc_defaults));
    }
    return text;
}

std::string resources(const pacemaker_model& model) {
    std::string text;
    if (!model.fencing.empty()) {
        text += "\n# Fencing devices.\n";
        for (const primitive& device : model.fencing) {
            text += create_primitive(device, "");
        }
    }
    for (const clone& c : model.clones) {
        text += fmt::format("\n# {} clone {}.\n",
                            c.kind == clone_kind::promotable ? "Promotable" : "Connectivity",
                            word(c.id));
        std::string placement = "clone " + word(c.id);
        if (!c.meta.empty()) {
            placement += " " + pair_words(c.meta);
        }
        text += create_primitive(c.child, placement);
    }
    for (const group& g : model.groups) {
        text += "\n" + group_origin_comment(g);
        if (g.members.empty()) {
            text += "# (no resource of its own: only the clones above)\n";
        }
        for (const primitive& member : g.members) {
            text += create_primitive(member, g.is_group() ? "--group " + word(g.id) : "");
        }
        if (g.is_group()) {
            text += describe_command("group", g.id, group_description(g));
        }
    }
    return text;
}

std::string constraints(const pacemaker_model& model) {
    if (model.locations.empty() && model.colocations.empty() && model.orders.empty()) {
        return {};
    }
    std::string text = "\n# Constraints.\n";
    for (const location_constraint& l : model.locations) {
        text += location_command(l);
    }
    for (const colocation_constraint& c : model.colocations) {
        text += colocation_command(c);
    }
    for (const order_constraint& o : model.orders) {
        text += order_command(o);
    }
    return text;
}

emit_result emit_pcs(const emit_input& input) {
    emit_result result;
    const pacemaker_model model = build_pacemaker_model(input, result.diagnostics);
    check_script_values(model, input, "pcs", result.diagnostics);
    sort_diagnostics(result.diagnostics);

    std::string script = "#!/bin/sh\n";
    script += forced_error_comments(input.options);
    script += header(model);
    script += prologue;
    script += properties(model);
    script += resources(model);
    script += constraints(model);
    script += "\npcs cluster cib-push \"$cib\" --config\n";
    result.files.push_back({"pcs.sh", std::move(script), 0755});
    return result;
}

const target_registrar registered{
    {"pcs", "shell script of pcs commands building the cib target's configuration live",
     &emit_pcs}};

} // namespace
} // namespace hakit::emit
