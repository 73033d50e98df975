// Runs the rules and puts their findings into one deterministic order.
#include <hakit/lint/engine.hpp>

#include <algorithm>
#include <tuple>

namespace hakit::lint {
namespace {

bool same_note(const note& a, const note& b) {
    return a.where == b.where && a.message == b.message;
}

bool same_diagnostic(const diagnostic& a, const diagnostic& b) {
    return std::tie(a.code, a.rule, a.level, a.message, a.where) ==
               std::tie(b.code, b.rule, b.level, b.message, b.where) &&
           std::equal(a.notes.begin(), a.notes.end(), b.notes.begin(), b.notes.end(), same_note);
}

// After sorting, exact duplicates can still be separated by findings that differ only in
// fields the sort does not look at (rule, severity, notes), so compare within each run of
// equal sort keys rather than only neighbours.
void drop_exact_duplicates(std::vector<diagnostic>& diagnostics) {
    std::vector<diagnostic> kept;
    kept.reserve(diagnostics.size());
    std::size_t run_begin = 0;
    for (auto& candidate : diagnostics) {
        if (!kept.empty() && diagnostic_less(kept.back(), candidate)) {
            run_begin = kept.size();
        }
        const bool seen = std::any_of(
            kept.begin() + static_cast<std::ptrdiff_t>(run_begin), kept.end(),
            [&](const diagnostic& earlier) { return same_diagnostic(earlier, candidate); });
        if (!seen) {
            kept.push_back(std::move(candidate));
        }
    }
    diagnostics = std::move(kept);
}

} // namespace

std::vector<diagnostic> check(const std::vector<node_folder>& folders,
                              const std::vector<registered_rule>& rules,
                              const rule_option_values* options, const host_context* host) {
    sink out(options);
    for (const auto& rule : rules) {
        if (rule.check_node != nullptr) {
            for (const auto& folder : folders) {
                rule.check_node(folder, out);
            }
        }
    }
    if (folders.size() >= 2) {
        std::vector<const node_folder*> cluster;
        cluster.reserve(folders.size());
        for (const auto& folder : folders) {
            cluster.push_back(&folder);
        }
        for (const auto& rule : rules) {
            if (rule.check_cluster != nullptr) {
                rule.check_cluster(cluster, out);
            }
        }
    }
    if (host != nullptr) {
        for (const auto& rule : rules) {
            if (rule.check_host != nullptr) {
                for (const auto& folder : folders) {
                    rule.check_host(folder, *host, out);
                }
            }
        }
    }
    const std::vector<diagnostic> findings = out.diagnostics();
    for (const auto& rule : rules) {
        if (rule.check_findings != nullptr) {
            for (const auto& folder : folders) {
                rule.check_findings(folder, findings, out);
            }
        }
    }
    auto diagnostics = out.take();
    sort_diagnostics(diagnostics);
    drop_exact_duplicates(diagnostics);
    return diagnostics;
}

std::vector<diagnostic> check(const std::vector<node_folder>& folders,
                              const rule_option_values* options, const host_context* host) {
    return check(folders, all_rules(), options, host);
}

} // namespace hakit::lint
