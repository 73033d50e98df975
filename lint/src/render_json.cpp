// The JSON format: one object with the findings and the totals, keys in a fixed order.
#include <hakit/lint/render.hpp>

#include <nlohmann/json.hpp>

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
