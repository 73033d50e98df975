#include <hakit/runtime/node/node_name.hpp>

#include <fmt/format.h>

#include <fstream>
#include <sys/utsname.h>

namespace hakit::runtime::node {

std::string lowercase_ascii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return lower;
}

std::string system_node_name() {
    struct utsname names {};
    if (::uname(&names) != 0) {
        return {};
    }
    return names.nodename;
}

namespace {

struct named {
    std::string name;
    std::string origin;
};

named pick_name(const node_name_sources& sources) {
    if (sources.option) {
        return {*sources.option, "--node"};
    }
    const auto nodeinfo = sources.ha_d / "nodeinfo";
    if (std::ifstream in{nodeinfo, std::ios::binary}) {
        std::string first_line;
        std::getline(in, first_line);
        return {first_line, nodeinfo.string()};
    }
    return {sources.uname, "uname -n"};
}

std::string known_names(const runtime_plan& plan) {
    std::string names;
    for (const auto& node : plan.nodes) {
        names += names.empty() ? "" : ", ";
        names += node.name;
    }
    return names;
}

} // namespace

outcome<std::string> choose_local_node(const node_name_sources& sources, const runtime_plan& plan) {
    const named chosen = pick_name(sources);
    const std::string name = lowercase_ascii(chosen.name);
    if (name.empty()) {
        return failure{fmt::format("the local node name from {} is empty", chosen.origin)};
    }
    if (plan.find_node(name) == nullptr) {
        return failure{fmt::format("the local node name \"{}\" (from {}) is not one of the plan's "
                                   "nodes ({}); use --node NAME or a nodeinfo file",
                                   name, chosen.origin, known_names(plan))};
    }
    return name;
}

} // namespace hakit::runtime::node
