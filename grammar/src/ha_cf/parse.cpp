// parse_ha_cf: one PEGTL parse per physical line (so one bad line never hides the next), then a
// shape check of whole-line directives and Heartbeat's line-buffer limit.
#include "ha_cf/actions.hpp"
#include "ha_cf/errors.hpp"
#include "ha_cf/grammar.hpp"

#include <hakit/grammar/ha_cf.hpp>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hakit::grammar {

namespace detail {
// Problems PEGTL's analyze() finds in the ha.cf rules (a loop that can succeed without consuming
// input, ...); 0 for a sound grammar. For the unit test only, so it is not in the public header.
std::size_t ha_cf_grammar_problems();
} // namespace detail

namespace {

namespace pegtl = tao::pegtl;

// Heartbeat reads ha.cf with fgets() into a MAXLINE (5120) byte buffer: 5119 bytes and a NUL.
// The rest of a longer line comes back from the next fgets() as a line of its own.
constexpr std::size_t heartbeat_line_bytes = 5119;

struct physical_line {
    std::string_view text; // without its '\n'
    std::size_t offset;    // of its first byte in the file
    std::size_t number;    // 1-based
};

std::optional<syntax_error> check_length(const physical_line& line, const std::string& path) {
    std::string_view content = line.text;
    // A CRLF's '\r' past the buffer would only come back as a blank line.
    if (content.ends_with('\r')) {
        content.remove_suffix(1);
    }
    if (content.size() <= heartbeat_line_bytes) {
        return std::nullopt;
    }
    return syntax_error{location{path, line.number, heartbeat_line_bytes + 1},
                        "line is longer than Heartbeat's 5119-byte line buffer; Heartbeat would "
                        "read the rest as a new line"};
}

// Runs the shape grammar from the name to the end of `rest`, so a missing field is reported
// just after the last field present.
std::optional<syntax_error> check_shape(const physical_line& line, const ha_cf_directive& directive,
                                        const std::string& path) {
    const std::size_t begin = directive.name.where.column - 1;
    const std::size_t end = directive.rest.text.empty()
                                ? begin + directive.name.text.size()
                                : directive.rest.where.column - 1 + directive.rest.text.size();
    pegtl::memory_input in(line.text.data() + begin, line.text.data() + end, path,
                           line.offset + begin, line.number, directive.name.where.column);
    try {
        [[maybe_unused]] const bool known =
            pegtl::parse<ha_cf::rules::shape, pegtl::nothing, ha_cf::control>(in);
        assert(known && "every whole-line directive has a shape rule");
    } catch (const pegtl::parse_error& error) {
        const pegtl::position& where = error.positions().front();
        return syntax_error{location{path, where.line, where.column}, std::string(error.message())};
    }
    return std::nullopt;
}

void parse_line(const physical_line& line, const std::string& path, ha_cf_file& file) {
    ha_cf::line_state state;
    pegtl::memory_input in(line.text.data(), line.text.data() + line.text.size(), path, line.offset,
                           line.number, 1);
    [[maybe_unused]] const bool matched =
        pegtl::parse<ha_cf::rules::line, ha_cf::action>(in, state);
    assert(matched && "the line rule accepts every byte string");

    if (auto too_long = check_length(line, path)) {
        file.errors.push_back(std::move(*too_long));
    }
    if (state.directive) {
        if (state.directive->split == ha_cf_split::whole_line) {
            if (auto bad_shape = check_shape(line, *state.directive, path)) {
                file.errors.push_back(std::move(*bad_shape));
            }
        }
        // Kept even with a shape error: later stages still see what the line has.
        file.directives.push_back(std::move(*state.directive));
    }
    if (state.comment) {
        file.comments.push_back(std::move(*state.comment));
    }
}

} // namespace

bool is_whole_line_directive(std::string_view name) {
    pegtl::memory_input in(name.data(), name.size(), "");
    return pegtl::parse<pegtl::seq<ha_cf::rules::whole_line_name, pegtl::eof>>(in);
}

ha_cf_file parse_ha_cf(const shared_source& source) {
    ha_cf_file file;
    file.source = source;
    if (!source) {
        return file;
    }
    const std::string_view bytes = source->bytes();
    std::size_t number = 0;
    for (std::size_t offset = 0; offset < bytes.size();) {
        const std::size_t newline = std::min(bytes.find('\n', offset), bytes.size());
        parse_line(physical_line{bytes.substr(offset, newline - offset), offset, ++number},
                   source->path(), file);
        offset = newline + 1;
    }
    std::stable_sort(file.errors.begin(), file.errors.end(),
                     [](const syntax_error& a, const syntax_error& b) {
                         return std::pair(a.where.line, a.where.column) <
                                std::pair(b.where.line, b.where.column);
                     });
    return file;
}

namespace detail {
std::size_t ha_cf_grammar_problems() {
    return pegtl::analyze<ha_cf::rules::line>() + pegtl::analyze<ha_cf::rules::shape>();
}
} // namespace detail

} // namespace hakit::grammar
