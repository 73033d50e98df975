// What the `pcs` and `crmsh` targets share: checking that every value of the Pacemaker model
// can be carried by a script line, and the comment lines both scripts contain.
#pragma once

#include "pacemaker_model.hpp"

#include <hakit/compiler/emit.hpp>
#include <hakit/grammar/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::emit {

// `text` with every control character and every byte that is not part of valid UTF-8
// replaced by '?': what a script writes for a value unwritable_reason() rejects, so a bad
// value can never break the script's structure (the diagnostic says the output is wrong).
std::string printable_text(std::string_view text);

// Appends an HC150 error for each value of `model` that a script line cannot carry (see
// unwritable_reason), located at the resource, constraint or ha.cf line it comes from.
// `tool` names the target in the message ("pcs", "crmsh").
void check_script_values(const pacemaker_model& model, const emit_input& input,
                         std::string_view tool, std::vector<diagnostic>& out);

// "# file:line:col: message" for each forced error, under a line saying the input had errors;
// empty when there are none.
std::string forced_error_comments(const emit_options& options);

// The model's node names as shell words separated by spaces, in declaration order.
std::string node_name_words(const pacemaker_model& model);

// One script command written over several lines joined with " \" continuations (sh and
// crmsh both join them); empty parts are left out, so optional clauses need no special case.
class script_command {
  public:
    explicit script_command(std::string first_line);
    script_command& then(std::string part);
    std::string text() const; // ends with a newline

  private:
    std::vector<std::string> lines_;
};

// The description the cib target gives a group of several resources.
std::string group_description(const group& g);

// "# haresources group <key> (preferred node <owner>)": where a group comes from, printable.
std::string group_origin_comment(const group& g);

} // namespace hakit::emit
