// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (docs/output-formats.md).
#include <hakit/compiler/load.hpp>
#include <hakit/lint/line_content.hpp>
#include <hakit/lint/render.hpp>
#include <hakit/lint/rule_docs.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>

namespace hakit::lint {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view schema_uri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view source_root = "%SRCROOT%";

std::string_view sarif_level(severity level) {
    switch (level) {
    case severity::error:
        return "error";
    case severity::warning:
        return "warning";
    case severity::info:
        return "note";
    }
    return "note";
}

std::string_view without_dot_slash(std::string_view path) {
    while (path.starts_with("./")) {
        path.remove_prefix(2);
        while (path.starts_with("/")) {
            path.remove_prefix(1);
        }
    }
    return path;
}

bool is_uri_safe(char c) {
    constexpr std::string_view safe_punctuation = "-._~/!$&'()*+,;=@";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           safe_punctuation.find(c) != std::string_view::npos;
}

// Percent-encodes everything a URI path may not hold raw (also ':', which would read as a
// scheme in a relative reference, and every non-ASCII byte).
std::string percent_encoded(std::string_view path) {
    std::string result;
    for (const char c : path) {
        if (is_uri_safe(c)) {
            result += c;
        } else {
            result += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        }
    }
    return result;
}

// Relative paths stay relative to %SRCROOT% (the directory hacheck ran in, normally the
// repository root); absolute ones become file:// URIs.
json artifact_location(const std::string& file) {
    const std::string_view path = without_dot_slash(file);
    json location = json::object();
    if (path.starts_with("/")) {
        location["uri"] = "file://" + percent_encoded(path);
    } else {
        location["uri"] = percent_encoded(path);
        location["uriBaseId"] = source_root;
    }
    return location;
}

// SARIF counts columns in code points (columnKind below); hakit counts bytes. Continuation
// bytes of UTF-8 take no column; a byte that is not UTF-8 counts as one.
std::size_t code_point_column(const location& where, const source_index& sources) {
    const auto found = sources.find(where.file);
    if (found == sources.end() || !found->second || where.line > found->second->line_count()) {
        return where.column;
    }
    const std::string_view line = found->second->line_text(where.line);
    std::size_t column = 1;
    for (std::size_t i = 0; i + 1 < where.column; ++i) {
        const bool continuation =
            i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U;
        column += continuation ? 0U : 1U;
    }
    return column;
}

// A whole-file finding (line 0) is placed on line 1: GitHub needs a line to show an alert.
json physical_location(const location& where, const source_index& sources) {
    json region = json::object();
    region["startLine"] = where.line == 0 ? std::size_t{1} : where.line;
    if (where.line != 0 && where.column != 0) {
        region["startColumn"] = code_point_column(where, sources);
    }
    return json{{"artifactLocation", artifact_location(where.file)}, {"region", region}};
}

std::string help_text(const rule_meta& meta) {
    std::string_view doc = meta.doc;
    while (!doc.empty() && doc.front() == '\n') {
        doc.remove_prefix(1);
    }
    while (!doc.empty() && doc.back() == '\n') {
        doc.remove_suffix(1);
    }
    return fmt::format("{}\n\n{}", meta.summary, doc);
}

json descriptor(const rule_meta& meta, const sarif_options& options) {
    json rule = json::object();
    rule["id"] = meta.code;
    rule["name"] = meta.name;
    rule["shortDescription"] = {{"text", meta.summary}};
    rule["fullDescription"] = {{"text", rule_description(meta)}};
    rule["help"] = {{"text", help_text(meta)}, {"markdown", rule_page(meta)}};
    if (!options.rules_url.empty()) {
        rule["helpUri"] = options.rules_url + rule_page_name(meta);
    }
    rule["defaultConfiguration"] = {{"level", sarif_level(meta.level)}};
    return rule;
}

// A finding whose rule is not in the list (a rule left out by the caller): what the finding
// itself says about it.
json descriptor(const diagnostic& finding) {
    json rule = json::object();
    rule["id"] = finding.code;
    rule["name"] = finding.rule;
    rule["shortDescription"] = {{"text", finding.rule}};
    return rule;
}

json related_locations(const diagnostic& finding, const source_index& sources) {
    json related = json::array();
    std::size_t id = 0;
    for (const auto& item : finding.notes) {
        json location = json::object();
        location["id"] = id++;
        location["physicalLocation"] = physical_location(item.where, sources);
        location["message"] = {{"text", printable(item.message)}};
        related.push_back(std::move(location));
    }
    return related;
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
    constexpr std::uint64_t prime = 0x100000001b3ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= prime;
    }
    return hash;
}

} // namespace

