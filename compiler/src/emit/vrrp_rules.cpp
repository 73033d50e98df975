#include "vrrp_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace hakit::emit {
namespace {

constexpr long max_v2_seconds = 255;
constexpr long max_v3_centiseconds = 4095;
constexpr int router_id_count = 255;

std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t hash = 2166136261U;
    for (const char c : text) {
        hash ^= static_cast<std::uint8_t>(c);
        hash *= 16777619U;
    }
    return hash;
}

} // namespace

advert_interval advert_interval_for(long keepalive_ms) {
    advert_interval result;
    const long ms = std::max(1L, keepalive_ms);
    if (ms % 1000 == 0 && ms / 1000 <= max_v2_seconds) {
        result.text = fmt::format("{}", ms / 1000);
        result.milliseconds = ms;
        return result;
    }
    const long centiseconds = (ms + 9) / 10;
    if (centiseconds <= max_v3_centiseconds) {
        result.vrrp_version = 3;
        result.milliseconds = centiseconds * 10;
        result.adjusted = result.milliseconds != ms;
        std::string text = fmt::format("{}.{:02}", centiseconds / 100, centiseconds % 100);
        if (text.back() == '0') {
            text.pop_back();
        }
        result.text = std::move(text);
        return result;
    }
    const long seconds = std::min(max_v2_seconds, (ms + 500) / 1000);
    result.text = fmt::format("{}", seconds);
    result.milliseconds = seconds * 1000;
    result.adjusted = true;
    return result;
}

long master_down_ms(long advert_ms, int priority) {
    return 3 * advert_ms + (256 - priority) * advert_ms / 256;
}

std::vector<int> assign_router_ids(std::string_view cluster, const std::vector<std::string>& keys) {
    if (keys.size() > static_cast<std::size_t>(router_id_count)) {
        throw std::length_error("more groups than VRRP router ids");
    }
    std::vector<int> ids;
    std::vector<bool> taken(router_id_count + 1, false);
    for (const auto& key : keys) {
        const std::string seed = fmt::format("{}\n{}", cluster, key);
        int id = static_cast<int>(fnv1a(seed) % router_id_count) + 1;
        while (taken[static_cast<std::size_t>(id)]) {
            id = id % router_id_count + 1;
        }
        taken[static_cast<std::size_t>(id)] = true;
        ids.push_back(id);
    }
    return ids;
}

} // namespace hakit::emit
