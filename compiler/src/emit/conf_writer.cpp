#include "conf_writer.hpp"

#include <algorithm>

namespace hakit::emit::conf {

void writer::line(int depth, std::string_view text) {
    out_.append(static_cast<std::size_t>(std::max(depth, 0)) * 4, ' ');
    out_.append(text);
    out_.push_back('\n');
}

void writer::blank() {
    out_.push_back('\n');
}

void writer::forced_errors(const std::vector<diagnostic>& errors) {
    if (errors.empty()) {
        return;
    }
    line(0, "# hacompile --force: the Heartbeat configuration has errors, so this file may be "
            "wrong:");
    for (const auto& error : errors) {
        std::string message = error.message;
        std::replace(message.begin(), message.end(), '\n', ' ');
        std::replace(message.begin(), message.end(), '\r', ' ');
        line(0, "#   " + to_string(error.where) + ": " + message);
    }
    blank();
}

diagnostic make_diagnostic(std::string_view code, std::string_view rule, severity level,
                           location where, std::string message, std::vector<note> notes) {
    return diagnostic{std::string(code),  std::string(rule), level,
                      std::move(message), std::move(where),  std::move(notes)};
}

} // namespace hakit::emit::conf
