// Baselines for legacy fleets: record today's findings once (--write-baseline FILE), then report
// only findings that are not in the record (--baseline FILE). Findings are matched by rule code,
// file and normalised line content, with multiplicity, never by line number, so lines that
// move still match and an edited line is reported again.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/line_content.hpp> // normalized_content: what a baseline keeps
#include <hakit/lint/render.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

struct baseline_entry {
    std::string code;
    std::string file;    // relative to the baseline file's directory, '/' separated
    std::string content; // normalised line content (empty for a whole-file finding)
    std::size_t count = 1;

    friend bool operator==(const baseline_entry&, const baseline_entry&) = default;
};

struct baseline {
    std::vector<baseline_entry> entries; // sorted by file, code, content; keys unique
};

// Invalid baseline file (exit 2).
class baseline_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The key of a finding: `file` made relative to `baseline_dir` (both taken as absolute).
baseline_entry entry_of(const diagnostic& finding, const source_index& sources,
                        const std::filesystem::path& baseline_dir);

baseline make_baseline(const std::vector<diagnostic>& findings, const source_index& sources,
                       const std::filesystem::path& baseline_dir);

// {"version": 1, "entries": [{"code", "file", "content", "count"}...]}, two-space indented.
std::string to_json(const baseline& record);
// Throws baseline_error naming `file_name` and what is wrong.
baseline parse_baseline(std::string_view text, std::string_view file_name);

struct baseline_result {
    std::vector<diagnostic> findings; // those the baseline does not cover
    std::size_t matched = 0;          // findings dropped
    std::size_t stale = 0;            // recorded findings that no longer occur
};

baseline_result apply_baseline(std::vector<diagnostic> findings, const baseline& record,
                               const source_index& sources,
                               const std::filesystem::path& baseline_dir);

} // namespace hakit::lint
