// A lint rule is one file: its metadata (code, name, docs, examples) and its check.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/grammar/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

enum class rule_scope {
    node,    // looks at one node folder
    cluster, // looks across the node folders of one cluster (run when two or more are given)
};

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
};

// Collects what rules report, stamping each finding with its rule's identity.
class sink {
  public:
    void report(const rule_meta& rule, const location& where, std::string message,
                std::vector<note> notes = {});
    // For the few rules whose severity depends on the case (e.g. crc vs md5).
    void report_as(const rule_meta& rule, severity level, const location& where,
                   std::string message, std::vector<note> notes = {});

    const std::vector<diagnostic>& diagnostics() const { return diagnostics_; }
    std::vector<diagnostic> take() { return std::move(diagnostics_); }

  private:
    std::vector<diagnostic> diagnostics_;
};

using node_check = void (*)(const node_folder& folder, sink& out);
using cluster_check = void (*)(const std::vector<const node_folder*>& nodes, sink& out);

struct registered_rule {
    const rule_meta* meta = nullptr;
    node_check check_node = nullptr;
    cluster_check check_cluster = nullptr;
};

// A static `registrar` in a rule's file adds the rule to the registry. Rules are built into
// an OBJECT library so the linker never drops them.
struct registrar {
    registrar(const rule_meta& meta, node_check check);
    registrar(const rule_meta& meta, cluster_check check);
};

// Every registered rule, sorted by code.
const std::vector<registered_rule>& all_rules();
const registered_rule* find_rule(std::string_view code_or_name);

} // namespace hakit::lint
