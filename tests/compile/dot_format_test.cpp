// Targets "dot", "ha.cf", "haresources" and "authkeys". The formatters are checked against
// Heartbeat's meaning: the formatted file must resolve to the same IR as the original (every
// value, default flag and problem; only locations may differ) and formatting twice must change
// nothing, on every example and on every corpus file without syntax errors. The diagrams are
// checked by Graphviz itself: `dot -Tsvg` must accept each one, and docs/ holds the seed's.
#include "format_ha_cf.hpp"
#include "ha_cf_state.hpp"
#include "support/corpus_manifest.hpp"
#include "support/pseudo_random_inputs.hpp"
#include "tool/golden.hpp"
#include "tool/process.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit;
using namespace hakit::test;
using namespace std::string_literals;

namespace {

const fs::path source_root = fs::path(HAKIT_SOURCE_DIR);

// --- Running a target -----------------------------------------------------------------------

emit::emit_result run_target(std::string_view target, const std::vector<node_folder>& folders,
                             const emit::emit_options& options = {}) {
    const emit::target_info* info = emit::find_target(target);
    REQUIRE(info != nullptr);
    std::vector<const node_folder*> pointers;
    for (const auto& folder : folders) {
        pointers.push_back(&folder);
    }
    const ir::cluster_model cluster = ir::join_cluster(pointers);
    return info->emit(emit::emit_input{folders, cluster, options});
}

emit::emit_options with_secrets() {
    emit::emit_options options;
    options.include_secrets = true;
    return options;
}

std::string_view target_of(file_kind kind) {
    return to_string(kind);
}

// One folder holding just `text` as the file of `kind`.
node_folder folder_with(file_kind kind, const std::string& text,
                        const std::string& path = "input") {
    return load_node_folder_from_memory(path, {{std::string(to_string(kind)), text}}, 0600,
                                        std::nullopt);
}

// The formatted file of a one-folder run; REQUIREs exactly one file.
std::string format_text(file_kind kind, const std::string& text,
                        std::vector<diagnostic>* diagnostics = nullptr) {
    const auto result = run_target(target_of(kind), {folder_with(kind, text)}, with_secrets());
    if (diagnostics != nullptr) {
        *diagnostics = result.diagnostics;
    }
    REQUIRE(result.files.size() == 1);
    CHECK(result.files.front().name == to_string(kind));
    return result.files.front().content;
}

std::vector<node_folder> load_example(const std::string& name) {
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(source_root / "examples" / name)) {
        if (entry.is_directory()) {
            folders.push_back(entry.path());
        }
    }
    std::sort(folders.begin(), folders.end());
    std::vector<node_folder> loaded;
    for (const auto& folder : folders) {
        loaded.push_back(load_node_folder(folder.string(), {}));
    }
    return loaded;
}

bool has_code(const std::vector<diagnostic>& diagnostics, std::string_view code) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [&](const diagnostic& d) { return d.code == code; });
}

// --- The IR, without locations, as lines to compare -----------------------------------------

template <class T> std::string shown(const ir::value<T>& value) {
    std::ostringstream out;
    if constexpr (std::is_same_v<T, ir::failback_policy>) {
        out << ir::to_string(value.v);
    } else {
        out << value.v;
    }
    out << (value.is_explicit() ? "" : " (default)");
    return out.str();
}

template <class T> std::string shown(const std::optional<ir::value<T>>& value) {
    return value ? shown(*value) : "unset";
}

std::string joined(const std::vector<std::string>& items) {
    return fmt::format("[{}]", fmt::join(items, "|"));
}

void describe_options(const ir::node_config& c, std::vector<std::string>& out) {
    out.push_back("cluster " + shown(c.cluster));
    out.push_back("keepalive " + shown(c.times.keepalive_ms));
    out.push_back("deadtime " + shown(c.times.deadtime_ms));
    out.push_back("warntime " + shown(c.times.warntime_ms));
    out.push_back("initdead " + shown(c.times.initdead_ms));
    out.push_back("deadping " + shown(c.times.deadping_ms));
    out.push_back("failback " + shown(c.failback));
    out.push_back("logfile " + shown(c.log.logfile));
    out.push_back("debugfile " + shown(c.log.debugfile));
    out.push_back("logfacility " + shown(c.log.logfacility));
    out.push_back("use_logd " + shown(c.log.use_logd));
    out.push_back("udpport " + shown(c.udpport));
    out.push_back("baud " + shown(c.baud));
    out.push_back("autojoin " + shown(c.autojoin));
    out.push_back("pacemaker " + shown(c.pacemaker) + (c.pacemaker_enabled ? " enabled" : ""));
    out.push_back(fmt::format("nice_failback_given {}", c.nice_failback_given));
    for (const auto& [name, value] : c.other_options) {
        out.push_back("option " + name + " = " + shown(value));
    }
}

