// The JSON format: one object with the findings and the totals, keys in a fixed order.
#include <hakit/lint/render.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <utility>

namespace hakit::lint {
namespace {

using json = nlohmann::ordered_json;

void put_location(json& object, const location& where) {
    object["file"] = where.file;
    object["line"] = where.line;
    object["column"] = where.column;
}

json to_json(const note& related) {
    json object = json::object();
    put_location(object, related.where);
    object["message"] = related.message;
    return object;
}

// What `hacheck --fix` would do (docs/autofix.md); mode as octal text, null when unchanged.
json to_json(const fix& repair) {
    json object = json::object();
    object["description"] = repair.description;
    object["file"] = repair.file;
    object["edits"] = json::array();
    for (const auto& edit : repair.edits) {
        json change = json::object();
        put_location(change, edit.where);
        change["length"] = edit.length;
        change["replacement"] = edit.replacement;
        object["edits"].push_back(std::move(change));
    }
    object["mode"] = repair.mode ? json(fmt::format("{:04o}", *repair.mode)) : json(nullptr);
    return object;
}

json to_json(const diagnostic& finding) {
    json object = json::object();
    put_location(object, finding.where);
    object["severity"] = to_string(finding.level);
    object["code"] = finding.code;
    object["rule"] = finding.rule;
    object["message"] = finding.message;
    object["notes"] = json::array();
    for (const auto& related : finding.notes) {
        object["notes"].push_back(to_json(related));
    }
    if (finding.fix) { // only on fixable findings: consumers of the older shape see no change
        object["fix"] = to_json(*finding.fix);
    }
    return object;
}

} // namespace

void render_json(std::ostream& out, const std::vector<diagnostic>& diagnostics,
                 const summary& totals) {
    json document = json::object();
    document["diagnostics"] = json::array();
    for (const auto& finding : diagnostics) {
        document["diagnostics"].push_back(to_json(finding));
    }
    document["summary"] = json{
        {"errors", totals.errors},
        {"warnings", totals.warnings},
        {"infos", totals.infos},
        {"files", totals.files},
    };
    // Messages may quote bytes of files that are not UTF-8 (Latin-1 comments in the corpus);
    // replace those instead of throwing.
    out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

} // namespace hakit::lint
