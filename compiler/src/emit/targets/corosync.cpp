// Target `corosync`: corosync.conf for Corosync 3 with knet, identical on every node.
// Nodes and their link addresses come from the ucast peers, one knet link per heartbeat
// interface; totem timeouts follow deadtime and keepalive (corosync_timing.hpp); logging
// follows logfile/logfacility/use_logd. Codes HC200-HC249 (docs/migration.md).
#include "conf_writer.hpp"
#include "corosync_timing.hpp"
#include "link_addresses.hpp"

#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

namespace hakit::emit {
namespace {

constexpr std::size_t max_knet_links = 8;

location file_start(const node_folder& folder) {
    return location{folder.expected_path_ha_cf, 0, 0};
}

std::string describe(const ir::medium& medium) {
    switch (medium.kind) {
    case ir::medium_kind::ucast:
    case ir::medium_kind::ucast6:
        return fmt::format("{} {} {}", ir::to_string(medium.kind), medium.device, medium.peer);
    case ir::medium_kind::mcast:
    case ir::medium_kind::mcast6:
        return fmt::format("{} {} {}", ir::to_string(medium.kind), medium.device, medium.group);
    default:
        return fmt::format("{} {}", ir::to_string(medium.kind), medium.device);
    }
}

// Braces open and close corosync sections wherever they appear on a line.
bool fits_corosync_syntax(std::string_view value) {
    return !value.empty() && value.find_first_of("{}\n\r") == std::string_view::npos;
}

struct kept_link {
    const links::link* link = nullptr;
    std::string summary; // the heartbeat media it stands for
};

class corosync_emitter {
  public:
    explicit corosync_emitter(const emit_input& input)
        : input_(input), plan_(links::plan_links(input)) {}

    emit_result run() {
        if (plan_.reference == nullptr) {
            const location where =
                input_.folders.empty() ? location{} : file_start(input_.folders.front());
            report("HC209", "no-nodes", severity::error, where,
                   "no ha.cf: corosync.conf needs the cluster's nodes and heartbeat media");
            return finish("");
        }
        check_nodes();
        choose_links();
        check_timing();
        conf::writer out;
        write_header(out);
        write_totem(out);
        write_nodelist(out);
        write_quorum(out);
        write_logging(out);
        return finish(out.take());
    }

  private:
    const ir::node_config& config() const { return plan_.reference->ir; }

    void report(std::string_view code, std::string_view rule, severity level, const location& where,
                std::string message, std::vector<note> notes = {}) {
        diagnostics_.push_back(
            conf::make_diagnostic(code, rule, level, where, std::move(message), std::move(notes)));
    }

    emit_result finish(std::string content) {
        sort_diagnostics(diagnostics_);
        emit_result result;
        result.diagnostics = std::move(diagnostics_);
        if (!content.empty()) {
            result.files.push_back({"corosync.conf", std::move(content), 0644});
        }
        return result;
    }

    void check_nodes() {
        const auto& members = input_.cluster.members;
        if (members.empty()) {
            const auto& autojoin = config().autojoin;
            report("HC209", "no-nodes", severity::error,
                   autojoin.is_explicit() ? autojoin.where : file_start(*plan_.reference),
                   "no node is declared: corosync's nodelist must name every node (autojoin "
                   "has no corosync equivalent)");
        } else if (config().autojoin.v != "none") {
            report("HC208", "autojoin-not-carried", severity::warning, config().autojoin.where,
                   fmt::format("autojoin {} cannot carry over: corosync only accepts the nodes "
                               "of its nodelist; add new nodes to corosync.conf on every node",
                               config().autojoin.v));
        }
        for (const auto& member : members) {
            if (!fits_corosync_syntax(member.name)) {
                report("HC213", "name-not-in-corosync-syntax", severity::error,
                       member.declared_at.front(),
                       fmt::format("node name '{}' cannot be written in corosync.conf (braces "
                                   "open and close sections)",
                                   member.name));
            }
        }
        if (!fits_corosync_syntax(config().cluster.v)) {
            report("HC213", "name-not-in-corosync-syntax", severity::error, config().cluster.where,
                   fmt::format("cluster name '{}' cannot be written in corosync.conf (braces "
                               "open and close sections)",
                               config().cluster.v));
        }
    }

    // "ucast, bcast on eth1": the kinds of heartbeat media a link stands for.
    static std::string media_summary(const links::link& link) {
        std::vector<std::string_view> kinds;
        for (const auto* medium : link.media) {
            const auto kind = ir::to_string(medium->kind);
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
                kinds.push_back(kind);
            }
        }
        return fmt::format("{} on {}", fmt::join(kinds, ", "), link.device);
    }

