// Writing emitted files: each one atomically (a temporary file in the same directory, fsync,
// chmod, rename), so a reader never sees half a file and a failure leaves the old one intact.
#pragma once

#include <hakit/compiler/emit.hpp>
#include <hakit/lint/cli_support.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace hakit::compile {

// An output that could not be written (exit 2); no temporary file is left behind.
class output_error : public lint::tool_error {
  public:
    using lint::tool_error::tool_error;
};

// Throws output_error unless `name` is a relative path of one or two plain components
// ("plan.json", "srv5/keepalived.conf"): an emitter must never write outside the directory.
void check_output_name(const std::string& name);

// Writes `content` to `path` with permission bits `mode` (not subject to the umask),
// replacing an existing file. Throws output_error.
void write_file_atomically(const std::string& path, const std::string& content, unsigned mode);

// Creates `directory` (and the per-node subfolders) as needed and writes every file into it.
void write_output_directory(const std::string& directory,
                            const std::vector<emit::emitted_file>& files);

} // namespace hakit::compile
