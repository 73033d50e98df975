// hacheck: options, loading, engine, rendering and the exit code.
#include "hacheck_app.hpp"
#include "hacheck_options.hpp"

#include <hakit/compiler/load.hpp>
#include <hakit/lint/baseline.hpp>
#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/config_file.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/fix.hpp>
#include <hakit/lint/fleet.hpp>
#include <hakit/lint/host_facts.hpp>
#include <hakit/lint/render.hpp>
#include <hakit/lint/render_format.hpp>
#include <hakit/lint/rule.hpp>
#include <hakit/lint/rule_docs.hpp>
#include <hakit/lint/selection.hpp>
#include <hakit/lint/suppression.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace hakit::lint {
namespace {

using options = hacheck_options;

constexpr std::string_view version_text = "hacheck (hakit) " HAKIT_VERSION;
constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_usage = 2;

void list_rules(std::ostream& out) {
    for (const auto& rule : all_rules()) {
        out << fmt::format("{}  {}  {}  {}\n", rule.meta->code, rule.meta->name,
                           to_string(rule.meta->level), rule.meta->summary);
    }
}

// The rule's docs page (docs/rules/<name>.md without its "generated" comment).
void explain_rule(std::ostream& out, const rule_meta& meta) {
    out << rule_page(meta);
}

// --output FORMAT=FILE, checked before anything is loaded.
std::vector<output_request> output_requests(const std::vector<std::string>& arguments) {
    std::vector<output_request> requests;
    for (const auto& argument : arguments) {
        try {
            requests.push_back(parse_output_request(argument));
        } catch (const std::invalid_argument& error) {
            throw usage_error(error.what());
        }
        for (std::size_t i = 0; i + 1 < requests.size(); ++i) {
            if (requests[i].file == requests.back().file) {
                throw usage_error(fmt::format("--output {}: {} is already written by --output",
                                              argument, requests.back().file));
            }
        }
    }
    return requests;
}

// helpUri must be absolute (SARIF 2.1.0, 3.49.12): "scheme:...". Empty leaves helpUri out.
std::string rules_url_base(const std::string& url) {
    if (url.empty()) {
        return url;
    }
    const auto colon = url.find(':');
    const bool has_scheme =
        colon != std::string::npos && colon > 0 &&
        std::isalpha(static_cast<unsigned char>(url.front())) != 0 &&
        std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' ||
                   c == '.';
        });
    if (!has_scheme) {
        throw usage_error(fmt::format(
            "--rules-url {}: must be an absolute URL such as https://example.org/rules/", url));
    }
    return url.back() == '/' ? url : url + '/';
}

// Report files first, stdout last: when a file cannot be written, stdout stays empty and the
// exit status is 2.
void write_outputs(const options& given, const std::vector<output_request>& requests,
                   const render_input& input, std::ostream& out, bool out_is_terminal) {
    for (const auto& request : requests) {
        try {
            write_file_atomically(request.file, render_to_string(request.format, input));
        } catch (const std::runtime_error& error) {
            throw usage_error(error.what());
        }
    }
    render_input to_stdout = input;
    to_stdout.color = use_color(given.color, out_is_terminal);
    render(out, parse_output_format(given.format).value_or(output_format::text), to_stdout);
    out.flush();
}

// The one config file of this run: the nearest hacheck.json / .hacheck.json above each PATH.
// PATHs checked together form one cluster and must share it (or all have none).
std::optional<config_file> run_config(const std::vector<std::string>& paths) {
    std::optional<std::filesystem::path> shared;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto found = find_config_file(paths[i]);
        if (i > 0 && found != shared) {
            throw usage_error(fmt::format(
                "{} and {} use different config files ({} and {}); check them separately", paths[0],
                paths[i], shared ? shared->string() : "none", found ? found->string() : "none"));
        }
        shared = found;
    }
    if (!shared) {
        return std::nullopt;
    }
    return read_config_file(*shared, all_rules());
}