    void drop_link_without_addresses(const links::link& link) {
        for (const auto* medium : link.media) {
            const bool bcast = medium->kind == ir::medium_kind::bcast;
            report(bcast ? "HC201" : "HC202",
                   bcast ? "broadcast-link-dropped" : "multicast-link-dropped", severity::warning,
                   medium->where,
                   fmt::format("{} cannot carry over: knet links are unicast between the nodes' "
                               "addresses, and no ucast line names the nodes' addresses on {}; "
                               "the link is left out (add it by hand as ringN_addr of every node)",
                               describe(*medium), link.device));
        }
    }

    void check_addresses(const links::link& link, std::size_t number) {
        const auto& members = input_.cluster.members;
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto& address = link.addresses[m];
            if (!address) {
                report("HC203", "node-address-unknown", severity::error,
                       members[m].declared_at.front(),
                       fmt::format("the address of node {} on link {} ({}) is not known: no "
                                   "ucast line names it; ring{}_addr would be missing (give "
                                   "every node's folder, with its nodeinfo)",
                                   members[m].name, number, link.device, number),
                       {{link.media.front()->where, "the link's heartbeat medium"}});
            } else if (!address->is_ip) {
                report("HC205", "address-is-host-name", severity::warning, address->where,
                       fmt::format("ring{}_addr of node {} is the host name '{}' as in the "
                                   "ucast line: corosync resolves it when it starts, so it "
                                   "must resolve to the node's address on {} on every node",
                                   number, members[m].name, address->address, link.device));
            }
        }
    }

    void choose_links() {
        for (const auto* medium : plan_.serial) {
            report("HC200", "serial-link-dropped", severity::warning, medium->where,
                   fmt::format("serial {} cannot carry over: knet links are IP only; the "
                               "serial link is left out",
                               medium->device));
        }
        for (const auto& link : plan_.links) {
            if (!link.has_ucast()) {
                drop_link_without_addresses(link);
                continue;
            }
            if (kept_.size() == max_knet_links) {
                report("HC212", "too-many-links", severity::warning, link.media.front()->where,
                       fmt::format("knet has at most {} links; {} is left out", max_knet_links,
                                   media_summary(link)));
                continue;
            }
            check_addresses(link, kept_.size());
            kept_.push_back({&link, media_summary(link)});
        }
        if (kept_.empty() && !input_.cluster.members.empty()) {
            const auto& media = config().media;
            report("HC204", "no-knet-link", severity::error,
                   media.empty() ? file_start(*plan_.reference) : media.front().where,
                   "no heartbeat medium names the nodes' addresses (only ucast lines do): "
                   "corosync.conf would have no link");
        }
    }

    void check_timing() {
        const auto& times = config().times;
        const auto& warntime = times.warntime_ms;
        timing_ = derive_totem_timing(times.deadtime_ms.v, times.keepalive_ms.v,
                                      warntime.is_explicit() ? std::optional<long>(warntime.v)
                                                             : std::nullopt);
        if (timing_.token_raised) {
            report("HC206", "deadtime-too-short-for-corosync", severity::warning,
                   times.deadtime_ms.where,
                   fmt::format("deadtime {} ms would give a token of {} ms; corosync gets the "
                               "minimum token {} ms, so failures are detected after about {} ms",
                               times.deadtime_ms.v, times.deadtime_ms.v * 5 / 11, minimum_token_ms,
                               timing_.token_ms + timing_.consensus_ms));
        }
        if (times.initdead_ms.is_explicit()) {
            report("HC207", "initdead-not-carried", severity::warning, times.initdead_ms.where,
                   "initdead has no corosync equivalent: with two_node, a booting node waits "
                   "until it has seen its peer once (wait_for_all), without a time limit");
        }
    }

    void write_header(conf::writer& out) const {
        out.forced_errors(input_.options.forced_errors);
        out.line(0, fmt::format("# corosync.conf for the Heartbeat cluster \"{}\", made by "
                                "hacompile (target corosync).",
                                config().cluster.v));
        out.line(0, "# The same file goes to /etc/corosync/corosync.conf on every node.");
        out.line(0, "#");
        out.line(0, "# Before starting corosync:");
        out.line(0, "#   1. Create the cluster key on one node with `corosync-keygen` (it "
                    "writes");
        out.line(0, "#      /etc/corosync/authkey, mode 0400) and copy that file to every "
                    "node, e.g.");
        out.line(0, "#      `scp -p /etc/corosync/authkey NODE:/etc/corosync/`. The Heartbeat "
                    "authkeys");
        out.line(0, "#      key is not reused: crc has no key, and md5/sha1 keys are "
                    "passphrases, not");
        out.line(0, "#      the random key knet's encryption needs.");
        out.line(0, "#   2. Let UDP port 5405 through between the nodes on every link "
                    "(Heartbeat used");
        out.line(0, fmt::format("#      udpport {}).", config().udpport.v));
        out.line(0, "#   3. Check the file on every node with `corosync -t`.");
        out.blank();
    }

