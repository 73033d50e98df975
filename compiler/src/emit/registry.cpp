// The registry of emitter targets.
#include <hakit/compiler/emit.hpp>

#include <algorithm>

namespace hakit::emit {
namespace {

// Function-local so registrars in other translation units never see it unconstructed.
std::vector<target_info>& registry() {
    static std::vector<target_info> targets;
    return targets;
}

} // namespace

target_registrar::target_registrar(const target_info& target) {
    auto& targets = registry();
    const auto position =
        std::upper_bound(targets.begin(), targets.end(), target,
                         [](const auto& a, const auto& b) { return a.name < b.name; });
    targets.insert(position, target);
}

const std::vector<target_info>& all_targets() {
    return registry();
}

const target_info* find_target(std::string_view name) {
    const auto& targets = registry();
    const auto found = std::find_if(targets.begin(), targets.end(),
                                    [&](const target_info& t) { return t.name == name; });
    return found == targets.end() ? nullptr : &*found;
}

} // namespace hakit::emit
