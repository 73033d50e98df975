#include "pacemaker_script.hpp"
#include "shell_quote.hpp"

#include <fmt/format.h>

#include <string>

namespace hakit::emit {
namespace {

inline constexpr std::string_view value_not_writable_code = "HC150";
inline constexpr std::string_view value_not_writable_rule = "value-not-writable-in-script";

// Where values that no resource or constraint owns (properties, defaults, the cluster name)
// come from: the cluster-wide ha.cf.
location cluster_location(const emit_input& input) {
    for (const node_folder& folder : input.folders) {
        if (folder.ha_cf) {
            return folder.ir.cluster.where;
        }
    }
    return input.folders.empty() ? location{} : location{input.folders.front().path, 0, 0};
}

class value_checker {
  public:
    value_checker(std::string_view tool, std::vector<diagnostic>& out) : tool_(tool), out_(out) {}

    void check(std::string_view what, std::string_view text, const location& where) {
        const std::string reason = unwritable_reason(text);
        if (reason.empty()) {
            return;
        }
        diagnostic d;
        d.code = std::string(value_not_writable_code);
        d.rule = std::string(value_not_writable_rule);
        d.level = severity::error;
        d.message = fmt::format("{} cannot be passed to {}: {}; the script writes \"{}\" instead",
                                what, tool_, reason, printable_text(text));
        d.where = where;
        out_.push_back(std::move(d));
    }

    void check_pairs(std::string_view what, const std::vector<nvpair>& pairs,
                     const location& where) {
        for (const nvpair& pair : pairs) {
            check(fmt::format("{} {}", what, printable_text(pair.name)), pair.name, where);
            check(fmt::format("{} {}", what, printable_text(pair.name)), pair.value, where);
        }
    }

    void check_primitive(const primitive& p) {
        check("resource id", p.id, p.where);
        check("agent", p.agent(), p.where);
        check_pairs("parameter", p.params, p.where);
        check_pairs("meta attribute", p.meta, p.where);
        for (const operation& op : p.operations) {
            for (const std::string_view field :
                 {op.name, op.interval, op.timeout, op.role, op.id}) {
                check("operation field", field, p.where);
            }
        }
    }

  private:
    std::string_view tool_;
    std::vector<diagnostic>& out_;
};

} // namespace

std::string printable_text(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // Take the longest prefix of the rest that is writable, one UTF-8 sequence at a time.
        std::size_t length = 1;
        while (length <= 4 && i + length <= text.size() &&
               !unwritable_reason(text.substr(i, length)).empty()) {
            ++length;
        }
        if (length > 4 || i + length > text.size()) {
            result += '?';
            ++i;
        } else {
            result.append(text.substr(i, length));
            i += length;
        }
    }
    return result;
}

void check_script_values(const pacemaker_model& model, const emit_input& input,
                         std::string_view tool, std::vector<diagnostic>& out) {
    value_checker checker(tool, out);
    const location cluster_where = cluster_location(input);
    checker.check_pairs("cluster property", model.cluster_properties, cluster_where);
    checker.check_pairs("resource default", model.rsc_defaults, cluster_where);
    for (const pcmk_node& node : model.nodes) {
        checker.check("node name", node.name, node.where);
    }
    for (const primitive& device : model.fencing) {
        checker.check_primitive(device);
    }
    for (const clone& c : model.clones) {
        checker.check("clone id", c.id, c.where);
        checker.check_pairs("clone meta attribute", c.meta, c.where);
        checker.check_primitive(c.child);
    }
    for (const group& g : model.groups) {
        checker.check("group id", g.id, g.where);
        for (const primitive& member : g.members) {
            checker.check_primitive(member);
        }
    }
    for (const location_constraint& l : model.locations) {
        for (const std::string_view field : {l.id, l.resource, l.node, l.score, l.role}) {
            checker.check("location constraint field", field, l.where);
        }
        if (l.rule) {
            for (const std::string_view field : {l.rule->id, l.rule->score, l.rule->boolean_op}) {
                checker.check("rule field", field, l.where);
            }
            for (const rule_expression& e : l.rule->expressions) {
                for (const std::string_view field : {e.attribute, e.operation, e.value, e.type}) {
                    checker.check("rule expression field", field, l.where);
                }
            }
        }
    }
    for (const colocation_constraint& c : model.colocations) {
        for (const std::string_view field :
             {c.id, c.resource, c.with_resource, c.with_role, c.score}) {
            checker.check("colocation field", field, c.where);
        }
    }
    for (const order_constraint& o : model.orders) {
        for (const std::string_view field :
             {o.id, o.first_resource, o.first_action, o.then_resource, o.then_action, o.kind}) {
            checker.check("order field", field, o.where);
        }
    }
}

std::string forced_error_comments(const emit_options& options) {
    if (options.forced_errors.empty()) {
        return {};
    }
    std::string text = "# Written with --force although the input has errors:\n";
    for (const diagnostic& error : options.forced_errors) {
        text += fmt::format("# {}: {}\n", printable_text(to_string(error.where)),
                            printable_text(error.message));
    }
    text += "#\n";
    return text;
}

std::string node_name_words(const pacemaker_model& model) {
    std::string words;
    for (const pcmk_node& node : model.nodes) {
        if (!words.empty()) {
            words += ' ';
        }
        words += shell_word(printable_text(node.name));
    }
    return words;
}

script_command::script_command(std::string first_line) {
    lines_.push_back(std::move(first_line));
}

script_command& script_command::then(std::string part) {
    if (!part.empty()) {
        lines_.push_back(std::move(part));
    }
    return *this;
}

std::string script_command::text() const {
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        out += i == 0 ? "" : " \\\n    ";
        out += lines_[i];
    }
    return out + "\n";
}

std::string group_description(const group& g) {
    return "haresources: " + g.key;
}

std::string group_origin_comment(const group& g) {
    return fmt::format("# haresources group {} (preferred node {})\n", printable_text(g.key),
                       printable_text(g.preferred_node));
}

} // namespace hakit::emit
