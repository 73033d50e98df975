// Rule pages in Markdown from the metadata, and the index of all rules.
#include <hakit/lint/engine.hpp>
#include <hakit/lint/examples.hpp>
#include <hakit/lint/render.hpp>
#include <hakit/lint/rule_docs.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace hakit::lint {
namespace {

constexpr std::string_view generated_notice =
    "<!-- Generated from the rule metadata in lint/rules/ by lint/src/rule_docs.cpp: do not "
    "edit.\n     Regenerate with: HAKIT_UPDATE_GOLDEN=1 test_lint \"[rule-docs]\" -->\n";

std::string_view trim_newlines(std::string_view text) {
    while (!text.empty() && text.front() == '\n') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == '\n') {
        text.remove_suffix(1);
    }
    return text;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.push_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return lines;
}

std::string_view scope_text(rule_scope scope) {
    switch (scope) {
    case rule_scope::node:
        return "one node folder";
    case rule_scope::cluster:
        return "across node folders (two or more given together)";
    case rule_scope::host:
        return "one node folder and the machine hacheck runs on (--host, --resource-dir)";
    }
    return "one node folder";
}

// A fence longer than any run of backticks in `text`, so the block cannot end early.
std::string fence_for(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

void write_code_block(std::ostream& out, std::string_view text) {
    const std::string fence = fence_for(text);
    out << fence << '\n' << text;
    if (!text.empty() && text.back() != '\n') {
        out << '\n';
    }
    out << fence << '\n';
}

// One file of an example: "== srv6/authkeys 0644 ==" and the lines up to the next header.
struct example_file {
    std::string label; // "`srv6/authkeys` (mode 0644)"
    std::string text;
};

std::vector<example_file> split_example(std::string_view example) {
    std::vector<example_file> files;
    for (const auto line : split_lines(example)) {
        if (line.size() >= 6 && line.starts_with("== ") && line.ends_with(" ==")) {
            std::string_view body = line.substr(3, line.size() - 6);
            const auto blank = body.find(' ');
            std::string label = fmt::format("`{}`", body.substr(0, blank));
            if (blank != std::string_view::npos) {
                label += fmt::format(" (mode {})", body.substr(blank + 1));
            }
            files.push_back({std::move(label), {}});
        } else {
            if (files.empty()) {
                files.push_back({"", {}});
            }
            files.back().text += std::string(line) + '\n';
        }
    }
    return files;
}

void write_example(std::ostream& out, std::string_view example) {
    bool first = true;
    for (const auto& file : split_example(example)) {
        out << (first ? "" : "\n");
        first = false;
        if (!file.label.empty()) {
            out << file.label << ":\n\n";
        }
        if (file.text.empty()) {
            out << "(an empty file)\n";
        } else {
            write_code_block(out, file.text);
        }
    }
}

// What hacheck prints for the bad example, this rule only, when the rule is registered.
std::string findings_on(const rule_meta& meta, std::string_view example) {
    const registered_rule* rule = find_rule(meta.code);
    if (rule == nullptr || rule->meta != &meta) {
        return {};
    }
    const auto findings = check(load_example(example), {*rule});
    std::ostringstream out;
    render_gcc(out, findings);
    return out.str();
}

std::string table_cell(std::string_view text) {
    std::string result;
    for (const char c : text) {
        if (c == '|') {
            result += "\\|";
        } else {
            result += c;
        }
    }
    return result;
}

} // namespace

std::string rule_page_name(const rule_meta& meta) {
    return fmt::format("{}.md", meta.name);
}

std::string rule_description(const rule_meta& meta) {
    const auto lines = split_lines(meta.doc);
    const auto heading = std::find(lines.begin(), lines.end(), "## Why is this bad?");
    std::string paragraph;
    if (heading != lines.end()) {
        auto line = std::next(heading);
        while (line != lines.end() && line->empty()) {
            ++line;
        }
        for (; line != lines.end() && !line->empty() && !line->starts_with("#"); ++line) {
            paragraph += (paragraph.empty() ? "" : " ") + std::string(*line);
        }
    }
    return paragraph.empty() ? std::string(meta.summary) : paragraph;
}

std::string rule_page(const rule_meta& meta) {
    std::ostringstream out;
    out << fmt::format("# {} {}\n\n{}\n\n", meta.code, meta.name, meta.summary);
    out << "| Property | Value |\n|---|---|\n";
    out << fmt::format("| Code | `{}` |\n", meta.code);
    out << fmt::format("| Name | `{}` |\n", meta.name);
    out << fmt::format("| Severity | {} |\n", to_string(meta.level));
    out << fmt::format("| Scope | {} |\n", scope_text(meta.scope));
    out << fmt::format("| Heartbeat 3.0.6 refuses to start | {} |\n\n",
                       meta.heartbeat_refuses ? "yes" : "no");
    out << trim_newlines(meta.doc) << "\n\n";

    out << "## Example that triggers it\n\n";
    write_example(out, meta.bad);
    const std::string findings = findings_on(meta, meta.bad);
    if (!findings.empty()) {
        out << "\n`hacheck --format gcc` reports:\n\n";
        write_code_block(out, findings);
    }
    out << "\n## Example that passes\n\n";
    write_example(out, meta.good);
    return out.str();
}

std::string rule_page_file(const rule_meta& meta) {
    return std::string(generated_notice) + rule_page(meta);
}

std::string rule_index_file(const std::vector<registered_rule>& rules) {
    std::ostringstream out;
    out << generated_notice;
    out << "# hacheck rules\n\n";
    out << fmt::format(
        "{} rule{}. Each page is generated from the rule's own file in `lint/rules/` (its "
        "metadata,\ndocumentation and examples; the examples are tested). `hacheck --list-rules` "
        "prints this\nlist and `hacheck --explain CODE` prints a page.\n\n",
        rules.size(), rules.size() == 1 ? "" : "s");
    out << "| Code | Name | Severity | Heartbeat refuses to start | Summary |\n";
    out << "|---|---|---|---|---|\n";
    for (const auto& rule : rules) {
        const rule_meta& meta = *rule.meta;
        out << fmt::format("| {} | [{}]({}) | {} | {} | {} |\n", meta.code, meta.name,
                           rule_page_name(meta), to_string(meta.level),
                           meta.heartbeat_refuses ? "yes" : "", table_cell(meta.summary));
    }
    return out.str();
}

} // namespace hakit::lint
