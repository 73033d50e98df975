#include <hakit/runtime/policy/resource_set.hpp>

#include <cstdint>

namespace hakit::runtime::policy {

std::string_view to_string(resource_set set) {
    switch (set) {
    case resource_set::none:
        return "none";
    case resource_set::local:
        return "local";
    case resource_set::foreign:
        return "foreign";
    case resource_set::all:
        return "all";
    }
    return "none";
}

std::optional<resource_set> parse_resource_set(std::string_view text) {
    if (text == "none") {
        return resource_set::none;
    }
    if (text == "local") {
        return resource_set::local;
    }
    if (text == "foreign" || text == "failback") {
        return resource_set::foreign;
    }
    if (text == "all") {
        return resource_set::all;
    }
    return std::nullopt;
}

resource_set mirror(resource_set set) {
    return set_of(covers(set, false), covers(set, true));
}

bool covers(resource_set set, bool owned_group) {
    const auto bit = owned_group ? resource_set::local : resource_set::foreign;
    return (static_cast<std::uint8_t>(set) & static_cast<std::uint8_t>(bit)) != 0;
}

resource_set set_of(bool any_owned, bool any_foreign) {
    if (any_owned && any_foreign) {
        return resource_set::all;
    }
    if (any_owned) {
        return resource_set::local;
    }
    return any_foreign ? resource_set::foreign : resource_set::none;
}

} // namespace hakit::runtime::policy