void describe_lists(const ir::node_config& c, std::vector<std::string>& out) {
    for (const auto& node : c.nodes) {
        out.push_back("node " + node.name + " as " + node.as_written);
    }
    for (const auto& m : c.media) {
        out.push_back(fmt::format("medium {} dev={} peer={} group={} port={} ttl={} loop={} "
                                  "baud={}",
                                  ir::to_string(m.kind), m.device, m.peer, m.group, m.port, m.ttl,
                                  m.loop, m.baud));
    }
    for (const auto& p : c.ping_nodes) {
        out.push_back(
            fmt::format("ping {} {} {}", static_cast<int>(p.kind), p.name, joined(p.hosts)));
    }
    for (const auto& child : c.children) {
        out.push_back(fmt::format("child {} {} {} failfast={}", child.user, child.command,
                                  joined(child.args), child.failfast));
    }
    for (const auto& a : c.api_auths) {
        out.push_back(
            fmt::format("apiauth {} uid={} gid={}", a.client, joined(a.uids), joined(a.gids)));
    }
    for (const auto& s : c.stonith) {
        out.push_back(fmt::format("stonith {} {} {}", s.host, s.type, joined(s.params)));
    }
}

void describe_auth(const ir::auth_config& auth, std::vector<std::string>& out) {
    out.push_back(fmt::format("auth present={} active={}", auth.present, shown(auth.active)));
    for (const auto& line : auth.auth_lines) {
        out.push_back("auth line " + shown(line));
    }
    for (const auto& [index, key] : auth.keys) {
        out.push_back(fmt::format("key {} {} method={} key={}", index, key.method_as_written,
                                  key.method ? static_cast<int>(*key.method) : -1,
                                  key.key ? key.key->reveal() : "(none)"));
    }
}

void describe_groups(const ir::node_config& c, std::vector<std::string>& out) {
    for (const auto& g : c.groups) {
        out.push_back("group " + shown(g.owner) + " key " + g.key);
        for (const auto& r : g.resources) {
            std::string line =
                fmt::format("  resource {} {} bare_ip={}", r.script, joined(r.args), r.bare_ip);
            if (r.ip) {
                line += fmt::format(" ip={} netmask={} bits={} nic={} broadcast={}", r.ip->ip,
                                    r.ip->netmask.value_or("-"), r.ip->cidr_bits.value_or(-1),
                                    r.ip->nic.value_or("-"), r.ip->broadcast.value_or("-"));
            }
            out.push_back(line);
        }
    }
}

// Everything the IR says except locations. Problems are compared as a sorted list: moving a
// directive may change the order in which they are found, never which ones there are.
std::vector<std::string> describe(const ir::node_config& c) {
    std::vector<std::string> out;
    describe_options(c, out);
    describe_lists(c, out);
    describe_auth(c.auth, out);
    describe_groups(c, out);
    std::vector<std::string> problems;
    for (const auto& p : c.problems) {
        problems.push_back(fmt::format("problem {} {}", static_cast<int>(p.kind), p.message));
    }
    std::sort(problems.begin(), problems.end());
    out.insert(out.end(), problems.begin(), problems.end());
    return out;
}

// "" when both texts resolve to the same IR, else the lines that differ.
std::string ir_difference(file_kind kind, const std::string& original,
                          const std::string& formatted) {
    const auto before = describe(folder_with(kind, original).ir);
    const auto after = describe(folder_with(kind, formatted).ir);
    if (before == after) {
        return "";
    }
    std::string message = "the IR changed:\n";
    for (const auto& line : before) {
        if (std::find(after.begin(), after.end(), line) == after.end()) {
            message += "- " + line + "\n";
        }
    }
    for (const auto& line : after) {
        if (std::find(before.begin(), before.end(), line) == before.end()) {
            message += "+ " + line + "\n";
        }
    }
    return message;
}

// Lines the formatter must never write: trailing blanks (except where a diagnostic says one
// was kept on purpose), and a file must end with a newline.
std::string shape_problem(const std::string& formatted, const std::vector<diagnostic>& notes) {
    if (!formatted.empty() && formatted.back() != '\n') {
        return "no final newline";
    }
    std::istringstream lines(formatted);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t') &&
            !has_code(notes, "HC305")) {
            return "trailing blank in: " + line;
        }
    }
    return "";
}

