#include "group_report.hpp"

#include <fmt/format.h>

#include <charconv>

namespace hakit::runtime::policy::detail {

namespace {

std::optional<reported_state> parse_state(std::string_view code) {
    if (code.size() != 1) {
        return std::nullopt;
    }
    switch (code[0]) {
    case 's':
        return reported_state::starting;
    case 'r':
        return reported_state::running;
    case 'x':
        return reported_state::stopping;
    case 'f':
        return reported_state::failed;
    case 'F':
        return reported_state::stop_failed;
    default:
        return std::nullopt;
    }
}

std::optional<reported_group> parse_entry(std::string_view entry) {
    const auto first = entry.find(':');
    const auto second = first == std::string_view::npos ? first : entry.find(':', first + 1);
    if (first == 0 || second == std::string_view::npos) {
        return std::nullopt;
    }
    const auto state = parse_state(entry.substr(first + 1, second - first - 1));
    const auto age = entry.substr(second + 1);
    std::int64_t seniority = 0;
    const auto [end, error] = std::from_chars(age.data(), age.data() + age.size(), seniority);
    if (!state || age.empty() || error != std::errc{} || end != age.data() + age.size() ||
        seniority < 0) {
        return std::nullopt;
    }
    return reported_group{std::string{entry.substr(0, first)}, *state, seniority};
}

} // namespace

std::string encode_group_report(const std::vector<reported_group>& groups) {
    std::string text;
    for (const auto& group : groups) {
        if (!text.empty()) {
            text += ' ';
        }
        text +=
            fmt::format("{}:{}:{}", group.id, static_cast<char>(group.state), group.seniority_ms);
    }
    return text;
}

std::optional<std::vector<reported_group>> decode_group_report(std::string_view text) {
    std::vector<reported_group> groups;
    while (!text.empty()) {
        const auto space = text.find(' ');
        const auto entry = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (entry.empty()) {
            continue;
        }
        auto group = parse_entry(entry);
        if (!group) {
            return std::nullopt;
        }
        groups.push_back(std::move(*group));
    }
    return groups;
}

} // namespace hakit::runtime::policy::detail
