// Writing `key value` configuration files with `#` comments and 4-space indented sections
// (corosync.conf, keepalived.conf), and the diagnostics their emitters report.
#pragma once

#include <hakit/grammar/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit::conf {

class writer {
  public:
    void line(int depth, std::string_view text);
    void blank();
    // hacompile --force: one "#   file:line:col: message" line per validation error, under
    // a line saying the output may be wrong; nothing when there are none.
    void forced_errors(const std::vector<diagnostic>& errors);
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

diagnostic make_diagnostic(std::string_view code, std::string_view rule, severity level,
                           location where, std::string message, std::vector<note> notes = {});

} // namespace hakit::emit::conf