// Same IR, idempotent, well-shaped: the three properties every formatted file has.
void check_formatting(file_kind kind, const std::string& original, const std::string& label) {
    INFO(label);
    std::vector<diagnostic> notes;
    const std::string once = format_text(kind, original, &notes);
    INFO("formatted:\n" << once);
    CHECK(ir_difference(kind, original, once).empty());
    CHECK(shape_problem(once, notes).empty());
    const std::string twice = format_text(kind, once);
    if (twice != once) {
        FAIL_CHECK("formatting again changed it:\n" << line_diff(once, twice));
    }
}

const std::vector<file_kind> all_kinds{file_kind::ha_cf, file_kind::haresources,
                                       file_kind::authkeys};

bool has_syntax_errors(const node_folder& folder) {
    return (folder.ha_cf && !folder.ha_cf->errors.empty()) ||
           (folder.haresources && !folder.haresources->errors.empty()) ||
           (folder.authkeys && !folder.authkeys->errors.empty());
}

} // namespace

// --- ha.cf ----------------------------------------------------------------------------------

TEST_CASE("ha.cf: spacing normalised, sections ordered, comments kept with their directive",
          "[format][ha.cf]") {
    const std::string input = "#  header comment\n"
                              "#\n"
                              "\n"
                              "node\tsrv5   srv6\n"
                              "\n"
                              "# the peer\n"
                              "ucast eth1 10.0.0.2   # private link  \n"
                              "  keepalive   2\n"
                              "# after keepalive\n"
                              "\n"
                              "deadtime 30,\t40\n"
                              "auto_failback on\n"
                              "logfile /var/log/ha-log\n"
                              "bogus directive\n"
                              "udpport 694\n"
                              "\n"
                              "# footer\n";
    const std::string expected = "#  header comment\n"
                                 "#\n"
                                 "\n"
                                 "logfile /var/log/ha-log\n"
                                 "\n"
                                 "keepalive 2\n"
                                 "# after keepalive\n"
                                 "\n"
                                 "deadtime 30 40\n"
                                 "\n"
                                 "udpport 694\n"
                                 "\n"
                                 "# the peer\n"
                                 "ucast eth1 10.0.0.2 # private link\n"
                                 "\n"
                                 "node srv5 srv6\n"
                                 "\n"
                                 "auto_failback on\n"
                                 "\n"
                                 "bogus directive\n"
                                 "\n"
                                 "# footer\n";
    CHECK(format_text(file_kind::ha_cf, input) == expected);
    check_formatting(file_kind::ha_cf, input, "inline example");
}

TEST_CASE("ha.cf: commented-out directives go to their directive's section", "[format][ha.cf]") {
    const std::string input = "#node z\n"
                              "\n"
                              "#bcast eth9\n"
                              "node a\n"
                              "#ucast eth1 10.0.0.9\n"
                              "#keepalive 5\n"
                              "\n"
                              "# prose, then\n"
                              "#deadtime 10\n"
                              "keepalive 1\n"
                              "ucast eth0 10.0.0.2\n";
    // Apart from the first directive it is the header; mixed with prose it stays with prose.
    const std::string expected = "#node z\n"
                                 "\n"
                                 "#keepalive 5\n"
                                 "\n"
                                 "# prose, then\n"
                                 "#deadtime 10\n"
                                 "keepalive 1\n"
                                 "\n"
                                 "#bcast eth9\n"
                                 "#ucast eth1 10.0.0.9\n"
                                 "ucast eth0 10.0.0.2\n"
                                 "\n"
                                 "node a\n";
    CHECK(format_text(file_kind::ha_cf, input) == expected);
    check_formatting(file_kind::ha_cf, input, "inline example");
}

