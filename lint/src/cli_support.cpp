// Command-line helpers shared by hacheck and hacompile.
#include <hakit/lint/cli_support.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace hakit::lint {

std::string_view without_trailing_slashes(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') {
        path.remove_suffix(1);
    }
    return path;
}

void reject_repeated_paths(const std::vector<std::string>& paths) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (without_trailing_slashes(paths[i]) == without_trailing_slashes(paths[j])) {
                throw usage_error(fmt::format("{}: given twice", paths[i]));
            }
        }
    }
}

std::map<std::string, std::string> node_names_by_path(const std::vector<std::string>& arguments,
                                                      const std::vector<std::string>& paths) {
    std::map<std::string, std::string> names;
    for (const auto& argument : arguments) {
        const auto equals = argument.rfind('=');
        if (equals == std::string::npos || equals == 0) {
            throw usage_error(fmt::format("--node {}: expected DIR=NAME", argument));
        }
        const std::string_view dir = std::string_view(argument).substr(0, equals);
        const std::string name = argument.substr(equals + 1);
        if (name.empty()) {
            throw usage_error(fmt::format("--node {}: the node name is empty", argument));
        }
        const auto path = std::find_if(paths.begin(), paths.end(), [&](const std::string& p) {
            return without_trailing_slashes(p) == without_trailing_slashes(dir);
        });
        if (path == paths.end()) {
            throw usage_error(fmt::format("--node {}: {} is not one of the PATHs", argument, dir));
        }
        if (!names.emplace(*path, name).second) {
            throw usage_error(fmt::format("--node {}: {} already has a node name", argument, dir));
        }
    }
    return names;
}

std::vector<node_folder> load_node_folders(const std::vector<std::string>& paths,
                                           const std::vector<std::string>& node_arguments) {
    reject_repeated_paths(paths);
    load_options loading;
    loading.node_names = node_names_by_path(node_arguments, paths);

    std::vector<node_folder> folders;
    folders.reserve(paths.size());
    for (const auto& path : paths) {
        folders.push_back(load_node_folder(path, loading));
    }
    return folders;
}

std::size_t count_config_files(const std::vector<node_folder>& folders) {
    std::size_t files = 0;
    for (const auto& folder : folders) {
        files += folder.config_sources().size();
    }
    return files;
}

source_index index_sources(const std::vector<node_folder>& folders) {
    source_index sources;
    for (const auto& folder : folders) {
        for (const auto& source : folder.config_sources()) {
            sources.emplace(source->path(), source);
        }
    }
    return sources;
}

bool use_color(std::string_view choice, bool stream_is_terminal) {
    if (choice == "always") {
        return true;
    }
    if (choice == "never") {
        return false;
    }
    // no-color.org: NO_COLOR counts only when set to a non-empty value.
    const char* no_color = std::getenv("NO_COLOR");
    return stream_is_terminal && (no_color == nullptr || *no_color == '\0');
}

int run_reporting_errors(std::string_view tool, std::ostream& err,
                         const std::function<int()>& body) {
    try {
        return body();
    } catch (const tool_error& error) {
        err << tool << ": error: " << error.what() << '\n';
    } catch (const load_error& error) {
        err << tool << ": error: " << error.what() << '\n';
    } catch (const std::exception& error) {
        err << tool << ": error: internal error: " << error.what() << '\n';
    }
    return 2;
}

} // namespace hakit::lint
