// Typed access to the plan's JSON that names the field (nodes[0].media[1].port) in every
// complaint. A complaint is thrown as plan_field_error and turned into a failure by the loader.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hakit::runtime::node::detail {

struct plan_field_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One JSON value and the path that leads to it from the plan's root.
class plan_field {
  public:
    plan_field(const nlohmann::json& value, std::string path)
        : value_(&value), path_(std::move(path)) {}

    const std::string& path() const { return path_; }
    const nlohmann::json& json() const { return *value_; }
    bool is_null() const { return value_->is_null(); }

    plan_field member(std::string_view key) const; // required key of an object
    std::size_t size() const;                      // of an array
    plan_field element(std::size_t index) const;   // of an array

    std::string text() const;
    std::optional<std::string> text_or_null() const;
    bool flag() const;
    std::optional<bool> flag_or_null() const;
    std::int64_t integer(std::int64_t minimum, std::int64_t maximum) const;
    std::optional<std::int64_t> integer_or_null(std::int64_t minimum, std::int64_t maximum) const;

    [[noreturn]] void complain(std::string_view what) const;

  private:
    const nlohmann::json* value_;
    std::string path_;
};

} // namespace hakit::runtime::node::detail
