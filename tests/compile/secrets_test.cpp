// No authkeys key ever reaches an output without --include-secrets: every example and every
// corpus folder that validates without errors, compiled with every registered target (the
// mistakes example with its errors forced, as --force does), has none of its keys in any file
// or diagnostic.
//
// Real keys are often words ("pass", "password") that an output may hold by chance, e.g. in a
// comment about passphrases. When a key's bytes show up, the same cluster is compiled again
// with that key replaced by other bytes of the same length: a leak is an occurrence that goes
// away with the key; one that stays is the output's own text.
#include "compile_inputs.hpp"
#include "emit_support.hpp"

#include <hakit/lint/engine.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace hakit::test;
using hakit::node_folder;

namespace {

// Keys shorter than this are skipped: "1", "#" or "abc" occur in any output by chance (the
// corpus has crc lines with a stray "#" as key), and so many times that no count says whether
// one of them came from authkeys.
constexpr std::size_t shortest_checked_key = 4;

// Keys as the authkeys files hold them (from the syntax tree, so a key the IR drops because of
// an error elsewhere on its line is checked too), with every place they are written.
std::map<std::string, std::vector<hakit::location>>
keys_of(const std::vector<node_folder>& folders) {
    std::map<std::string, std::vector<hakit::location>> keys;
    for (const auto& folder : folders) {
        if (!folder.authkeys) {
            continue;
        }
        for (const auto& entry : folder.authkeys->entries) {
            const auto* line = std::get_if<hakit::grammar::key_entry>(&entry);
            if (line != nullptr && line->key) {
                keys[line->key->text].push_back(line->key->where);
            }
        }
    }
    return keys;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

// Everything a target hands back that a user sees: its files and its diagnostics.
std::string visible_output(const hakit::emit::emit_result& result) {
    std::string text;
    for (const auto& file : result.files) {
        text += file.name + "\n" + file.content;
    }
    for (const auto& finding : result.diagnostics) {
        text += finding.message + "\n";
        for (const auto& note : finding.notes) {
            text += note.message + "\n";
        }
    }
    return text;
}

hakit::emit::emit_options forced(const std::vector<node_folder>& folders) {
    hakit::emit::emit_options options; // include_secrets stays false
    for (const auto& finding : hakit::lint::check(folders)) {
        if (finding.level == hakit::severity::error) {
            options.forced_errors.push_back(finding);
        }
    }
    return options;
}

// The folders again, from memory, with the key written at `places` replaced by as many 'Q's
// ('Z's if the key is all 'Q').
std::vector<node_folder> with_key_replaced(const std::vector<node_folder>& folders,
                                           const std::string& key,
                                           const std::vector<hakit::location>& places) {
    const char filler = key.find_first_not_of('Q') == std::string::npos ? 'Z' : 'Q';
    std::vector<node_folder> copies;
    for (const auto& folder : folders) {
        std::map<std::string, std::string> files;
        if (folder.ha_cf) {
            files["ha.cf"] = folder.ha_cf->source->bytes();
        }
        if (folder.haresources) {
            files["haresources"] = folder.haresources->source->bytes();
        }
        if (folder.nodeinfo) {
            files["nodeinfo"] = folder.nodeinfo->text + "\n";
        }
        if (folder.authkeys) {
            const auto& source = *folder.authkeys->source;
            std::string bytes = source.bytes();
            for (const auto& where : places) {
                if (where.file != source.path()) {
                    continue;
                }
                const auto line = source.line_text(where.line);
                const auto offset = static_cast<std::size_t>(line.data() - source.bytes().data()) +
                                    where.column - 1;
                bytes.replace(offset, key.size(), std::string(key.size(), filler));
            }
            files["authkeys"] = bytes;
        }
        copies.push_back(hakit::load_node_folder_from_memory(folder.path, files,
                                                             folder.authkeys_mode, std::nullopt));
    }
    return copies;
}

struct leak_check {
    std::size_t outputs = 0;
    std::size_t keys_checked = 0;
    std::size_t coincidences = 0;

    void run(const cluster_input& cluster, const std::vector<node_folder>& folders) {
        const auto keys = keys_of(folders);
        const auto options = forced(folders);
        for (const auto& target : hakit::emit::all_targets()) {
            const std::string name(target.name);
            INFO(cluster.name << ", target " << name);
            const std::string output = visible_output(emit_target(name, folders, options));
            ++outputs;
            for (const auto& [key, places] : keys) {
                if (key.size() < shortest_checked_key) {
                    continue;
                }
                ++keys_checked;
                const std::size_t found = occurrences(output, key);
                if (found == 0) {
                    continue;
                }
                const auto control = with_key_replaced(folders, key, places);
                const std::size_t without_key =
                    occurrences(visible_output(emit_target(name, control, forced(control))), key);
                if (found > without_key) {
                    FAIL_CHECK("a key of " << cluster.name << "'s authkeys (" << key.size()
                                           << " bytes) is in the output of target " << name);
                } else {
                    ++coincidences;
                }
            }
        }
    }
};

} // namespace

TEST_CASE("no target puts an authkeys key into its output without include_secrets", "[secrets]") {
    compile_inputs inputs;
    leak_check leaks;
    for (const auto& name : example_names()) {
        const auto example = inputs.add_example(name);
        leaks.run(example, load_cluster(inputs.root(), example));
    }
    std::size_t clean_corpus = 0;
    for (const auto& folder : inputs.add_corpus_node_folders()) {
        const auto folders = load_cluster(inputs.root(), folder);
        if (validates_without_errors(folders)) {
            ++clean_corpus;
            leaks.run(folder, folders);
        }
    }
    CHECK(clean_corpus >= 10);
    CHECK(leaks.outputs > 0);
    // The corpus holds many sha1/md5 keys: a test that saw none would prove nothing.
    CHECK(leaks.keys_checked >= 10 * hakit::emit::all_targets().size());
}

TEST_CASE("the leak check sees a key that an output does carry", "[secrets]") {
    // The same check on `plan` with include_secrets must find the key, and must find it gone
    // once the key is replaced: otherwise the test above could not fail.
    std::vector<node_folder> folders;
    folders.push_back(hakit::load_node_folder_from_memory(
        "n", {{"ha.cf", "node a b\nbcast eth0\n"}, {"authkeys", "auth 1\n1 sha1 password\n"}},
        0600U, std::nullopt));
    hakit::emit::emit_options secrets;
    secrets.include_secrets = true;
    const auto keys = keys_of(folders);
    REQUIRE(keys.count("password") == 1);
    const auto with_key = visible_output(emit_target("plan", folders, secrets));
    const auto control = with_key_replaced(folders, "password", keys.at("password"));
    const auto without_key = visible_output(emit_target("plan", control, secrets));
    CHECK(occurrences(with_key, "password") == 2); // the sending key and keys[0]
    CHECK(occurrences(without_key, "password") == 0);
    CHECK(occurrences(without_key, "QQQQQQQQ") == 2);
}
