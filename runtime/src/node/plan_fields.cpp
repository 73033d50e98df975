#include "plan_fields.hpp"

#include <fmt/format.h>

namespace hakit::runtime::node::detail {

namespace {

std::string_view json_kind(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::array:
        return "a list";
    case nlohmann::json::value_t::string:
        return "a string";
    case nlohmann::json::value_t::boolean:
        return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
        return "an integer";
    case nlohmann::json::value_t::number_float:
        return "a fractional number";
    default:
        return "a value of an unexpected kind";
    }
}

} // namespace

void plan_field::complain(std::string_view what) const {
    throw plan_field_error(
        fmt::format("plan field {}: {}", path_.empty() ? "(root)" : path_, what));
}

plan_field plan_field::member(std::string_view key) const {
    if (!value_->is_object()) {
        complain(fmt::format("expected an object, found {}", json_kind(*value_)));
    }
    const auto found = value_->find(key);
    const std::string child_path =
        path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
    if (found == value_->end()) {
        throw plan_field_error(fmt::format("plan field {}: missing", child_path));
    }
    return plan_field(*found, child_path);
}

std::size_t plan_field::size() const {
    if (!value_->is_array()) {
        complain(fmt::format("expected a list, found {}", json_kind(*value_)));
    }
    return value_->size();
}

plan_field plan_field::element(std::size_t index) const {
    return plan_field((*value_)[index], fmt::format("{}[{}]", path_, index));
}

std::string plan_field::text() const {
    if (!value_->is_string()) {
        complain(fmt::format("expected a string, found {}", json_kind(*value_)));
    }
    return value_->get<std::string>();
}

std::optional<std::string> plan_field::text_or_null() const {
    if (value_->is_null()) {
        return std::nullopt;
    }
    return text();
}

bool plan_field::flag() const {
    if (!value_->is_boolean()) {
        complain(fmt::format("expected true or false, found {}", json_kind(*value_)));
    }
    return value_->get<bool>();
}

std::optional<bool> plan_field::flag_or_null() const {
    if (value_->is_null()) {
        return std::nullopt;
    }
    return flag();
}

std::int64_t plan_field::integer(std::int64_t minimum, std::int64_t maximum) const {
    if (!value_->is_number_integer()) {
        complain(fmt::format("expected an integer, found {}", json_kind(*value_)));
    }
    // Unsigned values above int64's range are out of every range we accept.
    if (value_->is_number_unsigned() &&
        value_->get<std::uint64_t>() > static_cast<std::uint64_t>(maximum)) {
        complain(fmt::format("{} is out of range {}..{}", value_->dump(), minimum, maximum));
    }
    const auto number = value_->get<std::int64_t>();
    if (number < minimum || number > maximum) {
        complain(fmt::format("{} is out of range {}..{}", number, minimum, maximum));
    }
    return number;
}

std::optional<std::int64_t> plan_field::integer_or_null(std::int64_t minimum,
                                                        std::int64_t maximum) const {
    if (value_->is_null()) {
        return std::nullopt;
    }
    return integer(minimum, maximum);
}

} // namespace hakit::runtime::node::detail
