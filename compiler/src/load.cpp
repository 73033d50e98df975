// Reading node folders and single files from disk (or memory) into trees and the IR.
#include "resolve.hpp"

#include <hakit/compiler/load.hpp>
#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace hakit {
namespace {

std::string join_path(const std::string& folder, std::string_view name) {
    if (folder.empty()) {
        return std::string(name);
    }
    if (folder.back() == '/') {
        return folder + std::string(name);
    }
    return folder + "/" + std::string(name);
}

std::string base_name(const std::string& path) {
    std::string trimmed = path;
    while (trimmed.size() > 1 && trimmed.back() == '/') {
        trimmed.pop_back();
    }
    const auto slash = trimmed.rfind('/');
    return slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
}

enum class path_type { missing, directory, file };

// `mode`, when given, receives the permission bits (st_mode & 07777) of what exists.
path_type stat_path(const std::string& path, std::string& error, unsigned* mode = nullptr) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        error = errno == ENOENT ? "no such file or directory" : std::strerror(errno);
        return path_type::missing;
    }
    if (mode != nullptr) {
        *mode = static_cast<unsigned>(info.st_mode) & 07777U;
    }
    return S_ISDIR(info.st_mode) ? path_type::directory : path_type::file;
}

shared_source read_or_throw(const std::string& path) {
    std::string error;
    auto source = read_source_file(path, error);
    if (!source) {
        throw load_error(fmt::format("{}: cannot read: {}", path, error));
    }
    return source;
}

void parse_into(node_folder& folder, file_kind kind, const shared_source& source) {
    switch (kind) {
    case file_kind::ha_cf:
        folder.ha_cf = grammar::parse_ha_cf(source);
        break;
    case file_kind::haresources:
        folder.haresources = grammar::parse_haresources(source);
        break;
    case file_kind::authkeys:
        folder.authkeys = grammar::parse_authkeys(source);
        break;
    }
}

void set_nodeinfo(node_folder& folder, const source_file& source) {
    // Heartbeat uses the first line as is: a CRLF or trailing blank becomes part of the name.
    const auto& bytes = source.bytes();
    const auto end = bytes.find('\n');
    folder.nodeinfo = grammar::token{bytes.substr(0, end), location{source.path(), 1, 1}};
}

std::optional<unsigned> file_mode(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return static_cast<unsigned>(info.st_mode) & 07777U;
}

void set_expected_paths(node_folder& folder) {
    folder.expected_path_ha_cf = join_path(folder.path, "ha.cf");
    folder.expected_path_haresources = join_path(folder.path, "haresources");
    folder.expected_path_authkeys = join_path(folder.path, "authkeys");
}

node_folder load_directory(const std::string& path) {
    node_folder folder;
    folder.path = path;
    set_expected_paths(folder);
    bool any = false;
    for (auto kind : {file_kind::ha_cf, file_kind::haresources, file_kind::authkeys}) {
        const std::string file = join_path(path, to_string(kind));
        std::string error;
        unsigned mode = 0;
        const auto type = stat_path(file, error, &mode);
        if (type == path_type::missing) {
            continue;
        }
        if (type == path_type::directory) {
            throw load_error(fmt::format("{}: is a directory, expected a file", file));
        }
        any = true;
        parse_into(folder, kind, read_or_throw(file));
        if (kind == file_kind::authkeys) {
            folder.authkeys_mode = mode;
        }
    }
    if (!any) {
        throw load_error(fmt::format("{}: not a node folder (no ha.cf, haresources or authkeys "
                                     "in it)",
                                     path));
    }
    const std::string nodeinfo = join_path(path, "nodeinfo");
    std::string error;
    if (stat_path(nodeinfo, error) == path_type::file) {
        set_nodeinfo(folder, *read_or_throw(nodeinfo));
    }
    return folder;
}

node_folder load_single_file(const std::string& path) {
    const auto kind = file_kind_from_name(base_name(path));
    if (!kind) {
        throw load_error(fmt::format("{}: cannot tell which Heartbeat file this is from its "
                                     "name (it should contain ha.cf, haresources or authkeys)",
                                     path));
    }
    node_folder folder;
    folder.path = path;
    folder.single_file = true;
    folder.single_kind = kind;
    folder.expected_path_ha_cf = folder.expected_path_haresources = folder.expected_path_authkeys =
        path;
    parse_into(folder, *kind, read_or_throw(path));
    if (*kind == file_kind::authkeys) {
        folder.authkeys_mode = file_mode(path);
    }
    return folder;
}

} // namespace

void resolve_node_folder(node_folder& folder, const std::optional<std::string>& node_name) {
    auto& config = folder.ir;
    config = ir::node_config{};
    resolve::apply_ha_cf(folder.ha_cf ? &*folder.ha_cf : nullptr, folder.expected_path_ha_cf,
                         config);
    if (folder.haresources) {
        resolve::apply_haresources(*folder.haresources, config);
    }
    if (folder.authkeys) {
        resolve::apply_authkeys(*folder.authkeys, config);
    }
    // Heartbeat's own mechanism first: nodeinfo names the node; --node is for folders without.
    if (folder.nodeinfo) {
        config.local_name =
            ir::value<std::string>{values::to_lower_ascii(folder.nodeinfo->text),
                                   folder.nodeinfo->where, ir::origin::explicit_value};
    } else if (node_name) {
        config.local_name =
            ir::value<std::string>{values::to_lower_ascii(*node_name), location{folder.path, 0, 0},
                                   ir::origin::explicit_value};
    }
}

node_folder load_node_folder(const std::string& path, const load_options& options) {
    std::string error;
    const auto type = stat_path(path, error);
    if (type == path_type::missing) {
        throw load_error(fmt::format("{}: {}", path, error));
    }
    node_folder folder =
        type == path_type::directory ? load_directory(path) : load_single_file(path);
    std::optional<std::string> node_name;
    if (auto found = options.node_names.find(path); found != options.node_names.end()) {
        node_name = found->second;
        if (folder.nodeinfo && !values::iequals(folder.nodeinfo->text, *node_name)) {
            throw load_error(fmt::format("--node {}={} contradicts {} ('{}'), which Heartbeat "
                                         "would use",
                                         path, *node_name, folder.nodeinfo->where.file,
                                         folder.nodeinfo->text));
        }
    }
    resolve_node_folder(folder, node_name);
    return folder;
}

node_folder load_node_folder_from_memory(const std::string& path,
                                         const std::map<std::string, std::string>& files,
                                         std::optional<unsigned> authkeys_mode,
                                         const std::optional<std::string>& node_name) {
    node_folder folder;
    folder.path = path;
    set_expected_paths(folder);
    for (const auto& [name, contents] : files) {
        const std::string file = join_path(path, name);
        auto source = std::make_shared<const source_file>(file, contents);
        if (name == "nodeinfo") {
            set_nodeinfo(folder, *source);
            continue;
        }
        const auto kind = file_kind_from_name(name);
        if (!kind) {
            throw load_error(fmt::format("{}: not a node folder file name", file));
        }
        parse_into(folder, *kind, source);
    }
    if (folder.authkeys) {
        folder.authkeys_mode = authkeys_mode;
    }
    resolve_node_folder(folder, node_name);
    return folder;
}

} // namespace hakit
