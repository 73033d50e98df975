// A lint rule is one file: its metadata (code, name, docs, examples) and its check.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hakit::lint {

enum class rule_scope {
    node,    // looks at one node folder
    cluster, // looks across the node folders of one cluster (run when two or more are given)
    host,    // looks at one node folder and the machine it runs on (--host, --resource-dir)
};

// A number a rule reads instead of a hard-coded threshold; users set it per rule in the config
// file ("rules": {"<rule-name>": {"<option>": N}}, docs/configuration.md).
struct rule_option {
    std::string_view name; // kebab-case, e.g. "min-length"
    std::int64_t default_value = 0;
    std::int64_t minimum = 0; // smaller configured values are rejected
    std::string_view summary;
};

// Configured option values: rule code -> option name -> value.
using rule_option_values =
    std::map<std::string, std::map<std::string, std::int64_t, std::less<>>, std::less<>>;

// Examples are small node folders written as one text (see docs/rules and
// tests/lint/rule_examples_test.cpp):
//   == ha.cf ==              a file of the folder
//   == authkeys 0644 ==      a file with its permission bits
//   == srv6/ha.cf ==         a file of a second node folder (cluster rules)
// A folder has exactly the files the example names; `nodeinfo` names the local node.
struct rule_meta {
    std::string_view code; // stable, never reused: HA0xx general, HA1xx ha.cf,
                           // HA2xx haresources, HA3xx authkeys, HA4xx across nodes
    std::string_view name; // kebab-case name of the problem
    severity level = severity::error;
    rule_scope scope = rule_scope::node;
    bool heartbeat_refuses = false; // Heartbeat 3.0.6 itself will not start on this
    std::string_view summary;       // one line
    std::string_view doc;           // Markdown: why it matters, how to fix it
    std::string_view bad;           // example that must make the rule fire
    std::string_view good;          // example on which the rule must stay silent
    // Numbers users may set in the config file; documented in `doc` too.
    std::span<const rule_option> options = {};
};

// Collects what rules report, stamping each finding with its rule's identity.
class sink {
  public:
    sink() = default;
    // Rules read their options from `options` (nullptr: every option at its default).
    explicit sink(const rule_option_values* options) : options_(options) {}

    void report(const rule_meta& rule, const location& where, std::string message,
                std::vector<note> notes = {});
    // For the few rules whose severity depends on the case (e.g. crc vs md5).
    void report_as(const rule_meta& rule, severity level, const location& where,
                   std::string message, std::vector<note> notes = {});

    // Makes the finding reported last fixable by `hacheck --fix` (docs/autofix.md). Rules
    // attach a fix only when applying it keeps the cluster's behaviour.
    void attach_fix(fix repair) {
        if (!diagnostics_.empty()) {
            diagnostics_.back().fix = std::move(repair);
        }
    }

    // The configured value of an option `rule` declares in its meta, else its default. Throws
    // std::logic_error for an option the rule does not declare (a bug in the rule).
    std::int64_t option(const rule_meta& rule, std::string_view name) const;

    const std::vector<diagnostic>& diagnostics() const { return diagnostics_; }
    std::vector<diagnostic> take() { return std::move(diagnostics_); }

  private:
    const rule_option_values* options_ = nullptr;
    std::vector<diagnostic> diagnostics_;
};

using node_check = void (*)(const node_folder& folder, sink& out);
using cluster_check = void (*)(const std::vector<const node_folder*>& nodes, sink& out);
// Rules about the other rules' findings (unused suppressions): run once per folder after all
// node and cluster rules, with every finding they reported.
struct host_context; // host_facts.hpp
// On-node rules (HA5xx): run only when the engine is given a host context (--host,
// --resource-dir); each checks what it needs from it is there.
using host_check = void (*)(const node_folder& folder, const host_context& host, sink& out);
using findings_check = void (*)(const node_folder& folder, const std::vector<diagnostic>& findings,
                                sink& out);

struct registered_rule {
    const rule_meta* meta = nullptr;
    node_check check_node = nullptr;
    cluster_check check_cluster = nullptr;
    findings_check check_findings = nullptr;
    host_check check_host = nullptr;
};

// A static `registrar` in a rule's file adds the rule to the registry. Rules are built into
// an OBJECT library so the linker never drops them.
struct registrar {
    registrar(const rule_meta& meta, node_check check);
    registrar(const rule_meta& meta, cluster_check check);
    registrar(const rule_meta& meta, findings_check check);
    registrar(const rule_meta& meta, host_check check);
};

// Every registered rule, sorted by code.
const std::vector<registered_rule>& all_rules();
const registered_rule* find_rule(std::string_view code_or_name);

} // namespace hakit::lint
