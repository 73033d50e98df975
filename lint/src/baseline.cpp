// Writing, reading and applying baselines.
#include <hakit/compiler/load.hpp>
#include <hakit/lint/baseline.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace hakit::lint {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
constexpr int format_version = 1;

using entry_key = std::tuple<std::string, std::string, std::string>; // file, code, content

entry_key key_of(const baseline_entry& entry) {
    return {entry.file, entry.code, entry.content};
}

std::string relative_path(const std::string& file, const fs::path& baseline_dir) {
    const fs::path absolute_file = fs::absolute(fs::path(file)).lexically_normal();
    const fs::path absolute_dir = fs::absolute(baseline_dir).lexically_normal();
    const fs::path relative = absolute_file.lexically_relative(absolute_dir);
    return (relative.empty() ? absolute_file : relative).generic_string();
}

[[noreturn]] void fail(std::string_view file_name, std::string_view pointer,
                       std::string_view problem) {
    throw baseline_error(
        fmt::format("{}: {}: {}", file_name, pointer.empty() ? "/" : pointer, problem));
}

const json& member(const json& object, const char* name, json::value_t type,
                   std::string_view file_name, const std::string& pointer) {
    const auto found = object.find(name);
    const bool number = type == json::value_t::number_unsigned;
    if (found == object.end() || (number ? !found->is_number_unsigned() : found->type() != type)) {
        fail(file_name, pointer + "/" + name,
             found == object.end() ? "missing" : "has the wrong type");
    }
    return *found;
}

} // namespace

baseline_entry entry_of(const diagnostic& finding, const source_index& sources,
                        const fs::path& baseline_dir) {
    std::string content;
    if (const auto source = sources.find(finding.where.file);
        source != sources.end() && finding.where.line > 0) {
        content =
            normalized_content(source->second->line_text(finding.where.line), finding.where.file);
    }
    return baseline_entry{.code = finding.code,
                          .file = relative_path(finding.where.file, baseline_dir),
                          .content = std::move(content),
                          .count = 1};
}

baseline make_baseline(const std::vector<diagnostic>& findings, const source_index& sources,
                       const fs::path& baseline_dir) {
    std::map<entry_key, baseline_entry> merged;
    for (const auto& finding : findings) {
        auto entry = entry_of(finding, sources, baseline_dir);
        const auto [position, added] = merged.emplace(key_of(entry), entry);
        if (!added) {
            ++position->second.count;
        }
    }
    baseline record;
    for (auto& [key, entry] : merged) {
        record.entries.push_back(std::move(entry));
    }
    return record;
}

std::string to_json(const baseline& record) {
    json entries = json::array();
    for (const auto& entry : record.entries) {
        entries.push_back({{"code", entry.code},
                           {"file", entry.file},
                           {"content", entry.content},
                           {"count", entry.count}});
    }
    const json document{{"version", format_version}, {"entries", std::move(entries)}};
    // Config lines may hold bytes that are not UTF-8 (Latin-1 comments): replace, don't throw.
    return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

baseline parse_baseline(std::string_view text, std::string_view file_name) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& error) {
        throw baseline_error(fmt::format("{}: not JSON: {}", file_name, error.what()));
    }
    if (!document.is_object()) {
        fail(file_name, "", "expected an object");
    }
    const auto& version =
        member(document, "version", json::value_t::number_unsigned, file_name, "");
    if (version.get<std::uint64_t>() != format_version) {
        fail(file_name, "/version", fmt::format("unsupported version {}", version.dump()));
    }
    const auto& entries = member(document, "entries", json::value_t::array, file_name, "");
    std::map<entry_key, baseline_entry> merged;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string pointer = fmt::format("/entries/{}", i);
        const auto& item = entries[i];
        if (!item.is_object()) {
            fail(file_name, pointer, "expected an object");
        }
        baseline_entry entry{
            .code =
                member(item, "code", json::value_t::string, file_name, pointer).get<std::string>(),
            .file =
                member(item, "file", json::value_t::string, file_name, pointer).get<std::string>(),
            .content = member(item, "content", json::value_t::string, file_name, pointer)
                           .get<std::string>(),
            .count = member(item, "count", json::value_t::number_unsigned, file_name, pointer)
                         .get<std::size_t>(),
        };
        const auto [position, added] = merged.emplace(key_of(entry), entry);
        if (!added) {
            position->second.count += entry.count;
        }
    }
    baseline record;
    for (auto& [key, entry] : merged) {
        record.entries.push_back(std::move(entry));
    }
    return record;
}

baseline_result apply_baseline(std::vector<diagnostic> findings, const baseline& record,
                               const source_index& sources, const fs::path& baseline_dir) {
    std::map<entry_key, std::size_t> remaining;
    for (const auto& entry : record.entries) {
        remaining[key_of(entry)] += entry.count;
    }
    baseline_result result;
    for (auto& finding : findings) {
        const auto left = remaining.find(key_of(entry_of(finding, sources, baseline_dir)));
        if (left != remaining.end() && left->second > 0) {
            --left->second;
            ++result.matched;
        } else {
            result.findings.push_back(std::move(finding));
        }
    }
    for (const auto& [key, count] : remaining) {
        result.stale += count;
    }
    return result;
}

} // namespace hakit::lint
