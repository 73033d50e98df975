// The result of a node service that can fail for an expected reason (bad plan, corrupt file,
// socket already in use): either a value or a message that says what went wrong and where.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace hakit::runtime::node {

struct failure {
    std::string message;
};

template <class T> class outcome {
  public:
    outcome(T value) : state_(std::move(value)) {}
    outcome(failure error) : state_(std::move(error)) {}

    bool has_value() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return has_value(); }

    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

    // Empty when there is a value.
    const std::string& error() const {
        static const std::string none;
        const auto* error = std::get_if<failure>(&state_);
        return error == nullptr ? none : error->message;
    }

  private:
    std::variant<T, failure> state_;
};

} // namespace hakit::runtime::node
