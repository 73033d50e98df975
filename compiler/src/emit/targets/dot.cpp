// Target "dot": a Graphviz diagram of the cluster (dot_cluster.hpp says what is drawn).
#include "dot_cluster.hpp"

namespace hakit::emit {
namespace {

emit_result emit_dot(const emit_input& input) {
    diagram::cluster_view view = diagram::view_cluster(input);
    emit_result result;
    result.files.push_back({"cluster.dot", diagram::draw(view, input.options.forced_errors)});
    result.diagnostics = std::move(view.diagnostics);
    sort_diagnostics(result.diagnostics);
    return result;
}

const target_registrar registered{
    {"dot", "Graphviz diagram of nodes, heartbeat links, ping nodes and resource groups",
     &emit_dot}};

} // namespace
} // namespace hakit::emit