TEST_CASE("ha.cf: udpport and baud move before the media only when no medium changes",
          "[format][ha.cf]") {
    SECTION("udpport after a bcast that read another port stays after it") {
        const std::string input = "bcast eth0\nudpport 700\nucast eth1 10.0.0.2\n";
        std::vector<diagnostic> notes;
        const std::string out = format_text(file_kind::ha_cf, input, &notes);
        CHECK(out == input);
        REQUIRE(notes.size() == 1);
        CHECK(notes.front().code == "HC302");
        CHECK(notes.front().where.line == 2);
        CHECK(ir_difference(file_kind::ha_cf, input, out).empty());
    }
    SECTION("udpport equal to what the earlier media read moves before them") {
        const std::string input = "bcast eth0\nudpport 694\n";
        std::vector<diagnostic> notes;
        CHECK(format_text(file_kind::ha_cf, input, &notes) == "udpport 694\nbcast eth0\n");
        CHECK(notes.empty());
    }
    SECTION("baud after a serial line stays after it") {
        const std::string input = "serial /dev/ttyS0\nbaud 38400\n";
        std::vector<diagnostic> notes;
        CHECK(format_text(file_kind::ha_cf, input, &notes) == input);
        CHECK(has_code(notes, "HC302"));
    }
}

TEST_CASE("ha.cf: order-dependent directives keep their relative order", "[format][ha.cf]") {
    // nice_failback after auto_failback on means off; before it, legacy (reference §1.4).
    for (const std::string input : {"auto_failback on\nnode a\nnice_failback on\n",
                                    "nice_failback on\nnode a\nauto_failback on\n",
                                    "pacemaker on\ncrmd_spawns_pengine yes\nrespawn x /bin/x\n",
                                    "quorum_server q\ncluster c\n"}) {
        check_formatting(file_kind::ha_cf, input, input);
    }
    CHECK(format_text(file_kind::ha_cf, "auto_failback on\nnode a\nnice_failback on\n") ==
          "node a\n\nauto_failback on\nnice_failback on\n");
}

TEST_CASE("ha.cf: text Heartbeat cuts off after a CR or NUL is reported, not silently lost",
          "[format][ha.cf]") {
    const std::string input = "keepalive 2\rdeadtime 9\nnode a\n\0node b\n"s;
    std::vector<diagnostic> notes;
    const std::string out = format_text(file_kind::ha_cf, input, &notes);
    CHECK(out == "keepalive 2\n\nnode a\n");
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].code == "HC304");
    CHECK(notes[0].where.line == 1);
    CHECK(notes[0].where.column == 12);
    CHECK(notes[1].where.line == 3);
    CHECK(ir_difference(file_kind::ha_cf, input, out).empty());
}

TEST_CASE("ha.cf: every directive Heartbeat knows has a place in the canonical order",
          "[format][ha.cf]") {
    for (const auto& directive : resolve::all_directives()) {
        INFO(directive.name);
        CHECK(emit::format::ha_cf_placement_of(directive.name).section !=
              emit::format::ha_cf_section::unknown);
    }
    CHECK(emit::format::ha_cf_placement_of("udp").section == emit::format::ha_cf_section::media);
    CHECK(emit::format::ha_cf_placement_of("Keepalive").section ==
          emit::format::ha_cf_section::unknown);
}

// --- haresources ----------------------------------------------------------------------------

TEST_CASE("haresources: one group per line, continuations joined, comments kept",
          "[format][haresources]") {
    const std::string input = "# groups\n"
                              "\n"
                              "node1   10.0.0.1\tdrbddisk::r0 \\\n"
                              "      Filesystem::/dev/drbd0::/data::ext4   httpd\n"
                              "node2 IPaddr::10.0.0.2/24/eth0   # second group  \n";
    const std::string expected = "# groups\n"
                                 "\n"
                                 "node1 10.0.0.1 drbddisk::r0 Filesystem::/dev/drbd0::/data::ext4 "
                                 "httpd\n"
                                 "node2 IPaddr::10.0.0.2/24/eth0 # second group\n";
    CHECK(format_text(file_kind::haresources, input) == expected);
    check_formatting(file_kind::haresources, input, "inline example");
}

TEST_CASE("haresources: '#' words of continuation lines stay on a continuation line",
          "[format][haresources]") {
    // ResourceManager strips comments before joining lines: on the second line '#' is a word.
    const std::string input = "node1 10.0.0.1 \\\n  httpd # start apache\n";
    const std::string out = format_text(file_kind::haresources, input);
    CHECK(out == "node1 10.0.0.1 httpd \\\n    # start apache\n");
    check_formatting(file_kind::haresources, input, input);
}

TEST_CASE("haresources: a word ending in a backslash keeps the blank after it",
          "[format][haresources]") {
    // "\" followed by a blank does not continue the line (reference §7); without the blank the
    // formatted line would swallow the next group.
    const std::string input = "node1 10.0.0.1 \\ \nnode2 10.0.0.2\n";
    std::vector<diagnostic> notes;
    const std::string out = format_text(file_kind::haresources, input, &notes);
    CHECK(out == "node1 10.0.0.1 \\ \nnode2 10.0.0.2\n");
    CHECK(has_code(notes, "HC305"));
    check_formatting(file_kind::haresources, input, input);
}

