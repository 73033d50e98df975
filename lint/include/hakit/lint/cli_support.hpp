// Command-line helpers shared by the tools that take node folders (hacheck, hacompile): PATH
// and --node DIR=NAME handling, the source index the text renderer quotes from, colour choice.
#pragma once

#include <hakit/compiler/load.hpp>
#include <hakit/lint/render.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

// A problem a tool reports as one "<tool>: error: ..." line and exit status 2.
class tool_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A usage problem found after CLI11 accepted the command line.
class usage_error : public tool_error {
  public:
    using tool_error::tool_error;
};

// Runs `body` and returns its exit status; what it throws becomes one "<tool>: error: ..."
// line on `err` and exit status 2: tool_error and load_error as they are, anything else as an
// internal error (a bug, or a system error nobody translated).
int run_reporting_errors(std::string_view tool, std::ostream& err,
                         const std::function<int()>& body);

// "srv5/" and "srv5" name the same folder.
std::string_view without_trailing_slashes(std::string_view path);

// Throws usage_error when one PATH is given twice.
void reject_repeated_paths(const std::vector<std::string>& paths);

// --node DIR=NAME, split at the last '=' (a directory name may contain '=', a node name not).
// Keys are the PATHs exactly as given, which is how the loader looks them up. Throws
// usage_error for a malformed argument, an unknown DIR or a DIR named twice.
std::map<std::string, std::string> node_names_by_path(const std::vector<std::string>& arguments,
                                                      const std::vector<std::string>& paths);

// Loads every PATH (after the checks above) with its --node name. Throws usage_error or
// load_error.
std::vector<node_folder> load_node_folders(const std::vector<std::string>& paths,
                                           const std::vector<std::string>& node_arguments);

std::size_t count_config_files(const std::vector<node_folder>& folders);

// Every configuration file read, by path, so render_text can quote the offending line.
source_index index_sources(const std::vector<node_folder>& folders);

// --color auto|always|never: auto colours a terminal unless NO_COLOR is set.
bool use_color(std::string_view choice, bool stream_is_terminal);

} // namespace hakit::lint
