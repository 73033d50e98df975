// Building the JSON targets (plan, ir): locations, diagnostics and text values as JSON, and the
// one way they are printed. Keys keep the order they are added in (ordered_json), so the output
// is deterministic without sorting.
#pragma once

#include <hakit/compiler/ir.hpp>
#include <hakit/grammar/diagnostic.hpp>
#include <hakit/grammar/source.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {

using ordered_json = nlohmann::ordered_json;

// "hacompile (hakit) VERSION": the "generator" of every JSON document.
std::string_view json_generator();

// Enum names as the JSON documents spell them.
std::string_view json_name(ir::ping_kind kind);     // ping, ping6, ping_group
std::string_view json_name(ir::auth_method method); // crc, md5, sha1

// {"file": ..., "line": ..., "column": ...}; line and column are 0 for a value that no line set.
ordered_json json_location(const location& where);

// {"code", "rule", "severity", "message", "where"}.
ordered_json json_diagnostic(const diagnostic& finding);

// The errors a --force run emits anyway, each as json_diagnostic.
ordered_json json_diagnostics(const std::vector<diagnostic>& findings);

// Two-space indentation and a final newline.
std::string print_json(const ordered_json& document);

// Text from the legacy files goes through here: JSON strings must be UTF-8, and a file may
// hold other bytes (Latin-1 host names, stray control bytes are fine). Invalid sequences
// become U+FFFD and give one located warning (HC004 json-invalid-utf8) per location.
class json_text {
  public:
    explicit json_text(std::vector<diagnostic>& diagnostics) : diagnostics_(diagnostics) {}

    ordered_json operator()(std::string_view text, const location& where);
    // Each of `values` as above, as a JSON array; they share one location.
    ordered_json list(const std::vector<std::string>& values, const location& where);

  private:
    std::vector<diagnostic>& diagnostics_;
    std::vector<location> reported_;
};

// The objects the plan and the ir target both write, alike: a ping node {"kind", "name",
// "hosts", "where"} and a respawned program {"user", "command", "args", "failfast", "where"}.
ordered_json json_ping_node(json_text& text, const ir::ping_node& ping);
ordered_json json_child_process(json_text& text, const ir::child_process& process);

// Replaces every byte sequence that is not valid UTF-8 with U+FFFD; false when it had to.
bool to_valid_utf8(std::string_view text, std::string& out);

} // namespace hakit::emit
