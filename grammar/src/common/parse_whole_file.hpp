// The driver of a grammar that reads a whole file in one PEGTL run and accepts every byte string
// (bad lines are recovered inside the grammar, so the run itself never fails).
#pragma once

#include <hakit/grammar/source.hpp>

#include <tao/pegtl.hpp>

#include <cassert>

namespace hakit::grammar::common {

// A File tree of `source`, built by Action<> through a State(File&, const std::string& path).
// A missing source gives an empty tree.
template <typename File, typename State, typename Rule, template <typename> class Action,
          template <typename> class Control>
File parse_whole_file(const shared_source& source) {
    File file;
    file.source = source;
    if (!source) {
        return file;
    }
    State state(file, source->path());
    tao::pegtl::memory_input<> in(source->bytes(), source->path());
    [[maybe_unused]] const bool matched = tao::pegtl::parse<Rule, Action, Control>(in, state);
    assert(matched && "the file rule accepts every byte string");
    return file;
}

} // namespace hakit::grammar::common
