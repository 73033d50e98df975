#include "format_codes.hpp"
#include "format_files.hpp"
#include "format_layout.hpp"
#include "format_text.hpp"

#include <fmt/format.h>

#include <set>

namespace hakit::emit::format {
namespace {

std::string base_name(std::string path) {
    while (path.size() > 1 && path.back() == '/') {
        path.pop_back();
    }
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string directory_name(const node_folder& folder) {
    std::string name = folder.ir.local_name ? folder.ir.local_name->v : base_name(folder.path);
    for (char& c : name) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!safe) {
            c = '_';
        }
    }
    if (name.empty() || name == "." || name == "..") {
        name = "node";
    }
    return name;
}

bool has_file(const node_folder& folder, file_kind kind) {
    switch (kind) {
    case file_kind::ha_cf:
        return folder.ha_cf.has_value();
    case file_kind::haresources:
        return folder.haresources.has_value();
    case file_kind::authkeys:
        return folder.authkeys.has_value();
    }
    return false;
}

const std::string& expected_path(const node_folder& folder, file_kind kind) {
    switch (kind) {
    case file_kind::ha_cf:
        return folder.expected_path_ha_cf;
    case file_kind::haresources:
        return folder.expected_path_haresources;
    case file_kind::authkeys:
        break;
    }
    return folder.expected_path_authkeys;
}

std::string with_forced_errors(const std::vector<diagnostic>& errors, const std::string& text) {
    if (errors.empty()) {
        return text;
    }
    std::vector<std::string> lines = text::forced_error_lines(errors, "# ");
    if (!text.empty()) {
        lines.emplace_back(); // a header of its own: never attached to the first entry
    }
    return layout::join_lines(lines) + text;
}

} // namespace

std::vector<std::string> node_directory_names(const std::vector<node_folder>& folders) {
    std::vector<std::string> names;
    std::set<std::string> taken;
    for (const auto& folder : folders) {
        const std::string wanted = directory_name(folder);
        std::string name = wanted;
        for (int suffix = 2; taken.count(name) != 0; ++suffix) {
            name = fmt::format("{}-{}", wanted, suffix);
        }
        taken.insert(name);
        names.push_back(std::move(name));
    }
    return names;
}

emit_result emit_canonical(const emit_input& input, file_kind kind, formatter format,
                           unsigned mode) {
    emit_result result;
    const auto directories = node_directory_names(input.folders);
    const std::string file_name(to_string(kind));
    for (std::size_t i = 0; i < input.folders.size(); ++i) {
        const node_folder& folder = input.folders[i];
        if (!has_file(folder, kind)) {
            continue;
        }
        formatted output = format(folder);
        emitted_file file;
        file.name = input.folders.size() > 1 ? directories[i] + "/" + file_name : file_name;
        file.content = with_forced_errors(input.options.forced_errors, output.text);
        file.mode = mode;
        result.files.push_back(std::move(file));
        result.diagnostics.insert(result.diagnostics.end(), output.diagnostics.begin(),
                                  output.diagnostics.end());
    }
    if (result.files.empty()) {
        const std::string where =
            input.folders.empty() ? file_name : expected_path(input.folders.front(), kind);
        result.diagnostics.push_back(format_codes::make(
            format_codes::file_missing, location{where, 0, 0},
            fmt::format("no input has a {} file, so the {} target has nothing to format", file_name,
                        file_name)));
    }
    sort_diagnostics(result.diagnostics);
    return result;
}

} // namespace hakit::emit::format
