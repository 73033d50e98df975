// Choosing an output format by name, rendering findings in it, and writing report files.
#pragma once

#include <hakit/grammar/diagnostic.hpp>
#include <hakit/lint/render.hpp>
#include <hakit/lint/rule.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

enum class output_format { text, gcc, json, sarif, github, junit };

// Every format name, in the order of the enum ("text", "gcc", "json", "sarif", ...).
const std::vector<std::string>& output_format_names();
std::string_view to_string(output_format format);
std::optional<output_format> parse_output_format(std::string_view name);

// One `--output FORMAT=FILE`.
struct output_request {
    output_format format = output_format::text;
    std::string file;
};

// Splits at the first '=' (a format name has none, a file name may). Throws
// std::invalid_argument with a message naming the problem.
output_request parse_output_request(std::string_view argument);

// Everything any format needs.
struct render_input {
    const std::vector<diagnostic>* diagnostics = nullptr;
    const source_index* sources = nullptr;
    summary totals;
    sarif_options sarif;
    bool color = false; // text only
};

void render(std::ostream& out, output_format format, const render_input& input);
std::string render_to_string(output_format format, const render_input& input);

// Replaces `path` with `bytes` in one step: a temporary file in the same directory, written and
// flushed to disk, then renamed over `path`, so readers see the old file or the new one, never
// a part. A new file gets 0666 minus the umask; an existing file keeps its permission bits.
// Throws std::runtime_error("cannot write PATH: reason").
void write_file_atomically(const std::string& path, std::string_view bytes);

} // namespace hakit::lint
