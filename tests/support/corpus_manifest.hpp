// The rows of the shared corpus's MANIFEST.tsv (../shared/corpus beside the checkout, or
// -DHAKIT_SHARED_DIR=...), for the tests that run over the real-world files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hakit::test {

// HAKIT_SHARED_DIR/corpus.
std::filesystem::path corpus_root();

struct corpus_file {
    std::string folder; // relative to the corpus, may contain '/' (templates/...)
    std::string file;
    std::string type;       // ha.cf, haresources or authkeys
    std::string kind;       // plain, upstream-sample or template
    std::string dup_of;     // "folder/file" of an earlier row with the same bytes, else empty
    std::string repository; // owner/name on GitHub
    std::string commit;     // the commit the file was taken from

    std::filesystem::path path() const { return corpus_root() / folder / file; }
};

// The corpus is part of the suite's inputs: a missing one fails the test that needs it, never
// passes with nothing checked.

// Every row, in file order. Columns are found by their header names, so added columns do not
// matter. Throws std::runtime_error when the manifest cannot be read or lacks a column.
std::vector<corpus_file> read_corpus_manifest();

// Whether the manifest is there; when not, FAIL_CHECKs the current test, saying where it looked.
bool corpus_available();

} // namespace hakit::test
