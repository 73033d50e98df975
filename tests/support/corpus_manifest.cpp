#include "support/corpus_manifest.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace hakit::test {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, '\t');) {
        fields.push_back(field);
    }
    return fields;
}

const char* const missing_corpus_hint =
    "put shared/ beside the checkout or configure with -DHAKIT_SHARED_DIR=...";

std::filesystem::path manifest_path() {
    return corpus_root() / "MANIFEST.tsv";
}

} // namespace

std::filesystem::path corpus_root() {
    return std::filesystem::path(HAKIT_SHARED_DIR) / "corpus";
}

bool corpus_available() {
    if (std::filesystem::exists(manifest_path())) {
        return true;
    }
    FAIL_CHECK("corpus not found at " << corpus_root().string() << ": " << missing_corpus_hint);
    return false;
}

std::vector<corpus_file> read_corpus_manifest() {
    const std::filesystem::path manifest = manifest_path();
    std::ifstream in(manifest);
    std::string line;
    if (!in || !std::getline(in, line)) {
        throw std::runtime_error("cannot read " + manifest.string() + ": " + missing_corpus_hint);
    }
    const std::vector<std::string> header = split_tabs(line);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) {
        column[header[i]] = i;
    }
    for (const char* name : {"folder", "file", "type", "kind", "dup_of", "repository", "commit"}) {
        if (!column.contains(name)) {
            throw std::runtime_error(manifest.string() + " has no column " + name);
        }
    }
    std::vector<corpus_file> rows;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        std::vector<std::string> fields = split_tabs(line);
        fields.resize(header.size()); // a trailing empty field is not read back
        rows.push_back({fields[column["folder"]], fields[column["file"]], fields[column["type"]],
                        fields[column["kind"]], fields[column["dup_of"]],
                        fields[column["repository"]], fields[column["commit"]]});
    }
    return rows;
}

} // namespace hakit::test
