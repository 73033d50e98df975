#include <hakit/runtime/resources/resource.hpp>

#include <cstddef>

namespace hakit::runtime::resources {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

constexpr std::string_view separator = "::";

} // namespace

std::string_view action_name(script_action action) {
    switch (action) {
    case script_action::start:
        return "start";
    case script_action::stop:
        return "stop";
    case script_action::status:
        return "status";
    }
    return "status";
}

bool looks_like_ip(std::string_view token) {
    // [0-9]*.[0-9]*.[0-9]*.[0-9]*: a leading digit, then three ".<digit>" in order anywhere
    // after it. Taking the leftmost match of each is enough because `*` absorbs the rest.
    if (token.empty() || !is_digit(token.front())) {
        return false;
    }
    std::size_t from = 1;
    for (int dot = 0; dot < 3; ++dot) {
        std::size_t found = std::string_view::npos;
        for (std::size_t i = from; i + 1 < token.size(); ++i) {
            if (token[i] == '.' && is_digit(token[i + 1])) {
                found = i;
                break;
            }
        }
        if (found == std::string_view::npos) {
            return false;
        }
        from = found + 2;
    }
    return true;
}

resource_ref parse_resource_token(std::string_view token) {
    const std::size_t first = token.find(separator);
    if (first == std::string_view::npos) {
        if (looks_like_ip(token)) {
            return resource_ref{"IPaddr", {std::string(token)}};
        }
        return resource_ref{std::string(token), {}};
    }
    resource_ref resource{std::string(token.substr(0, first)), {}};
    std::string_view rest = token.substr(first + separator.size());
    while (true) {
        const std::size_t next = rest.find(separator);
        resource.args.emplace_back(rest.substr(0, next));
        if (next == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(next + separator.size());
    }
    return resource;
}

std::string resource_token(const resource_ref& resource) {
    std::string token = resource.script;
    for (const std::string& arg : resource.args) {
        token += separator;
        token += arg;
    }
    return token;
}

} // namespace hakit::runtime::resources
