// Stable Pacemaker ids (XML NCName: [A-Za-z_][A-Za-z0-9_.-]*) derived from legacy names and
// unique within one model: the first owner of a name keeps it, later ones get "-2", "-3", ...
// in the order they are asked for (file order), so ids never depend on anything but the input.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace hakit::emit {

// Replaces every run of characters outside [A-Za-z0-9_.-] with one '_', trims '_' at both
// ends, and prefixes `fallback_prefix` + '_' when the result is empty or does not start with a
// letter or '_' (ids like "192.0.2.10" or ".x" are not NCNames).
std::string sanitize_id(std::string_view text, std::string_view fallback_prefix);

class id_registry {
  public:
    // `wanted` must already be an NCName (use sanitize_id). Returns it, or it with the lowest
    // free "-N" suffix (N >= 2), and reserves the result.
    std::string claim(const std::string& wanted);
    bool taken(const std::string& id) const { return used_.count(id) != 0; }

  private:
    std::set<std::string> used_;
};

} // namespace hakit::emit
