// parse_haresources: one PEGTL parse of the whole file (its grammar accepts every byte string),
// with each resource word parsed in place by the resource grammar.
#include "common/parse_whole_file.hpp"
#include "haresources/actions.hpp"
#include "haresources/errors.hpp"
#include "haresources/grammar.hpp"

#include <hakit/grammar/haresources.hpp>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <cstddef>

namespace hakit::grammar {

namespace detail {
// Problems PEGTL's analyze() finds in the haresources rules (a loop that can succeed without
// consuming input, ...); 0 for a sound grammar. For the unit test only.
std::size_t haresources_grammar_problems();
} // namespace detail

haresources_file parse_haresources(const shared_source& source) {
    return common::parse_whole_file<haresources_file, haresources::file_state,
                                    haresources::rules::file, haresources::action,
                                    haresources::control>(source);
}

namespace detail {
std::size_t haresources_grammar_problems() {
    return tao::pegtl::analyze<haresources::rules::file>() +
           tao::pegtl::analyze<haresources::rules::resource>();
}
} // namespace detail

} // namespace hakit::grammar
