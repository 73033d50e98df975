#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>
#include <hakit/lint/cli_support.hpp>
#include <hakit/lint/engine.hpp>
#include <hakit/lint/render.hpp>
#include <hakit/runtime/daemon/plan_source.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <sstream>
#include <vector>

namespace hakit::runtime::daemon {
namespace {

bool is_error(const diagnostic& finding) {
    return finding.level == severity::error;
}

std::string render(const std::vector<node_folder>& folders,
                   const std::vector<diagnostic>& findings) {
    std::ostringstream text;
    lint::render_text(text, findings, lint::index_sources(folders),
                      lint::summarize(findings, lint::count_config_files(folders)), false);
    return text.str();
}

} // namespace

std::variant<std::string, plan_failure> compile_plan(const std::filesystem::path& folder,
                                                     const std::optional<std::string>& node_name) {
    try {
        const std::string path = folder.string();
        std::vector<std::string> node_arguments;
        // nodeinfo wins in the loader; --node only fills in when the folder has none.
        std::error_code ignored;
        if (node_name && !std::filesystem::exists(folder / "nodeinfo", ignored)) {
            node_arguments.push_back(path + "=" + *node_name);
        }
        std::vector<node_folder> folders = lint::load_node_folders({path}, node_arguments);
        std::vector<diagnostic> findings = lint::check(folders);
        std::vector<diagnostic> errors;
        std::copy_if(findings.begin(), findings.end(), std::back_inserter(errors), is_error);
        if (!errors.empty()) {
            return plan_failure{fmt::format("{} does not validate ({} error{})", path,
                                            errors.size(), errors.size() == 1 ? "" : "s"),
                                render(folders, errors)};
        }
        const emit::target_info* target = emit::find_target("plan");
        if (target == nullptr) {
            return plan_failure{"this build has no plan target", ""};
        }
        emit::emit_options options;
        options.include_secrets = true;
        std::vector<const node_folder*> pointers;
        for (const node_folder& item : folders) {
            pointers.push_back(&item);
        }
        const ir::cluster_model cluster = ir::join_cluster(pointers);
        const emit::emit_result result = target->emit(emit::emit_input{folders, cluster, options});
        std::vector<diagnostic> emit_errors;
        std::copy_if(result.diagnostics.begin(), result.diagnostics.end(),
                     std::back_inserter(emit_errors), is_error);
        if (!emit_errors.empty() || result.files.size() != 1) {
            return plan_failure{fmt::format("{}: the plan target refused the folder", path),
                                render(folders, emit_errors)};
        }
        return result.files.front().content;
    } catch (const std::exception& error) {
        // load_error and usage_error: unreadable folder, contradicting node names.
        return plan_failure{error.what(), ""};
    }
}

std::variant<node::runtime_plan, plan_failure> load_runtime_plan(const plan_source& source) {
    if (source.config_dir) {
        auto compiled = compile_plan(*source.config_dir, source.node_name);
        if (auto* failure = std::get_if<plan_failure>(&compiled)) {
            return std::move(*failure);
        }
        auto plan = node::parse_plan(std::get<std::string>(compiled));
        if (!plan) {
            return plan_failure{plan.error(), ""};
        }
        return std::move(plan.value());
    }
    if (!source.plan_file) {
        return plan_failure{"no plan given (--plan FILE or --config DIR)", ""};
    }
    auto plan = node::load_plan(*source.plan_file);
    if (!plan) {
        return plan_failure{plan.error(), ""};
    }
    return std::move(plan.value());
}

} // namespace hakit::runtime::daemon
