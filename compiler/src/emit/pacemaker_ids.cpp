// Stable, unique Pacemaker ids.
#include "pacemaker_ids.hpp"

#include <fmt/format.h>

namespace hakit::emit {
namespace {

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

bool is_id_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

} // namespace

std::string sanitize_id(std::string_view text, std::string_view fallback_prefix) {
    std::string id;
    bool pending_underscore = false;
    for (const char c : text) {
        if (is_id_char(c)) {
            if (pending_underscore && !id.empty() && id.back() != '_') {
                id += '_';
            }
            pending_underscore = false;
            id += c;
        } else {
            pending_underscore = true;
        }
    }
    while (!id.empty() && id.front() == '_') {
        id.erase(id.begin());
    }
    while (!id.empty() && id.back() == '_') {
        id.pop_back();
    }
    if (id.empty() || !is_id_start(id.front())) {
        id = id.empty() ? std::string(fallback_prefix) : fmt::format("{}_{}", fallback_prefix, id);
    }
    return id;
}

std::string id_registry::claim(const std::string& wanted) {
    std::string id = wanted;
    for (int suffix = 2; used_.count(id) != 0; ++suffix) {
        id = fmt::format("{}-{}", wanted, suffix);
    }
    used_.insert(id);
    return id;
}

} // namespace hakit::emit
