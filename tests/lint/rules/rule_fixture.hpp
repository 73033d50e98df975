// Fixture helpers for the per-topic rule tests: run every registered rule over a small example
// (the "== file ==" format of rule examples) and keep the findings of one rule.
#pragma once

#include <hakit/lint/engine.hpp>
#include <hakit/lint/examples.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::test {

// All rules run, as in hacheck, so a rule that stays silent because another one owns the case
// is tested in the same setting users see.
inline std::vector<diagnostic> findings_of(std::string_view code, std::string_view example) {
    const auto all = lint::check(lint::load_example(example));
    std::vector<diagnostic> mine;
    std::copy_if(all.begin(), all.end(), std::back_inserter(mine),
                 [&](const diagnostic& d) { return d.code == code; });
    return mine;
}

inline location at(std::string file, std::size_t line, std::size_t column) {
    return location{std::move(file), line, column};
}

// For failure messages: every finding on its own line.
inline std::string describe(const std::vector<diagnostic>& found) {
    std::string text;
    for (const auto& d : found) {
        text +=
            to_string(d.where) + ": [" + std::string(to_string(d.level)) + "] " + d.message + "\n";
    }
    return text;
}

} // namespace hakit::test
