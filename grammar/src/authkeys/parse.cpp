// parse_authkeys: one PEGTL parse of the whole file; its line rule recovers from a bad line, so
// the grammar accepts every byte string.
#include "authkeys/actions.hpp"
#include "authkeys/errors.hpp"
#include "authkeys/grammar.hpp"

#include <hakit/grammar/authkeys.hpp>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <cassert>
#include <cstddef>

namespace hakit::grammar {

namespace detail {
// Problems PEGTL's analyze() finds in the authkeys rules (a loop that can succeed without
// consuming input, ...); 0 for a sound grammar. For the unit test only.
std::size_t authkeys_grammar_problems();
} // namespace detail

authkeys_file parse_authkeys(const shared_source& source) {
    authkeys_file file;
    file.source = source;
    if (!source) {
        return file;
    }
    authkeys::file_state state(file, source->path());
    tao::pegtl::memory_input<> in(source->bytes(), source->path());
    [[maybe_unused]] const bool matched =
        tao::pegtl::parse<authkeys::rules::file, authkeys::action, authkeys::control>(in, state);
    assert(matched && "the file rule accepts every byte string");
    return file;
}

namespace detail {
std::size_t authkeys_grammar_problems() {
    return tao::pegtl::analyze<authkeys::rules::file>();
}
} // namespace detail

} // namespace hakit::grammar