// --- authkeys -------------------------------------------------------------------------------

TEST_CASE("authkeys: auth first, keys by index, comments kept", "[format][authkeys]") {
    const std::string input = "# keys\n"
                              "\n"
                              "3   md5  m5key\n"
                              "auth\t2   # use sha1\n"
                              "# the active one\n"
                              "2 sha1 s3cret! ignored words\n"
                              "1 crc\n";
    const std::string expected = "# keys\n"
                                 "\n"
                                 "auth 2 # use sha1\n"
                                 "1 crc\n"
                                 "\n"
                                 "# the active one\n"
                                 "2 sha1 s3cret! ignored words\n"
                                 "3 md5 m5key\n";
    CHECK(format_text(file_kind::authkeys, input) == expected);
    check_formatting(file_kind::authkeys, input, "inline example");
}

TEST_CASE("authkeys: an auth line after its key keeps the file order", "[format][authkeys]") {
    const std::string input = "1 sha1 key\nauth 1\n";
    std::vector<diagnostic> notes;
    CHECK(format_text(file_kind::authkeys, input, &notes) == input);
    REQUIRE(notes.size() == 1);
    CHECK(notes.front().code == "HC303");
    CHECK(notes.front().where.line == 2);
}

TEST_CASE("authkeys: lines that do not parse are kept as written", "[format][authkeys]") {
    const std::string input = "auth 1\nhello world\n1 sha1   key\n";
    const node_folder folder = folder_with(file_kind::authkeys, input);
    REQUIRE_FALSE(folder.authkeys->errors.empty());
    const auto result = run_target("authkeys", {folder}, with_secrets());
    REQUIRE(result.files.size() == 1);
    CHECK(result.files.front().content == "auth 1\nhello world\n1 sha1 key\n");
}

TEST_CASE("authkeys: written only with --include-secrets, then mode 0600", "[format][authkeys]") {
    const node_folder folder = folder_with(file_kind::authkeys, "auth 1\n1 sha1 t0p-s3cret\n");
    const auto refused = run_target("authkeys", {folder});
    CHECK(refused.files.empty());
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(refused.diagnostics.front().code == "HC300");
    CHECK(refused.diagnostics.front().level == severity::error);
    CHECK(refused.diagnostics.front().message.find("t0p-s3cret") == std::string::npos);

    const auto written = run_target("authkeys", {folder}, with_secrets());
    REQUIRE(written.files.size() == 1);
    CHECK(written.files.front().mode == 0600U);
    CHECK(written.files.front().content == "auth 1\n1 sha1 t0p-s3cret\n");
}

// --- All three on real inputs ---------------------------------------------------------------

TEST_CASE("formatters keep the IR and are idempotent on every example", "[format][examples]") {
    for (const std::string example : {"seed", "clean-sha1", "mistakes"}) {
        const auto folders = load_example(example);
        REQUIRE(folders.size() >= 2);
        for (const auto kind : all_kinds) {
            const auto result = run_target(target_of(kind), folders, with_secrets());
            REQUIRE(result.files.size() == folders.size());
            for (std::size_t i = 0; i < folders.size(); ++i) {
                const auto& file = result.files[i];
                const std::string node = folders[i].ir.local_name->v;
                CHECK(file.name == node + "/" + std::string(to_string(kind)));
                const auto& sources = folders[i].config_sources();
                const auto source = std::find_if(sources.begin(), sources.end(), [&](auto& s) {
                    return fs::path(s->path()).filename() == to_string(kind);
                });
                REQUIRE(source != sources.end());
                check_formatting(kind, (*source)->bytes(), (*source)->path());
                CHECK(file.content == format_text(kind, (*source)->bytes()));
            }
        }
    }
}

TEST_CASE("formatters keep the IR and are idempotent on every corpus file that parses",
          "[format][corpus]") {
    if (!corpus_available()) {
        return;
    }
    std::map<std::string, int> checked;
    for (const auto& row : read_corpus_manifest()) {
        const auto kind = file_kind_from_name(row.type);
        REQUIRE(kind.has_value());
        std::string error;
        const auto source = read_source_file(row.path().string(), error);
        REQUIRE(source != nullptr);
        if (has_syntax_errors(folder_with(*kind, source->bytes()))) {
            continue;
        }
        check_formatting(*kind, source->bytes(), row.path().string());
        ++checked[row.type];
    }
    // The corpus has 111 ha.cf, 70 haresources and 59 authkeys rows, templates included.
    CHECK(checked["ha.cf"] >= 105);
    CHECK(checked["haresources"] >= 65);
    CHECK(checked["authkeys"] >= 50);
}

