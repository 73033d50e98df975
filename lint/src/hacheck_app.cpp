// hacheck: options, loading, engine, rendering and the exit code.
#include "hacheck_app.hpp"

#include <hakit/compiler/load.hpp>
#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/render.hpp>
#include <hakit/lint/rule.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace hakit::lint {
namespace {

constexpr std::string_view version_text = "hacheck (hakit) " HAKIT_VERSION;
constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_usage = 2;

struct options {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string fail_on = "warning";
    std::vector<std::string> node_names;
    std::string color = "auto";
    bool list_rules = false;
    std::string explain;
    bool version = false;
};

std::string_view scope_text(rule_scope scope) {
    return scope == rule_scope::node ? "one node folder" : "across node folders";
}

std::string_view trim_newlines(std::string_view text) {
    while (!text.empty() && text.front() == '\n') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == '\n') {
        text.remove_suffix(1);
    }
    return text;
}

void list_rules(std::ostream& out) {
    for (const auto& rule : all_rules()) {
        out << fmt::format("{}  {}  {}  {}\n", rule.meta->code, rule.meta->name,
                           to_string(rule.meta->level), rule.meta->summary);
    }
}

// Markdown, like the generated docs pages: heading, summary, the doc, then both examples.
void explain_rule(std::ostream& out, const rule_meta& meta) {
    out << fmt::format("# {} {}\n\n{}\n\n", meta.code, meta.name, meta.summary);
    out << fmt::format("Severity: {}. Scope: {}.", to_string(meta.level), scope_text(meta.scope));
    if (meta.heartbeat_refuses) {
        out << " Heartbeat 3.0.6 refuses to start on this.";
    }
    out << "\n\n" << trim_newlines(meta.doc) << "\n\n";
    out << "## Example that triggers it\n```\n" << trim_newlines(meta.bad) << "\n```\n\n";
    out << "## Example that passes\n```\n" << trim_newlines(meta.good) << "\n```\n";
}

int check_paths(const options& given, std::ostream& out, bool out_is_terminal) {
    if (given.paths.empty()) {
        throw usage_error("no PATH given (try --help)");
    }
    const std::vector<node_folder> folders = load_node_folders(given.paths, given.node_names);

    const auto diagnostics = check(folders);
    const auto totals = summarize(diagnostics, count_config_files(folders));
    if (given.format == "json") {
        render_json(out, diagnostics, totals);
    } else {
        render_text(out, diagnostics, index_sources(folders), totals,
                    use_color(given.color, out_is_terminal));
    }
    out.flush();

    const severity threshold = parse_severity(given.fail_on).value_or(severity::warning);
    const bool failed = std::any_of(diagnostics.begin(), diagnostics.end(),
                                    [&](const diagnostic& d) { return d.level >= threshold; });
    return failed ? exit_findings : exit_clean;
}

void define_options(CLI::App& app, options& given) {
    app.add_option("PATH", given.paths,
                   "A node folder (laid out like /etc/ha.d) or a single ha.cf, haresources or "
                   "authkeys file; folders given together form one cluster");
    app.add_option("--format", given.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_str("text");
    app.add_option("--fail-on", given.fail_on,
                   "Exit with 1 when a finding at or above this severity exists")
        ->check(CLI::IsMember({"error", "warning", "info"}))
        ->default_str("warning");
    app.add_option("--node", given.node_names,
                   "Local node name for the folder DIR (as given) when it has no nodeinfo file")
        ->type_name("DIR=NAME")
        ->allow_extra_args(false);
    app.add_option("--color", given.color,
                   "Colour the text output (auto: when stdout is a terminal and NO_COLOR is "
                   "unset)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
    app.add_flag("--list-rules", given.list_rules, "List every rule and exit");
    app.add_option("--explain", given.explain, "Explain a rule and exit")->type_name("CODE|NAME");
    app.add_flag("--version", given.version, "Print the version and exit");
    app.footer("Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O "
               "error.");
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

    try {
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
        return check_paths(given, out, out_is_terminal);
    } catch (const usage_error& error) {
        err << "hacheck: error: " << error.what() << '\n';
    } catch (const load_error& error) {
        err << "hacheck: error: " << error.what() << '\n';
    } catch (const std::exception& error) {
        // A bug, or a system error the loader did not translate: still one line, still exit 2.
        err << "hacheck: error: internal error: " << error.what() << '\n';
    }
    return exit_usage;
}

int run_hacheck(int argc, const char* const* argv) {
    return run_hacheck(argc, argv, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1);
}

} // namespace hakit::lint
