// hacheck.json / .hacheck.json: selection, fail-on, severity overrides and rule options for the
// node folders below the directory that holds it (docs/configuration.md).
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/rule.hpp>
#include <hakit/lint/selection.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// A config file that cannot be used (exit 2): "<path>: <JSON pointer>: <problem>".
class config_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct config_file {
    std::filesystem::path path;
    std::optional<std::vector<std::string>> select;
    std::optional<std::vector<std::string>> ignore;
    std::optional<severity> fail_on;
    // Rule code -> new severity; nothing means "off" (findings dropped).
    std::map<std::string, std::optional<severity>> severities;
    rule_option_values options; // rule code -> option -> value
};

// The nearest hacheck.json or .hacheck.json in `start` (a folder, or a file's folder) or one
// of its parents. Throws config_error when one directory holds both.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);

// Parses and checks a config file against `rules`: unknown keys, rules, options, severities
// and wrong types are config_errors naming the JSON pointer of the problem.
config_file parse_config_file(std::string_view text, const std::filesystem::path& path,
                              const std::vector<registered_rule>& rules);

// Reads and parses `path` (config_error when it cannot be read).
config_file read_config_file(const std::filesystem::path& path,
                             const std::vector<registered_rule>& rules);

// Severity overrides: changes each finding's severity, drops findings set "off".
std::vector<diagnostic>
apply_severities(std::vector<diagnostic> findings,
                 const std::map<std::string, std::optional<severity>>& severities);

} // namespace hakit::lint
