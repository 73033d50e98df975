// A diagnostic code of an emitter (HCnnn): its id, kebab-case name and severity, and how to
// make a located diagnostic from it. Each target family keeps its own table of codes.
#pragma once

#include <hakit/grammar/diagnostic.hpp>

#include <string>
#include <string_view>

namespace hakit::emit {

struct code {
    std::string_view id;
    std::string_view rule;
    severity level;
};

inline diagnostic make(const code& c, location where, std::string message) {
    diagnostic d;
    d.code = std::string(c.id);
    d.rule = std::string(c.rule);
    d.level = c.level;
    d.message = std::move(message);
    d.where = std::move(where);
    return d;
}

} // namespace hakit::emit
