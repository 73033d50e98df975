#include "cib_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace hakit::test {

emit::emit_result cib_cluster::emit_cib() const {
    const emit::target_info* target = emit::find_target("cib");
    REQUIRE(target != nullptr);
    const emit::emit_input input{folders, cluster, options};
    return target->emit(input);
}

std::string cib_cluster::cib_text() const {
    const auto result = emit_cib();
    REQUIRE(result.files.size() == 1);
    REQUIRE(result.files.front().name == "cib.xml");
    return result.files.front().content;
}

void rejoin(cib_cluster& cluster) {
    std::vector<const node_folder*> pointers;
    for (const node_folder& folder : cluster.folders) {
        pointers.push_back(&folder);
    }
    cluster.cluster = ir::join_cluster(pointers);
}

cib_cluster load_cib_cluster(const std::vector<fs::path>& paths) {
    cib_cluster result;
    for (const fs::path& path : paths) {
        result.folders.push_back(load_node_folder(path.string(), {}));
        if (result.folders.back().authkeys_mode) {
            result.folders.back().authkeys_mode = 0600U; // git keeps no modes; a node has 0600
        }
    }
    rejoin(result);
    return result;
}

cib_cluster load_cib_cluster_from_memory(const std::map<std::string, std::string>& files,
                                         const std::string& local_node) {
    cib_cluster result;
    result.folders.push_back(load_node_folder_from_memory(local_node, files, 0600, local_node));
    rejoin(result);
    return result;
}

fs::path example_folder(const std::string& relative) {
    return fs::path(HAKIT_SOURCE_DIR) / "examples" / relative;
}

verify_result crm_verify(const fs::path& cib_file) {
    const run_result run = run_process("crm_verify", {"--xml-file", cib_file.string()});
    verify_result result;
    result.report = describe_end(run) + "\nstdout:\n" + run.out + "\nstderr:\n" + run.err;
    const bool quiet =
        run.out.find("rror") == std::string::npos && run.err.find("rror") == std::string::npos;
    result.ok = run.exited() && run.exit_code == 0 && quiet;
    return result;
}

verbose_verify_result crm_verify_verbose(const fs::path& cib_file) {
    const run_result run = run_process("crm_verify", {"-V", "--xml-file", cib_file.string()});
    verbose_verify_result result;
    result.report = describe_end(run) + "\nstdout:\n" + run.out + "\nstderr:\n" + run.err;
    result.has_error = !run.exited() || run.exit_code == 1 ||
                       (run.out + run.err).find("error:") != std::string::npos;
    std::istringstream lines(run.out + run.err);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("warning:") != std::string::npos) {
            result.warnings.push_back(line);
        }
    }
    return result;
}

namespace {

run_result run_checked(const std::string& program, const std::vector<std::string>& args,
                       const run_options& options = {}) {
    run_result run = run_process(program, args, options);
    if (!run.exited() || run.exit_code != 0) {
        std::ostringstream message;
        message << program;
        for (const auto& arg : args) {
            message << ' ' << arg;
        }
        message << ": " << describe_end(run) << "\n" << run.out << run.err;
        throw std::runtime_error(message.str());
    }
    return run;
}

} // namespace

void crm_simulate_step(const fs::path& input, const node_events& events, const fs::path& output) {
    std::vector<std::string> args{"--xml-file", input.string(),  "--simulate",
                                  "--quiet",    "--save-output", output.string()};
    for (const auto& node : events.up) {
        args.insert(args.end(), {"--node-up", node});
    }
    for (const auto& node : events.fail) {
        args.insert(args.end(), {"--node-fail", node});
    }
    run_checked("crm_simulate", args);
}

void set_node_attribute(const fs::path& cib_file, const std::string& node, const std::string& name,
                        const std::string& value) {
    run_options options;
    options.set_env["CIB_file"] = cib_file.string();
    run_checked("crm_attribute",
                {"--node", node, "--name", name, "--update", value, "--lifetime", "reboot"},
                options);
}

void forget_node_state(const fs::path& cib_file, const std::string& node) {
    run_options options;
    options.set_env["CIB_file"] = cib_file.string();
    for (const auto* part : {"lrm", "transient_attributes"}) {
        const std::string xpath = "//node_state[@uname='" + node + "']/" + part;
        run_checked("cibadmin", {"--delete-all", "--force", "--xpath", xpath}, options);
    }
}

std::vector<std::string> locate(const fs::path& cib_file, const std::string& resource) {
    run_options options;
    options.set_env["CIB_file"] = cib_file.string();
    const run_result run =
        run_process("crm_resource", {"--locate", "--resource", resource, "--quiet"}, options);
    if (!run.exited() || run.exit_code != 0) {
        throw std::runtime_error("crm_resource --locate " + resource + ": " + describe_end(run) +
                                 "\n" + run.out + run.err);
    }
    std::vector<std::string> nodes;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
            line.pop_back();
        }
        if (!line.empty()) {
            nodes.push_back(line);
        }
    }
    std::sort(nodes.begin(), nodes.end());
    return nodes;
}

} // namespace hakit::test
