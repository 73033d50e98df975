// hacompile: options, loading, validation, the emitter, diagnostics and the output files.
#include "hacompile_app.hpp"
#include "output_files.hpp"

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>
#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/render.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace hakit::compile {
namespace {

using lint::usage_error;

constexpr std::string_view version_text = "hacompile (hakit) " HAKIT_VERSION;
constexpr int exit_written = 0;
constexpr int exit_refused = 1;
constexpr int exit_usage = 2;

struct options {
    std::vector<std::string> paths;
    std::string target;
    std::string output = "-";
    std::vector<std::string> node_names;
    std::string color = "auto";
    bool force = false;
    bool include_secrets = false;
    bool verbose = false;
    bool list_targets = false;
    bool version = false;
};

std::string target_names() {
    std::string names;
    for (const auto& target : emit::all_targets()) {
        names += names.empty() ? "" : ", ";
        names += target.name;
    }
    return names.empty() ? std::string("none") : names;
}

std::string target_list() {
    std::size_t width = 0;
    for (const auto& target : emit::all_targets()) {
        width = std::max(width, target.name.size());
    }
    std::string list;
    for (const auto& target : emit::all_targets()) {
        list += fmt::format("  {:<{}}  {}\n", target.name, width, target.summary);
    }
    return list;
}

const emit::target_info& find_target_or_throw(const std::string& name) {
    if (name.empty()) {
        throw usage_error(fmt::format("no --target given (targets: {})", target_names()));
    }
    const emit::target_info* target = emit::find_target(name);
    if (target == nullptr) {
        throw usage_error(fmt::format("unknown target '{}' (targets: {})", name, target_names()));
    }
    return *target;
}

bool is_error(const diagnostic& finding) {
    return finding.level == severity::error;
}

bool has_errors(const std::vector<diagnostic>& findings) {
    return std::any_of(findings.begin(), findings.end(), is_error);
}

class compilation {
  public:
    compilation(const options& given, std::ostream& out, std::ostream& err, bool color)
        : given_(given), out_(out), err_(err), color_(color) {}

    int run() {
        if (given_.paths.empty()) {
            throw usage_error("no PATH given (try --help)");
        }
        const emit::target_info& target = find_target_or_throw(given_.target);
        if (given_.output.empty()) {
            throw usage_error("-o needs a directory, or - for stdout");
        }
        folders_ = lint::load_node_folders(given_.paths, given_.node_names);

        // Validation first: errors stop everything unless --force carries them along.
        const std::vector<diagnostic> validation = lint::check(folders_);
        if (has_errors(validation) && !given_.force) {
            print(validation);
            return exit_refused;
        }
        emit::emit_options emit_options;
        emit_options.include_secrets = given_.include_secrets;
        std::vector<diagnostic> shown;
        for (const auto& finding : validation) {
            if (is_error(finding)) {
                emit_options.forced_errors.push_back(finding);
            }
            if (is_error(finding) || given_.verbose) {
                shown.push_back(finding);
            }
        }

        std::vector<const node_folder*> pointers;
        for (const auto& folder : folders_) {
            pointers.push_back(&folder);
        }
        const ir::cluster_model cluster = ir::join_cluster(pointers);
        const emit::emit_input input{folders_, cluster, emit_options};
        const emit::emit_result result = target.emit(input);

        const bool to_stdout = given_.output == "-";
        if (to_stdout && result.files.size() > 1) {
            throw usage_error(fmt::format("target '{}' writes {} files: use -o DIR", target.name,
                                          result.files.size()));
        }
        shown.insert(shown.end(), result.diagnostics.begin(), result.diagnostics.end());
        sort_diagnostics(shown);
        print(shown);
        if (has_errors(result.diagnostics) && !given_.force) {
            return exit_refused;
        }
        if (to_stdout) {
            for (const auto& file : result.files) {
                out_ << file.content;
            }
            out_.flush();
        } else {
            write_output_directory(given_.output, result.files);
        }
        return exit_written;
    }

  private:
    void print(const std::vector<diagnostic>& findings) {
        if (findings.empty()) {
            return;
        }
        lint::render_text(err_, findings, lint::index_sources(folders_),
                          lint::summarize(findings, lint::count_config_files(folders_)), color_);
        err_.flush();
    }

    const options& given_;
    std::ostream& out_;
    std::ostream& err_;
    bool color_;
    std::vector<node_folder> folders_;
};

void define_options(CLI::App& app, options& given) {
    app.add_option("PATH", given.paths,
                   "A node folder (laid out like /etc/ha.d) or a single ha.cf, haresources or "
                   "authkeys file; folders given together form one cluster");
    app.add_option("-t,--target", given.target, "What to compile to (see --list-targets)")
        ->type_name("TARGET");
    app.add_option("-o,--output", given.output,
                   "Directory to write the files into, created if needed; '-' (the default) "
                   "prints the single file of the target to stdout")
        ->type_name("DIR|-");
    app.add_option("--node", given.node_names,
                   "Local node name for the folder DIR (as given) when it has no nodeinfo file")
        ->type_name("DIR=NAME")
        ->allow_extra_args(false);
    app.add_flag("--force", given.force,
                 "Compile even when validation or the target finds errors (they are printed and "
                 "put into the output where it has comments)");
    app.add_flag("--include-secrets", given.include_secrets,
                 "Put the authkeys keys into targets that can carry them (files then mode 0600)");
    app.add_flag("--verbose", given.verbose, "Also print the warnings and infos of validation");
    app.add_option("--color", given.color,
                   "Colour the diagnostics on stderr (auto: when stderr is a terminal and "
                   "NO_COLOR is unset)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
    app.add_flag("--list-targets", given.list_targets, "List every target and exit");
    app.add_flag("--version", given.version, "Print the version and exit");
    app.footer("Targets:\n" + target_list() +
               "\nExit status: 0 compiled, 1 errors in validation or the target (nothing "
               "written), 2 usage or I/O error.");
}

} // namespace

int run_hacompile(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                  bool err_is_terminal) {
    CLI::App app("Compile Linux-HA Heartbeat v1 configuration (ha.cf, haresources, authkeys) "
                 "into a runtime plan, Pacemaker, Corosync, keepalived and other formats.",
                 "hacompile");
    options given;
    define_options(app, given);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return exit_written;
    } catch (const CLI::ParseError& error) {
        err << "hacompile: error: " << error.what() << '\n';
        return exit_usage;
    }

    return lint::run_reporting_errors("hacompile", err, [&] {
        if (given.version) {
            out << version_text << '\n';
            return exit_written;
        }
        if (given.list_targets) {
            out << target_list();
            return exit_written;
        }
        return compilation(given, out, err, lint::use_color(given.color, err_is_terminal)).run();
    });
}

int run_hacompile(int argc, const char* const* argv) {
    return run_hacompile(argc, argv, std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1);
}

} // namespace hakit::compile