TEST_CASE("formatters keep the IR and are idempotent on pseudo-random files", "[format]") {
    // Pieces chosen to hit the order-dependent directives, comment attachment, the line cuts
    // and the haresources/authkeys quirks; the same inputs on every run.
    const std::vector<std::string> ha_cf_pieces{"\n",
                                                "\n",
                                                " ",
                                                "\t",
                                                ",",
                                                "#",
                                                "# c\n",
                                                "#bcast eth9\n",
                                                "#node x\n",
                                                "\r",
                                                "\r\n",
                                                std::string(1, '\0'),
                                                "udpport 700\n",
                                                "udpport 694\n",
                                                "bcast eth0\n",
                                                "udp eth1\n",
                                                "ucast eth1 10.0.0.2\n",
                                                "serial /dev/ttyS0\n",
                                                "baud 38400\n",
                                                "baud 9600\n",
                                                "node a\n",
                                                "node B c",
                                                "keepalive 2\n",
                                                "deadtime 30",
                                                "auto_failback on\n",
                                                "nice_failback on\n",
                                                "auto_failback legacy\n",
                                                "pacemaker on\n",
                                                "crmd_spawns_pengine yes\n",
                                                "crm_daemon_dir /x\n",
                                                "cluster c\n",
                                                "quorum_server q\n",
                                                "watchdog /dev/w\n",
                                                "env A=1\n",
                                                "env A=2\n",
                                                "bogus 1\n",
                                                "ping 10.0.0.1\n",
                                                "ping_group g h1 h2\n",
                                                "respawn u /bin/x\n",
                                                "apiauth c uid=u\n",
                                                "mcast eth0 239.0.0.1 694 1 0\n"};
    const std::vector<std::string> haresources_pieces{
        "\n",    "\n",       " ",
        "\t",    "\\",       "\\\n",
        "\\ \n", "#",        "# c",
        "\r",    "\r\n",     "node1",
        "NODE2", "10.0.0.1", "IPaddr::10.0.0.2/24/eth0",
        "httpd", "a#b",      "Filesystem::/d::/m"};
    const std::vector<std::string> authkeys_pieces{
        "\n",       "\n",    " ",        "\t",      "#", "# c", "auth 1", "auth 2",
        "auth",     "1 crc", "2 sha1 k", "2 md5 m", "3", "x",   "\r\n",   std::string(1, '\0'),
        "16 sha1 k"};
    const std::vector<std::pair<file_kind, const std::vector<std::string>*>> sets{
        {file_kind::ha_cf, &ha_cf_pieces},
        {file_kind::haresources, &haresources_pieces},
        {file_kind::authkeys, &authkeys_pieces}};
    for (const auto& [kind, pieces] : sets) {
        for (const auto& input : pseudo_random_inputs(*pieces, 5, 2000)) {
            check_formatting(kind, input, "input: " + input);
        }
    }
}

TEST_CASE("formatters: one file per node folder, named after the node", "[format]") {
    std::vector<node_folder> folders;
    folders.push_back(
        load_node_folder_from_memory("site/a", {{"ha.cf", "node x y\n"}}, 0600, std::string("x")));
    folders.push_back(load_node_folder_from_memory("site/y-folder/", {{"ha.cf", "node x y\n"}},
                                                   0600, std::nullopt));
    folders.push_back(load_node_folder_from_memory("other/y-folder", {{"haresources", "x a\n"}},
                                                   0600, std::nullopt));
    folders.push_back(load_node_folder_from_memory("more/y-folder", {{"ha.cf", "node x y\n"}}, 0600,
                                                   std::nullopt));
    const auto result = run_target("ha.cf", folders);
    REQUIRE(result.files.size() == 3);
    CHECK(result.files[0].name == "x/ha.cf");
    CHECK(result.files[1].name == "y-folder/ha.cf");
    CHECK(result.files[2].name == "y-folder-3/ha.cf");
    CHECK(result.diagnostics.empty());

    const auto none = run_target("haresources", {folders[0]});
    CHECK(none.files.empty());
    REQUIRE(none.diagnostics.size() == 1);
    CHECK(none.diagnostics.front().code == "HC301");
}

