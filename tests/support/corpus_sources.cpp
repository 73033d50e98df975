#include "support/corpus_sources.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

namespace hakit::test {

std::vector<corpus_source> read_corpus_sources(std::string_view type) {
    std::vector<corpus_source> sources;
    for (corpus_file& row : read_corpus_manifest()) {
        if (row.type != type) {
            continue;
        }
        const std::string path = row.path().string();
        INFO(path);
        std::string error;
        shared_source source = read_source_file(path, error);
        REQUIRE(source != nullptr);
        sources.push_back({std::move(row), std::move(source)});
    }
    return sources;
}

} // namespace hakit::test