// --select/--ignore values, refusing selectors that name no rule.
std::vector<std::string> checked_selectors(const std::vector<std::string>& values,
                                           std::string_view option) {
    auto selectors = split_selectors(values);
    const auto unknown = unknown_selectors(selectors, all_rules());
    if (!unknown.empty()) {
        throw usage_error(fmt::format("{}: {} select no rule (see --list-rules)", option,
                                      fmt::join(unknown, ", ")));
    }
    return selectors;
}

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) {
        throw usage_error(fmt::format("{}: cannot be read", path));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The filters after the engine, in the documented order (docs/configuration.md): suppression
// comments, --select/--ignore, severity overrides; the baseline comes after in check_paths.
std::vector<diagnostic> filtered(std::vector<diagnostic> findings,
                                 const std::vector<node_folder>& folders, const options& given,
                                 const std::optional<config_file>& config) {
    findings = apply_suppressions(std::move(findings), folders);
    rule_selection selection;
    if (!given.select.empty()) {
        selection.select = checked_selectors(given.select, "--select");
    } else if (config && config->select) {
        selection.select = *config->select;
    }
    if (!given.ignore.empty()) {
        selection.ignore = checked_selectors(given.ignore, "--ignore");
    } else if (config && config->ignore) {
        selection.ignore = *config->ignore;
    }
    findings = apply_selection(std::move(findings), selection);
    if (config) {
        findings = apply_severities(std::move(findings), config->severities);
    }
    return findings;
}

// --fail-on, else the config file's fail_on, else warning.
severity failure_threshold(const options& given, const std::optional<config_file>& config) {
    if (!given.fail_on_given && config && config->fail_on) {
        return *config->fail_on;
    }
    return parse_severity(given.fail_on).value_or(severity::warning);
}

int exit_status(const std::vector<diagnostic>& findings, severity threshold) {
    const bool failed = std::any_of(findings.begin(), findings.end(),
                                    [&](const diagnostic& d) { return d.level >= threshold; });
    return failed ? exit_findings : exit_clean;
}

// --recursive: every node folder below the PATHs, sibling folders of one cluster checked
// together (docs/ci-integration.md). A progress line goes to stderr only on a terminal.
fleet_result check_recursively(const options& given, const std::optional<config_file>& config,
                               const host_context* host, std::ostream& err) {
    if (!given.node_names.empty()) {
        throw usage_error("--node cannot be used with --recursive (give each folder a nodeinfo)");
    }
    const auto folder_paths = find_node_folders(given.paths);
    const bool show_progress = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
    fleet_progress progress;
    if (show_progress) {
        // Every 64 folders or so (families finish a few folders at a time), and at the end.
        progress = [&err, shown = std::size_t{0}](std::size_t done, std::size_t total) mutable {
            if (done >= shown + 64 || done == total) {
                shown = done;
                err << fmt::format("\rhacheck: {}/{} folders checked", done, total)
                    << (done == total ? "\r\x1b[K" : "") << std::flush;
            }
        };
    }
    return check_fleet(
        folder_paths,
        [&](const std::vector<node_folder>& cluster) {
            return filtered(check(cluster, config ? &config->options : nullptr, host), cluster,
                            given, config);
        },
        progress);
}

// On-node checks read this machine only with --host; --resource-dir alone runs the
// resource-script rules on the directories given.
host_context host_context_for(const options& given, host_facts& machine) {
    host_context host;
    if (given.host) {
        machine = read_host_facts();
        host.facts = &machine;
        host.resource_dirs = default_resource_dirs();
    }
    if (!given.resource_dirs.empty()) {
        host.resource_dirs = given.resource_dirs;
    }
    return host;
}

// --write-baseline FILE: paths in the record are relative to FILE's folder.
void write_baseline_file(const std::string& file, const std::vector<diagnostic>& findings,
                         const source_index& sources) {
    const auto directory = std::filesystem::absolute(file).parent_path();
    try {
        write_file_atomically(file, to_json(make_baseline(findings, sources, directory)));
    } catch (const std::runtime_error& error) {
        throw usage_error(error.what());
    }
}

// --baseline FILE: the findings it does not record; a note when some of its entries are gone.
std::vector<diagnostic> without_baselined(std::vector<diagnostic> findings, const std::string& file,
                                          const source_index& sources, std::ostream& err) {
    baseline record;
    try {
        record = parse_baseline(read_whole_file(file), file);
    } catch (const baseline_error& error) {
        throw usage_error(error.what());
    }
    const auto directory = std::filesystem::absolute(file).parent_path();
    auto result = apply_baseline(std::move(findings), record, sources, directory);
    if (result.stale > 0) {
        err << fmt::format("hacheck: note: {} findings recorded in {} no longer occur\n",
                           result.stale, file);
    }
    return std::move(result.findings);
}

int check_paths(const options& given, std::ostream& out, std::ostream& err, bool out_is_terminal);

// --diff prints the fixes of the reported findings and exits as the check would; --fix writes
// them, then checks again and reports what remains (docs/autofix.md).
int fix_findings(const options& given, const std::vector<diagnostic>& findings,
                 const source_index& sources, const std::optional<config_file>& config,
                 std::ostream& out, std::ostream& err, bool out_is_terminal) {
    fix_plan plan;
    try {
        plan = plan_fixes(findings, sources);
        if (given.diff) {
            out << unified_diff(plan);
            out.flush();
            return exit_status(findings, failure_threshold(given, config));
        }
        write_changes(plan);
    } catch (const fix_error& error) {
        throw usage_error(error.what());
    }
    options again = given;
    again.fix = false;
    const int status = check_paths(again, out, err, out_is_terminal);
    err << fmt::format("hacheck: {} fixed ({} {} changed)", plan.fixed, plan.changes.size(),
                       plan.changes.size() == 1 ? "file" : "files");
    if (plan.skipped > 0) {
        err << fmt::format(", {} left for the next --fix (overlapping edits)", plan.skipped);
    }
    err << '\n';
    return status;
}

int check_paths(const options& given, std::ostream& out, std::ostream& err, bool out_is_terminal) {
    if (given.paths.empty()) {
        throw usage_error("no PATH given (try --help)");
    }
    const auto requests = output_requests(given.outputs);
    const std::string rules_url = rules_url_base(given.rules_url);
    checked_selectors(given.select, "--select"); // usage errors before any loading
    checked_selectors(given.ignore, "--ignore");
    std::optional<config_file> config;
    try {
        config = run_config(given.paths);
    } catch (const config_error& error) {
        throw usage_error(error.what());
    }
    const std::vector<node_folder> folders = given.recursive
                                                 ? std::vector<node_folder>{}
                                                 : load_node_folders(given.paths, given.node_names);

    host_facts machine;
    const host_context host = host_context_for(given, machine);
    const bool on_host = given.host || !given.resource_dirs.empty();
    fleet_result fleet;
    if (given.recursive) {
        fleet = check_recursively(given, config, on_host ? &host : nullptr, err);
    }
    auto diagnostics = given.recursive
                           ? std::move(fleet.diagnostics)
                           : filtered(check(folders, config ? &config->options : nullptr,
                                            on_host ? &host : nullptr),
                                      folders, given, config);
    const auto sources = given.recursive ? std::move(fleet.sources) : index_sources(folders);
    if ((given.fix || given.diff) && !given.write_baseline.empty()) {
        throw usage_error("--fix and --diff cannot be used with --write-baseline");
    }
    if (!given.write_baseline.empty()) {
        write_baseline_file(given.write_baseline, diagnostics, sources);
        out << fmt::format("hacheck: recorded {} findings in {}\n", diagnostics.size(),
                           given.write_baseline);
        return exit_clean;
    }
    if (!given.baseline.empty()) {
        diagnostics = without_baselined(std::move(diagnostics), given.baseline, sources, err);
    }
    if (given.fix || given.diff) {
        return fix_findings(given, diagnostics, sources, config, out, err, out_is_terminal);
    }
    render_input input;
    input.diagnostics = &diagnostics;
    input.sources = &sources;
    input.totals =
        summarize(diagnostics, given.recursive ? fleet.config_files : count_config_files(folders));
    input.sarif.tool_version = HAKIT_VERSION;
    input.sarif.information_uri = HAKIT_HOMEPAGE_URL;
    input.sarif.rules_url = rules_url;
    write_outputs(given, requests, input, out, out_is_terminal);

    return exit_status(diagnostics, failure_threshold(given, config));
}

} // namespace

int run_hacheck(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                bool out_is_terminal) {
    CLI::App app("Lint Linux-HA Heartbeat v1 configuration (ha.cf, haresources, authkeys).",
                 "hacheck");
    options given;
    define_options(app, given);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return exit_clean;
    } catch (const CLI::ParseError& error) {
        err << "hacheck: error: " << error.what() << '\n';
        return exit_usage;
    }

    return run_reporting_errors("hacheck", err, [&] {
        if (given.version) {
            out << version_text << '\n';
            return exit_clean;
        }
        if (given.list_rules) {
            list_rules(out);
            return exit_clean;
        }
        if (app.count("--explain") > 0) {
            const registered_rule* rule = find_rule(given.explain);
            if (rule == nullptr) {
                throw usage_error(
                    fmt::format("unknown rule '{}' (see --list-rules)", given.explain));
            }
            explain_rule(out, *rule->meta);
            return exit_clean;
        }
        return check_paths(given, out, err, out_is_terminal);
    });
}

int run_hacheck(int argc, const char* const* argv) {
    return run_hacheck(argc, argv, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1);
}

} // namespace hakit::lint
