// Target `crmsh`: a POSIX sh script that feeds the Pacemaker model (the same configuration as
// the `cib` target), written in crmsh's configure language, to `crm configure load update -`:
// one commit, and elements that already exist are replaced, so it can be run again.
#include "pacemaker_model.hpp"
#include "pacemaker_script.hpp"
#include "shell_quote.hpp"

#include <hakit/compiler/emit.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {
namespace {

std::string word(std::string_view text) {
    return crm_word(printable_text(text));
}

// name=value with only the value quoted: crmsh splits the word at its first '='.
std::string pair_words(const std::vector<nvpair>& pairs) {
    std::string words;
    for (const nvpair& pair : pairs) {
        words += words.empty() ? "" : " ";
        words += word(pair.name) + "=" + word(pair.value);
    }
    return words;
}

std::string primitive_command(const primitive& p) {
    std::string first_line = fmt::format("primitive {} {}", word(p.id), word(p.agent()));
    if (!p.legacy.empty()) {
        first_line += " description=" + word(p.legacy);
    }
    script_command c(std::move(first_line));
    if (!p.params.empty()) {
        c.then("params " + pair_words(p.params));
    }
    if (!p.meta.empty()) {
        c.then("meta " + pair_words(p.meta));
    }
    for (const operation& op : p.operations) {
        std::string text = fmt::format("op {} interval={} timeout={}", word(op.name),
                                       word(op.interval), word(op.timeout));
        if (!op.role.empty()) {
            text += " role=" + word(op.role);
        }
        c.then(text + " id=" + word(op.id));
    }
    return c.text();
}

// "resource" or "resource:role", as colocation and order constraints name them.
std::string with_role(std::string_view resource, std::string_view role) {
    return role.empty() ? word(resource) : word(resource) + ":" + word(role);
}

std::string expression_words(const rule_expression& e) {
    if (e.operation == "defined" || e.operation == "not_defined") {
        return word(e.operation) + " " + word(e.attribute);
    }
    const std::string operation = e.type.empty() ? e.operation : e.type + ":" + e.operation;
    return fmt::format("{} {} {}", word(e.attribute), word(operation), word(e.value));
}

std::string location_command(const location_constraint& l) {
    std::string text = fmt::format("location {} {}", word(l.id), word(l.resource));
    if (!l.rule) {
        if (!l.role.empty()) {
            text += " role=" + word(l.role);
        }
        return fmt::format("{} {}: {}\n", text, word(l.score), word(l.node));
    }
    const location_rule& r = *l.rule;
    text += " rule $id=" + word(r.id);
    if (!l.role.empty()) {
        text += " $role=" + word(l.role);
    }
    text += " " + word(r.score) + ":";
    for (std::size_t i = 0; i < r.expressions.size(); ++i) {
        text += i == 0 ? " " : " " + word(r.boolean_op) + " ";
        text += expression_words(r.expressions[i]);
    }
    return text + "\n";
}

std::string configuration(const pacemaker_model& model) {
    std::string text;
    if (!model.cluster_properties.empty()) {
        text += "property " + pair_words(model.cluster_properties) + "\n";
    }
    if (!model.rsc_defaults.empty()) {
        text += "rsc_defaults " + pair_words(model.rsc_defaults) + "\n";
    }
    for (const primitive& device : model.fencing) {
        text += primitive_command(device);
    }
    for (const clone& c : model.clones) {
        text += primitive_command(c.child);
        script_command clone_command(fmt::format("clone {} {}", word(c.id), word(c.child.id)));
        if (!c.meta.empty()) {
            clone_command.then("meta " + pair_words(c.meta));
        }
        text += clone_command.text();
    }
    for (const group& g : model.groups) {
        text += group_origin_comment(g);
        for (const primitive& member : g.members) {
            text += primitive_command(member);
        }
        if (g.is_group()) {
            std::string members;
            for (const primitive& member : g.members) {
                members += " " + word(member.id);
            }
            text += fmt::format("group {}{} description={}\n", word(g.id), members,
                                word(group_description(g)));
        }
    }
    for (const location_constraint& l : model.locations) {
        text += location_command(l);
    }
    for (const colocation_constraint& c : model.colocations) {
        text += fmt::format("colocation {} {}: {} {}\n", word(c.id), word(c.score),
                            word(c.resource), with_role(c.with_resource, c.with_role));
    }
    for (const order_constraint& o : model.orders) {
        text += fmt::format("order {} {}: {} {}\n", word(o.id), word(o.kind),
                            with_role(o.first_resource, o.first_action),
                            with_role(o.then_resource, o.then_action));
    }
    return text;
}

std::string header(const pacemaker_model& model) {
    const std::string nodes = node_name_words(model);
    const std::string first_node = model.nodes.empty() ? "FIRST-NODE" : model.nodes.front().name;
    return fmt::format(
        R"(# crmsh configuration of the Heartbeat cluster {name}, loaded with crm configure
# (written by hacompile --target crmsh: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node ({nodes}): install pacemaker, corosync, crmsh and
#      resource-agents (and the init scripts and agents the resources below use), and stop
#      Heartbeat (systemctl disable --now heartbeat).
#   2. Create the cluster: on {first}  crm cluster init --name {name}
#      then on each other node  crm cluster join -c {first}
#      (or install the corosync.conf of hacompile --target corosync and start the cluster).
# Then, as root on one node:  sh crmsh.sh [--force]
#   --force  (crm -F) also commit resources whose agent is not installed on this machine.
#
# How it works: `crm configure load update -` reads the configuration below and commits it in
# one step; when it fails nothing changes. Elements whose ids already exist are replaced and
# the rest of the configuration is kept, so running the script again is harmless.
# With CIB_file=FILE in the environment, crm reads and writes FILE instead of the live
# cluster, for a review offline:
#   cibadmin --empty > cib.xml && CIB_file=cib.xml sh crmsh.sh --force && crm_verify -x cib.xml
)",
        fmt::arg("name", word(model.cluster_name)), fmt::arg("nodes", nodes),
        fmt::arg("first", shell_word(printable_text(first_node))));
}

constexpr std::string_view prologue = R"(set -e

force=
if [ "${1-}" = --force ]; then
    force=-F
    shift
fi
if [ $# -ne 0 ]; then
    echo "usage: sh $0 [--force]" >&2
    exit 2
fi

)";

emit_result emit_crmsh(const emit_input& input) {
    emit_result result;
    const pacemaker_model model = build_pacemaker_model(input, result.diagnostics);
    check_script_values(model, input, "crmsh", result.diagnostics);
    sort_diagnostics(result.diagnostics);

    const std::string body = configuration(model);
    const std::string delimiter = heredoc_delimiter(body, "HAKIT_CRM_CONFIGURATION");
    std::string script = "#!/bin/sh\n";
    script += forced_error_comments(input.options);
    script += header(model);
    script += prologue;
    // The quoted delimiter keeps the shell from expanding anything in the configuration.
    script += fmt::format("crm $force configure load update - <<'{}'\n", delimiter);
    script += body;
    script += delimiter + "\n";
    result.files.push_back({"crmsh.sh", std::move(script), 0755});
    return result;
}

const target_registrar registered{
    {"crmsh", "shell script loading the cib target's configuration with crm configure",
     &emit_crmsh}};

} // namespace
} // namespace hakit::emit
