// The corpus files of one type, read as the grammars take them.
#pragma once

#include "support/corpus_manifest.hpp"

#include <hakit/grammar/source.hpp>

#include <string_view>
#include <vector>

namespace hakit::test {

struct corpus_source {
    corpus_file row;
    shared_source source;
};

// Every file of the manifest whose type is `type` ("ha.cf", "haresources" or "authkeys"), in
// manifest order. REQUIREs that each one can be read; throws as read_corpus_manifest() does.
std::vector<corpus_source> read_corpus_sources(std::string_view type);

} // namespace hakit::test