std::string finding_fingerprint(const diagnostic& finding, const source_index& sources) {
    std::string line;
    const auto found = sources.find(finding.where.file);
    if (finding.where.line != 0 && found != sources.end() && found->second &&
        finding.where.line <= found->second->line_count()) {
        // Never the key of an authkeys line: a hash of a short key could be brute-forced.
        line = normalized_content(found->second->line_text(finding.where.line), finding.where.file);
    }
    constexpr std::uint64_t offset_basis = 0xcbf29ce484222325ULL;
    std::uint64_t hash = fnv1a(finding.code, offset_basis);
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(without_dot_slash(finding.where.file), hash);
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(line, hash);
    return fmt::format("{:016x}", hash);
}

void render_sarif(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                  const source_index& sources, const sarif_options& options) {
    const auto& rules = options.rules != nullptr ? *options.rules : all_rules();
    json rule_list = json::array();
    std::map<std::string, std::size_t, std::less<>> rule_index;
    for (const auto& rule : rules) {
        rule_index.emplace(std::string(rule.meta->code), rule_list.size());
        rule_list.push_back(descriptor(*rule.meta, options));
    }

    json results = json::array();
    std::map<std::string, std::size_t> occurrences; // same fingerprint: told apart by a counter
    for (const auto& finding : diagnostics) {
        auto index = rule_index.find(finding.code);
        if (index == rule_index.end()) {
            const registered_rule* known = find_rule(finding.code);
            index = rule_index.emplace(finding.code, rule_list.size()).first;
            rule_list.push_back(known != nullptr ? descriptor(*known->meta, options)
                                                 : descriptor(finding));
        }
        json result = json::object();
        result["ruleId"] = finding.code;
        result["ruleIndex"] = index->second;
        result["level"] = sarif_level(finding.level);
        result["message"] = {{"text", printable(finding.message)}};
        result["locations"] =
            json::array({json{{"physicalLocation", physical_location(finding.where, sources)}}});
        if (!finding.notes.empty()) {
            result["relatedLocations"] = related_locations(finding, sources);
        }
        const std::string fingerprint = finding_fingerprint(finding, sources);
        const std::size_t occurrence = ++occurrences[fingerprint];
        // The key GitHub computes itself when it is missing; ours ignores line numbers, so an
        // alert survives lines being inserted above it.
        result["partialFingerprints"] = {
            {"primaryLocationLineHash", fmt::format("{}:{}", fingerprint, occurrence)}};
        results.push_back(std::move(result));
    }

    json driver = json::object();
    driver["name"] = "hacheck";
    if (!options.tool_version.empty()) {
        driver["version"] = options.tool_version;
        driver["semanticVersion"] = options.tool_version;
    }
    if (!options.information_uri.empty()) {
        driver["informationUri"] = options.information_uri;
    }
    driver["rules"] = std::move(rule_list);

    json run = json::object();
    run["tool"] = {{"driver", std::move(driver)}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);

    json log = json::object();
    log["$schema"] = schema_uri;
    log["version"] = "2.1.0";
    log["runs"] = json::array({std::move(run)});
    out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

} // namespace hakit::lint
