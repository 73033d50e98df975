// Actions that build the haresources tree. The file grammar never backtracks over a matched
// word, so words are added as they are found and a group is committed when its rule ends.
#pragma once

#include "common/located.hpp"
#include "haresources/errors.hpp"
#include "haresources/grammar.hpp"

#include <hakit/grammar/haresources.hpp>

#include <tao/pegtl.hpp>

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hakit::grammar::haresources {

using common::location_of;
using common::token_of;

// --- One resource word --------------------------------------------------------------------------

struct resource_state {
    resource_spec spec;
    std::vector<syntax_error>& errors;
    const char* pending_error = nullptr; // set by control<>::raise

    resource_state(token word, std::vector<syntax_error>& file_errors) : errors(file_errors) {
        spec.text = std::move(word);
    }
};

template <typename Rule> struct resource_action : tao::pegtl::nothing<Rule> {};

// ResourceManager's canonname(): a bare IP means IPaddr::<the word>.
template <> struct resource_action<rules::bare_ip> {
    template <typename ActionInput> static void apply(const ActionInput&, resource_state& state) {
        state.spec.bare_ip = true;
        state.spec.script = token{"IPaddr", state.spec.text.where};
        state.spec.args.push_back(state.spec.text);
    }
};

template <> struct resource_action<rules::script_name> {
    template <typename ActionInput>
    static void apply(const ActionInput& in, resource_state& state) {
        state.spec.script = token_of(in, state.spec.text.where.file);
    }
};

template <> struct resource_action<rules::argument> {
    template <typename ActionInput>
    static void apply(const ActionInput& in, resource_state& state) {
        state.spec.args.push_back(token_of(in, state.spec.text.where.file));
    }
};

template <> struct resource_action<rules::nameless_resource> {
    template <typename ActionInput> static void apply(const ActionInput&, resource_state& state) {
        assert(state.pending_error != nullptr && "only reached after must<script_name> raised");
        state.spec.script = token{"", state.spec.text.where};
        state.errors.push_back(syntax_error{state.spec.text.where, state.pending_error});
    }
};

// Parses the word `in` matched, in place, so every piece keeps its position in the file.
template <typename ActionInput>
resource_spec parse_resource(const ActionInput& in, const std::string& file,
                             std::vector<syntax_error>& errors) {
    resource_state state(token_of(in, file), errors);
    tao::pegtl::memory_input<> word(in.iterator(), in.end(), file);
    [[maybe_unused]] const bool matched =
        tao::pegtl::parse<rules::resource, resource_action, control>(word, state);
    assert(matched && "the resource rule accepts every word");
    return std::move(state.spec);
}

// --- The whole file -----------------------------------------------------------------------------

struct file_state {
    haresources_file& file;
    const std::string& path;

    file_state(haresources_file& out, const std::string& file_path) : file(out), path(file_path) {}

    // The group being read.
    std::optional<token> owner;
    std::vector<resource_spec> resources;
    std::vector<token> comments_on_continuation;
    std::size_t last_joined_line = 0;
    bool hash_on_joined_line = false; // a '#' was seen earlier on the current joined line

    template <typename ActionInput> void add_word(const ActionInput& in, bool on_joined_line) {
        token word = token_of(in, path);
        if (on_joined_line && (hash_on_joined_line || word.text.find('#') != std::string::npos)) {
            hash_on_joined_line = true;
            comments_on_continuation.push_back(word);
        }
        if (!owner) {
            owner = std::move(word);
        } else {
            resources.push_back(parse_resource(in, path, file.errors));
        }
    }

    template <typename ActionInput> void end_group(const ActionInput& in) {
        if (owner) {
            resource_group_line group;
            group.owner = std::move(*owner);
            group.resources = std::move(resources);
            group.first_line = in.iterator().line;
            group.last_line = std::max(group.first_line, last_joined_line);
            group.comments_on_continuation = std::move(comments_on_continuation);
            file.groups.push_back(std::move(group));
        }
        owner.reset();
        resources.clear();
        comments_on_continuation.clear();
        last_joined_line = 0;
        hash_on_joined_line = false;
    }
};

template <typename Rule> struct action : tao::pegtl::nothing<Rule> {};

template <> struct action<rules::first_word> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.add_word(in, false);
    }
};

template <> struct action<rules::joined_word> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.add_word(in, true);
    }
};

template <> struct action<rules::comment> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.file.comments.push_back(token_of(in, state.path));
    }
};

template <> struct action<rules::backslash_then_blanks> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.file.blank_after_backslash.push_back(location_of(in, state.path));
    }
};

template <>
struct action<rules::backslash_then_blanks_or_comment> : action<rules::backslash_then_blanks> {};

template <> struct action<rules::continuation> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.hash_on_joined_line = false;
        // "\\\n" at the very end joins nothing: there is no next physical line.
        if (!in.input().empty()) {
            state.last_joined_line = in.iterator().line + 1;
        }
    }
};

template <> struct action<rules::group> {
    template <typename ActionInput> static void apply(const ActionInput& in, file_state& state) {
        state.end_group(in);
    }
};

} // namespace hakit::grammar::haresources