    void write_totem(conf::writer& out) const {
        const auto& times = config().times;
        out.line(0, "totem {");
        out.line(1, "version: 2");
        out.line(1, fmt::format("cluster_name: {}", config().cluster.v));
        out.line(1, "transport: knet");
        out.line(1, fmt::format("# token + consensus = deadtime {} ms; the token is resent "
                                "about every keepalive ({} ms)",
                                times.deadtime_ms.v, times.keepalive_ms.v));
        out.line(1, fmt::format("token: {}", timing_.token_ms));
        out.line(1, fmt::format("consensus: {}", timing_.consensus_ms));
        out.line(1, fmt::format("token_retransmits_before_loss_const: {}",
                                timing_.retransmits_before_loss));
        if (timing_.token_warning_percent) {
            out.line(1, fmt::format("# warntime {} ms: warn at the same share of deadtime",
                                    times.warntime_ms.v));
            out.line(1, fmt::format("token_warning: {}", *timing_.token_warning_percent));
        }
        if (kept_.size() > 1) {
            out.line(1, "# Redundant links: knet uses the lowest working link number and "
                        "fails over.");
            out.line(1, "link_mode: passive");
        }
        out.line(1, "crypto_cipher: aes256");
        out.line(1, "crypto_hash: sha256");
        out.line(0, "}");
        out.blank();
    }

    void write_nodelist(conf::writer& out) const {
        for (std::size_t i = 0; i < kept_.size(); ++i) {
            out.line(0, fmt::format("# link {} (ring{}_addr): {}", i, i, kept_[i].summary));
        }
        out.line(0, "nodelist {");
        const auto& members = input_.cluster.members;
        for (std::size_t m = 0; m < members.size(); ++m) {
            out.line(1, "node {");
            out.line(2, fmt::format("name: {}", members[m].name));
            out.line(2, fmt::format("nodeid: {}", m + 1));
            for (std::size_t i = 0; i < kept_.size(); ++i) {
                if (const auto& address = kept_[i].link->addresses[m]) {
                    out.line(2, fmt::format("ring{}_addr: {}", i, address->address));
                }
            }
            out.line(1, "}");
        }
        out.line(0, "}");
        out.blank();
    }

    void write_quorum(conf::writer& out) const {
        out.line(0, "quorum {");
        out.line(1, "provider: corosync_votequorum");
        if (input_.cluster.members.size() == 2) {
            out.line(1, "two_node: 1");
        }
        out.line(0, "}");
        out.blank();
    }

    void write_logging(conf::writer& out) {
        const auto& log = config().log;
        out.line(0, "logging {");
        // corosync's default; `corosync -t` shows its errors there.
        out.line(1, "to_stderr: yes");
        const bool to_file = log.logfile && log.logfile->v != "/dev/null";
        out.line(1, fmt::format("to_logfile: {}", to_file ? "yes" : "no"));
        if (to_file) {
            out.line(1, fmt::format("logfile: {}", log.logfile->v));
        }
        if (log.debugfile) {
            report("HC211", "debugfile-not-carried", severity::warning, log.debugfile->where,
                   "debugfile cannot carry over: corosync writes one log file (debug messages "
                   "go there with `debug: on`)");
        }
        const std::string facility = log.logfacility ? log.logfacility->v : "";
        const bool facility_logs = !facility.empty() && facility != "none" && facility != "kern";
        // Heartbeat turns logd on when nothing else is configured (reference 1.7 step 13);
        // logd hands messages to syslog.
        const bool nothing_else = !log.logfile && !log.debugfile && !facility_logs;
        const bool logd = log.use_logd ? log.use_logd->v : nothing_else;
        out.line(1, fmt::format("to_syslog: {}", facility_logs || logd ? "yes" : "no"));
        if (facility_logs) {
            static const std::set<std::string, std::less<>> corosync_facilities{
                "daemon", "local0", "local1", "local2", "local3",
                "local4", "local5", "local6", "local7"};
            if (corosync_facilities.count(facility) != 0) {
                out.line(1, fmt::format("syslog_facility: {}", facility));
            } else {
                report("HC210", "logfacility-not-in-corosync", severity::warning,
                       log.logfacility->where,
                       fmt::format("corosync logs to syslog as daemon or local0..local7 only; "
                                   "logfacility {} becomes daemon",
                                   facility));
            }
        }
        const auto debug = config().other_options.find("debug");
        if (debug != config().other_options.end() && values::c_atoi(debug->second.v) > 0) {
            out.line(1, "debug: on");
        }
        out.line(0, "}");
    }

    const emit_input& input_;
    links::link_plan plan_;
    std::vector<kept_link> kept_;
    totem_timing timing_;
    std::vector<diagnostic> diagnostics_;
};

emit_result emit_corosync(const emit_input& input) {
    return corosync_emitter(input).run();
}

const target_registrar registered{
    {"corosync", "corosync.conf for Corosync 3 (knet), from nodes, media and timing",
     &emit_corosync}};

} // namespace
} // namespace hakit::emit