TEST_CASE("formatters and dot put --force errors as comments on top", "[format][dot]") {
    emit::emit_options options = with_secrets();
    diagnostic error;
    error.message = "unknown directive 'Keepalive'\nsecond line";
    error.where = location{"n1/ha.cf", 3, 1};
    options.forced_errors.push_back(error);
    const node_folder folder = folder_with(file_kind::ha_cf, "Keepalive 2\nnode a\n");
    const auto formatted = run_target("ha.cf", {folder}, options);
    REQUIRE(formatted.files.size() == 1);
    CHECK(formatted.files.front().content ==
          "# n1/ha.cf:3:1: unknown directive 'Keepalive' second line\n\nnode a\n\nKeepalive 2\n");
    const auto diagram = run_target("dot", {folder}, options);
    REQUIRE(diagram.files.size() == 1);
    CHECK(diagram.files.front().content.rfind(
              "// n1/ha.cf:3:1: unknown directive 'Keepalive' second line\ndigraph", 0) == 0);
}

// --- dot ------------------------------------------------------------------------------------

namespace {

// Runs `dot -Tsvg` on the text; returns "" when Graphviz accepts it, else why not.
std::string dot_problem(const temp_dir& scratch, const std::string& name, const std::string& dot,
                        std::string* svg = nullptr) {
    const fs::path file = scratch.path() / (name + ".dot");
    write_file(file, dot);
    const run_result result = run_process("dot", {"-Tsvg", file.string()});
    if (svg != nullptr) {
        *svg = result.out;
    }
    if (!result.exited() || result.exit_code != 0 || !result.err.empty()) {
        return describe_end(result) + ": " + result.err;
    }
    return "";
}

std::string diagram_of(const std::vector<node_folder>& folders,
                       std::vector<diagnostic>* diagnostics = nullptr) {
    const auto result = run_target("dot", folders);
    REQUIRE(result.files.size() == 1);
    CHECK(result.files.front().name == "cluster.dot");
    if (diagnostics != nullptr) {
        *diagnostics = result.diagnostics;
    }
    return result.files.front().content;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("dot: the seed's diagram shows nodes, links, ping nodes and the group",
          "[dot][examples]") {
    const std::string dot = diagram_of(load_example("seed"));
    INFO(dot);
    CHECK(contains(dot, "\"node_srv5_localdomain\" [shape=\"box\""));
    CHECK(contains(dot, "label=\"srv5.localdomain\\n192.168.9.5\"]"));
    CHECK(contains(dot, "\"node_srv5_localdomain\" -> \"node_srv6_localdomain\" "
                        "[label=\"ucast eth1, udp 694\", color=\"#2b6cb0\", dir=\"both\"];"));
    CHECK(contains(dot, "\"ping_ping_192_168_8_2\" [shape=\"diamond\""));
    CHECK(contains(dot, "\"node_srv6_localdomain\" -> \"ping_ping_192_168_9_7\""));
    CHECK(contains(dot, "\"group_IPaddr__192_168_8_100_32\" -> \"node_srv5_localdomain\" "
                        "[label=\"prefers\""));
    CHECK(contains(dot, "\"vip_192_168_8_100\" [shape=\"ellipse\""));
    CHECK(contains(dot, "auto_failback on"));
}

TEST_CASE("dot: one folder for the whole cluster draws every node with its media", "[dot]") {
    const std::string ha_cf =
        "bcast eth0\nmcast eth1 239.0.0.1 694 1 0\nserial /dev/ttyS0\n"
        "ucast eth2 10.0.0.2\nnode a b\nping_group gw 10.0.0.254 10.0.0.253\n";
    std::vector<diagnostic> notes;
    const std::string dot = diagram_of(
        {load_node_folder_from_memory("one", {{"ha.cf", ha_cf}, {"haresources", "b httpd\n"}}, 0600,
                                      std::string("a"))},
        &notes);
    INFO(dot);
    CHECK(notes.empty());
    for (const std::string host : {"node_a", "node_b"}) {
        for (const std::string segment : {"medium_bcast_eth0_694", "medium_mcast_239_0_0_1_694",
                                          "medium_serial_19200", "ping_ping_group_gw"}) {
            CHECK(contains(dot, "\"" + host + "\" -> \"" + segment + "\""));
        }
    }
    // a sends to 10.0.0.2, which is therefore b's; b's copy of the line is its own address.
    CHECK(contains(dot, "\"node_a\" -> \"node_b\" [label=\"ucast eth2, udp 694\""));
    CHECK_FALSE(contains(dot, "\"node_b\" -> \"node_a\""));
    CHECK(contains(dot, "\"group_httpd\" -> \"node_b\" [label=\"prefers\""));
    temp_dir scratch;
    CHECK(dot_problem(scratch, "one", dot).empty());
}

TEST_CASE("dot: labels are escaped and ids stay unique and stable", "[dot]") {
    const std::string ha_cf = "node \"quoted\\name a.b a_b\n"
                              "ucast eth0 \xff\xfe-bad-utf8\n"
                              "ping h\xc3\xa9te\n";
    const std::vector<node_folder> folders{load_node_folder_from_memory(
        "odd", {{"ha.cf", ha_cf}, {"haresources", "a.b x\"y\\\n"}}, 0600, std::string("a.b"))};
    const std::string dot = diagram_of(folders);
    INFO(dot);
    CHECK(contains(dot, "\"node__quoted_name\" [shape=\"box\""));
    CHECK(contains(dot, "label=\"\\\"quoted\\\\name\""));
    CHECK(contains(dot, "\"node_a_b\" ["));
    CHECK(contains(dot, "\"node_a_b_2\" ["));
    CHECK(contains(dot, "?\?-bad-utf8"));
    CHECK(contains(dot, "ping h\xc3\xa9te"));
    CHECK(diagram_of(folders) == dot);
    temp_dir scratch;
    CHECK(dot_problem(scratch, "odd", dot).empty());
}

TEST_CASE("dot: a folder that names no node is reported, not guessed", "[dot]") {
    std::vector<node_folder> folders;
    for (const std::string path : {"first", "second"}) {
        folders.push_back(load_node_folder_from_memory(path, {{"ha.cf", "node a b\nbcast eth0\n"}},
                                                       0600, std::nullopt));
    }
    std::vector<diagnostic> notes;
    const std::string dot = diagram_of(folders, &notes);
    REQUIRE(notes.size() == 1);
    CHECK(notes.front().code == "HC310");
    CHECK(notes.front().where.file == "second");
    CHECK(contains(dot, "\"node_b\" -> \"medium_bcast_eth0_694\""));
}

TEST_CASE("dot: Graphviz accepts the diagram of every example and corpus folder", "[dot][corpus]") {
    temp_dir scratch;
    int drawn = 0;
    for (const std::string example : {"seed", "clean-sha1", "mistakes"}) {
        const std::string dot = diagram_of(load_example(example));
        INFO(example << ":\n" << dot);
        CHECK(dot_problem(scratch, example, dot).empty());
        ++drawn;
    }
    if (!corpus_available()) {
        return;
    }
    std::map<std::string, std::vector<corpus_file>> by_folder;
    for (const auto& row : read_corpus_manifest()) {
        by_folder[row.folder].push_back(row);
    }
    for (const auto& [folder, rows] : by_folder) {
        std::vector<std::vector<node_folder>> clusters;
        const bool standard = std::any_of(rows.begin(), rows.end(), [](const corpus_file& row) {
            return row.file == "ha.cf" || row.file == "haresources" || row.file == "authkeys";
        });
        if (standard) {
            clusters.push_back({load_node_folder((corpus_root() / folder).string(), {})});
        }
        for (const auto& row : rows) {
            if (row.file != "ha.cf" && row.file != "haresources" && row.file != "authkeys") {
                clusters.push_back({load_node_folder(row.path().string(), {})});
            }
        }
        for (const auto& cluster : clusters) {
            const std::string dot = diagram_of(cluster);
            INFO(cluster.front().path << ":\n" << dot);
            CHECK(dot_problem(scratch, "corpus-" + std::to_string(drawn), dot).empty());
            ++drawn;
        }
    }
    CHECK(drawn >= 150);
}

TEST_CASE("dot: docs/seed-cluster.dot and .svg are the seed's current diagram", "[dot][docs]") {
    const std::string dot = diagram_of(load_example("seed"));
    const std::string dot_mismatch = check_golden(source_root / "docs" / "seed-cluster.dot", dot);
    CHECK(dot_mismatch.empty());
    temp_dir scratch;
    std::string svg;
    REQUIRE(dot_problem(scratch, "seed", dot, &svg).empty());
    const std::string svg_mismatch = check_golden(source_root / "docs" / "seed-cluster.svg", svg);
    CHECK(svg_mismatch.empty());
}
