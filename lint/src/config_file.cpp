// Finding, parsing and checking hacheck.json.
#include <hakit/lint/config_file.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace hakit::lint {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr std::string_view config_names[] = {"hacheck.json", ".hacheck.json"};

// RFC 6901: '~' -> "~0", '/' -> "~1".
std::string pointer_token(std::string_view key) {
    std::string token;
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

class checker {
  public:
    checker(const fs::path& path, const std::vector<registered_rule>& rules)
        : path_(path), rules_(rules) {}

    [[noreturn]] void fail(const std::string& pointer, std::string_view problem) const {
        throw config_error(
            fmt::format("{}: {}: {}", path_.string(), pointer.empty() ? "/" : pointer, problem));
    }

    const registered_rule& rule(const std::string& name, const std::string& pointer) const {
        const auto found = std::find_if(rules_.begin(), rules_.end(), [&](const auto& r) {
            return r.meta->code == name || r.meta->name == name;
        });
        if (found == rules_.end()) {
            fail(pointer, fmt::format("'{}' is not a rule code or name", name));
        }
        return *found;
    }

    std::vector<std::string> selectors(const json& value, const std::string& pointer) const {
        if (!value.is_array()) {
            fail(pointer, "expected an array of rule codes, names or code prefixes");
        }
        std::vector<std::string> list;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string item_pointer = fmt::format("{}/{}", pointer, i);
            if (!value[i].is_string()) {
                fail(item_pointer, "expected a string");
            }
            auto selector = value[i].get<std::string>();
            if (!unknown_selectors({selector}, rules_).empty()) {
                fail(item_pointer, fmt::format("'{}' selects no rule", selector));
            }
            list.push_back(std::move(selector));
        }
        return list;
    }

    severity level(const json& value, const std::string& pointer) const {
        const auto parsed = value.is_string() ? parse_severity(value.get<std::string>())
                                              : std::optional<severity>{};
        if (!parsed) {
            fail(pointer, "expected \"error\", \"warning\" or \"info\"");
        }
        return *parsed;
    }

    void severities(const json& value, config_file& config) const {
        if (!value.is_object()) {
            fail("/severity", "expected an object of rule code or name to severity");
        }
        for (const auto& [key, setting] : value.items()) {
            const std::string pointer = "/severity/" + pointer_token(key);
            const auto& named = rule(key, pointer);
            if (setting == "off") {
                config.severities[std::string(named.meta->code)] = std::nullopt;
            } else if (setting.is_string() && parse_severity(setting.get<std::string>())) {
                config.severities[std::string(named.meta->code)] = level(setting, pointer);
            } else {
                fail(pointer, "expected \"error\", \"warning\", \"info\" or \"off\"");
            }
        }
    }

    void options(const json& value, config_file& config) const {
        if (!value.is_object()) {
            fail("/rules", "expected an object of rule name to options");
        }
        for (const auto& [key, settings] : value.items()) {
            const std::string rule_pointer = "/rules/" + pointer_token(key);
            const rule_meta& meta = *rule(key, rule_pointer).meta;
            if (!settings.is_object()) {
                fail(rule_pointer, "expected an object of option name to value");
            }
            for (const auto& [name, setting] : settings.items()) {
                const std::string pointer = rule_pointer + "/" + pointer_token(name);
                const auto declared =
                    std::find_if(meta.options.begin(), meta.options.end(),
                                 [&](const rule_option& o) { return o.name == name; });
                if (declared == meta.options.end()) {
                    fail(pointer, meta.options.empty()
                                      ? fmt::format("{} has no options", meta.name)
                                      : fmt::format("{} has no option '{}'", meta.name, name));
                }
                if (!setting.is_number_integer()) {
                    fail(pointer, "expected an integer");
                }
                const auto number = setting.get<std::int64_t>();
                if (number < declared->minimum) {
                    fail(pointer, fmt::format("must be at least {}", declared->minimum));
                }
                config.options[std::string(meta.code)][std::string(name)] = number;
            }
        }
    }

  private:
    const fs::path& path_;
    const std::vector<registered_rule>& rules_;
};

} // namespace

std::optional<fs::path> find_config_file(const fs::path& start) {
    std::error_code error;
    fs::path directory = fs::absolute(start).lexically_normal();
    if (!fs::is_directory(directory, error)) {
        directory = directory.parent_path();
    }
    while (true) {
        std::vector<fs::path> found;
        for (const auto name : config_names) {
            const fs::path candidate = directory / name;
            if (fs::is_regular_file(candidate, error)) {
                found.push_back(candidate);
            }
        }
        if (found.size() == 2) {
            throw config_error(fmt::format("{} and {}: only one config file per directory",
                                           found[0].string(), found[1].string()));
        }
        if (found.size() == 1) {
            return found.front();
        }
        if (!directory.has_relative_path()) {
            return std::nullopt; // reached the root
        }
        directory = directory.parent_path();
    }
}

config_file parse_config_file(std::string_view text, const fs::path& path,
                              const std::vector<registered_rule>& rules) {
    const checker check(path, rules);
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& error) {
        throw config_error(fmt::format("{}: not JSON: {}", path.string(), error.what()));
    }
    if (!document.is_object()) {
        check.fail("", "expected an object");
    }
    config_file config;
    config.path = path;
    for (const auto& [key, value] : document.items()) {
        const std::string pointer = "/" + pointer_token(key);
        if (key == "select") {
            config.select = check.selectors(value, pointer);
        } else if (key == "ignore") {
            config.ignore = check.selectors(value, pointer);
        } else if (key == "fail-on") {
            config.fail_on = check.level(value, pointer);
        } else if (key == "severity") {
            check.severities(value, config);
        } else if (key == "rules") {
            check.options(value, config);
        } else {
            check.fail(pointer, "unknown key (expected select, ignore, fail-on, severity, "
                                "rules)");
        }
    }
    return config;
}

config_file read_config_file(const fs::path& path, const std::vector<registered_rule>& rules) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in.is_open()) {
        text << in.rdbuf();
    }
    if (!in.is_open() || in.bad()) {
        throw config_error(fmt::format("{}: cannot be read", path.string()));
    }
    return parse_config_file(text.str(), path, rules);
}

std::vector<diagnostic>
apply_severities(std::vector<diagnostic> findings,
                 const std::map<std::string, std::optional<severity>>& severities) {
    std::vector<diagnostic> kept;
    kept.reserve(findings.size());
    for (auto& finding : findings) {
        const auto setting = severities.find(finding.code);
        if (setting == severities.end()) {
            kept.push_back(std::move(finding));
        } else if (setting->second) {
            finding.level = *setting->second;
            kept.push_back(std::move(finding));
        }
    }
    return kept;
}

} // namespace hakit::lint
