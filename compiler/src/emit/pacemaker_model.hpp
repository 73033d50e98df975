// The Pacemaker configuration a Heartbeat v1 cluster migrates to, derived from the IR once and
// rendered by several targets: `cib` (CIB XML), `pcs` and `crmsh` (shell scripts). Everything
// a renderer needs is decided here (ids, agents, parameter names, scores, operations), so the
// three outputs describe the same cluster; renderers only change the syntax.
//
// Ids are stable: derived from names, sanitised to the XML NCName rules Pacemaker uses
// ([A-Za-z_][A-Za-z0-9_.-]*), deduplicated with a numeric suffix in file order, and unique
// across the whole model (nodes excepted: their ids are numbers). Collections keep the order
// of the legacy files (resources, groups) or are sorted where order has no meaning
// (properties and defaults are sorted by name).
//
// The mapping is documented in docs/migration.md.
#pragma once

#include <hakit/compiler/emit.hpp>
#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/source.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {

// Scores are kept as text: a number ("100", "-50") or "INFINITY" / "-INFINITY".
inline constexpr std::string_view score_infinity = "INFINITY";
inline constexpr std::string_view score_minus_infinity = "-INFINITY";

struct pcmk_node {
    std::string id;   // "1", "2", ... in the order of the cluster members
    std::string name; // uname: the Heartbeat node name (lowercased, as Heartbeat stores it)
    location where;   // first `node` entry that declares it
};

// One name=value setting: a cluster property, a resource default, an instance parameter or a
// meta attribute. Renderers derive XML nvpair ids from their parent's id and `name`.
struct nvpair {
    std::string name;
    std::string value;

    friend bool operator==(const nvpair&, const nvpair&) = default;
};

enum class resource_class { ocf, lsb, stonith, systemd };
std::string_view to_string(resource_class cls); // "ocf", "lsb", "stonith", "systemd"

// An operation of a primitive. Intervals and timeouts are Pacemaker durations ("10s", "0s").
struct operation {
    std::string name;     // "monitor", "start", "stop", "promote", "demote"
    std::string interval; // "0s" for start/stop
    std::string timeout;  // always set
    std::string role;     // empty, or "Promoted" / "Unpromoted" for monitors of promotable clones
    // Stable id for renderers that need one: "<primitive>-<name>-interval-<interval>"
    // (plus "-<role>" when role is set).
    std::string id;
};

struct primitive {
    std::string id;
    resource_class cls = resource_class::ocf;
    std::string provider; // "heartbeat", "pacemaker", "linbit" for ocf; empty otherwise
    std::string type;     // agent name: "IPaddr2", "Filesystem", an init script, a fence device
    std::vector<nvpair> params; // instance attributes, in the agent's metadata order
    std::vector<nvpair> meta;   // meta attributes (usually empty)
    std::vector<operation> operations;
    // The legacy resource as written, e.g. "IPaddr::192.0.2.10/24/eth0" (or the stonith
    // directive); renderers may use it as the description. Never holds a secret.
    std::string legacy;
    location where; // the haresources token, or the ha.cf stonith directive

    // "ocf:heartbeat:IPaddr2", "lsb:httpd", "stonith:external/ssh"
    std::string agent() const;
};

// One haresources line. A line with several resources is a Pacemaker group (members started
// left to right, stopped right to left, kept together); a line with one resource is rendered
// as that bare primitive and `id` is then the primitive's id.
struct group {
    std::string id; // "group_<key>" when is_group(), members[0].id for one, "" for none
    // In haresources order. A drbddisk resource is not a member: it becomes a promotable
    // clone that the group is colocated with and ordered after (`colocations`, `orders`).
    // Never empty unless the line held only drbddisk resources (then nothing is rendered for
    // the group itself, only its clones and their owner constraints).
    std::vector<primitive> members;
    std::string preferred_node; // the haresources owner, lowercased
    std::string key;            // the group key as written (first resource), for comments
    location where;             // the owner token of the haresources line

    bool is_group() const { return members.size() > 1; }
};

// A clone: the ping connectivity clone, or a promotable clone (drbd).
enum class clone_kind { connectivity, promotable };

struct clone {
    std::string id; // "<primitive>-clone"
    clone_kind kind = clone_kind::connectivity;
    primitive child;
    std::vector<nvpair> meta; // clone meta attributes (promotable=true, promoted-max=1, ...)
    location where;
};

// A location constraint: either a fixed score on one node, or a rule.
struct rule_expression {
    std::string id;
    std::string attribute; // node attribute, e.g. "pingd"
    std::string operation; // "not_defined", "lte", "eq", ...
    std::string value;     // empty for not_defined / defined
    std::string type;      // "number" / "string" / "" (Pacemaker's default)
};

struct location_rule {
    std::string id;
    std::string score;      // e.g. "-INFINITY"
    std::string boolean_op; // "or" / "and"
    std::vector<rule_expression> expressions;
};

struct location_constraint {
    std::string id;
    std::string resource; // a group, primitive or clone id
    // Exactly one of: node + score, or rule.
    std::string node;
    std::string score;
    std::optional<location_rule> rule;
    std::string role; // "" or "Promoted" (a promotable clone preferring where it is promoted)
    location where;   // what it comes from (the haresources owner, the ping directive)
};

// "resource runs where with_resource runs" (with with_role: where it has that role).
struct colocation_constraint {
    std::string id;
    std::string resource;
    std::string with_resource;
    std::string with_role; // "" or "Promoted"
    std::string score;     // "INFINITY"
    location where;
};

// "then_resource's then_action happens after first_resource's first_action".
struct order_constraint {
    std::string id;
    std::string first_resource;
    std::string first_action; // "start" / "promote"
    std::string then_resource;
    std::string then_action; // "start"
    std::string kind;        // "Mandatory"
    location where;
};

struct pacemaker_model {
    std::string cluster_name; // ha.cf `cluster` (default "linux-ha"); also a property

    std::vector<pcmk_node> nodes;           // the cluster members, in declaration order
    std::vector<nvpair> cluster_properties; // crm_config cib-bootstrap-options, sorted by name
    std::vector<nvpair> rsc_defaults;       // rsc_defaults meta attributes, sorted by name

    // Top level resources, in this order: fencing devices, clones, groups.
    std::vector<primitive> fencing;
    std::vector<clone> clones;
    std::vector<group> groups;

    // Per group in order: owner preference; then the connectivity rules; then the bans that
    // keep a stonith_host device on its host.
    std::vector<location_constraint> locations;
    std::vector<colocation_constraint> colocations;
    std::vector<order_constraint> orders;

    // The numbers behind the policy, for renderers' comments and for tests.
    int owner_score = 0;                       // location score of a group on its haresources owner
    std::string stickiness;                    // rsc_defaults resource-stickiness
    bool stonith_enabled = false;              // cluster property stonith-enabled
    std::optional<std::string> ping_attribute; // node attribute set by the ping clone
};

// Builds the model from the folders of one cluster. Cluster-wide settings come from the first
// folder that has an ha.cf; resource groups from the first folder that has a haresources.
// Appends a located diagnostic (codes HC100-HC149, see cib.md) for every construct that does
// not carry over exactly; never drops one silently. Deterministic: same input, same model.
pacemaker_model build_pacemaker_model(const emit_input& input, std::vector<diagnostic>& out);

} // namespace hakit::emit
