#include "hacheck_options.hpp"

#include <hakit/lint/render_format.hpp>

namespace hakit::lint {

void define_options(CLI::App& app, hacheck_options& given) {
    app.add_option("PATH", given.paths,
                   "A node folder (laid out like /etc/ha.d) or a single ha.cf, haresources or "
                   "authkeys file; folders given together form one cluster");
    app.add_option("--format", given.format, "Output format on stdout (docs/output-formats.md)")
        ->check(CLI::IsMember(output_format_names()))
        ->default_str("text");
    app.add_option("--output", given.outputs,
                   "Also write the findings in FORMAT to FILE (atomically); repeatable")
        ->type_name("FORMAT=FILE")
        ->allow_extra_args(false);
    app.add_option("--rules-url", given.rules_url,
                   "Absolute base URL of the rule pages for SARIF helpUri ('' for none)")
        ->type_name("URL")
        ->default_str(HAKIT_RULES_URL);
    app.add_option("--fail-on", given.fail_on,
                   "Exit with 1 when a finding at or above this severity exists")
        ->check(CLI::IsMember({"error", "warning", "info"}))
        ->default_str("warning")
        ->each([&given](const std::string&) { given.fail_on_given = true; });
    app.add_option("--select", given.select,
                   "Report only these rules: codes, names or code prefixes (HA1), comma lists "
                   "allowed; repeatable")
        ->type_name("RULES")
        ->allow_extra_args(false);
    app.add_option("--ignore", given.ignore,
                   "Do not report these rules (same forms as --select); wins over --select")
        ->type_name("RULES")
        ->allow_extra_args(false);
    app.add_option("--baseline", given.baseline,
                   "Report only findings not recorded in this baseline file")
        ->type_name("FILE");
    app.add_option("--write-baseline", given.write_baseline,
                   "Record the findings in FILE as a baseline and exit with 0")
        ->type_name("FILE");
    app.add_option("--node", given.node_names,
                   "Local node name for the folder DIR (as given) when it has no nodeinfo file")
        ->type_name("DIR=NAME")
        ->allow_extra_args(false);
    app.add_option("--color", given.color,
                   "Colour the text output (auto: when stdout is a terminal and NO_COLOR is "
                   "unset)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
    app.add_flag("--recursive", given.recursive,
                 "Fleet mode: check every folder holding an ha.cf below each PATH; sibling "
                 "folders declaring the same nodes form one cluster");
    app.add_flag("--host", given.host,
                 "On-node mode: also check this machine's interfaces, node name, resource "
                 "scripts and file owners (docs/on-node.md)");
    app.add_option("--resource-dir", given.resource_dirs,
                   "Look for haresources scripts in DIR (repeatable, searched in order; "
                   "--host alone searches /etc/ha.d/resource.d, then /etc/init.d)")
        ->type_name("DIR")
        ->allow_extra_args(false);
    app.add_flag("--fix", given.fix,
                 "Apply the fixes that keep the cluster's behaviour (docs/autofix.md), then "
                 "report what remains");
    app.add_flag("--diff", given.diff,
                 "Print those fixes as a unified diff and change nothing (exit status as "
                 "without --diff)");
    app.add_flag("--list-rules", given.list_rules, "List every rule and exit");
    app.add_option("--explain", given.explain, "Explain a rule and exit")->type_name("CODE|NAME");
    app.add_flag("--version", given.version, "Print the version and exit");
    app.footer("Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O "
               "error.");
}

} // namespace hakit::lint
