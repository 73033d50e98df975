// parse_authkeys: one PEGTL parse of the whole file; its line rule recovers from a bad line, so
// the grammar accepts every byte string.
#include "authkeys/actions.hpp"
#include "authkeys/errors.hpp"
#include "authkeys/grammar.hpp"
#include "common/parse_whole_file.hpp"

#include <hakit/grammar/authkeys.hpp>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <cstddef>

namespace hakit::grammar {

namespace detail {
// Problems PEGTL's analyze() finds in the authkeys rules (a loop that can succeed without
// consuming input, ...); 0 for a sound grammar. For the unit test only.
std::size_t authkeys_grammar_problems();
} // namespace detail

authkeys_file parse_authkeys(const shared_source& source) {
    return common::parse_whole_file<authkeys_file, authkeys::file_state, authkeys::rules::file,
                                    authkeys::action, authkeys::control>(source);
}

namespace detail {
std::size_t authkeys_grammar_problems() {
    return tao::pegtl::analyze<authkeys::rules::file>();
}
} // namespace detail

} // namespace hakit::grammar
