// Targets `corosync` and `keepalived`, proven by the real tools: every generated
// corosync.conf passes `corosync -t` on every node, inside namespaces that hold only that
// node's addresses and an authkey from corosync-keygen; every keepalived.conf passes
// `keepalived -t -f` inside a namespace that has its interfaces (netns_check.sh). The
// namespaces need root, as in CI.
#include "corosync_timing.hpp"
#include "support/corpus_manifest.hpp"
#include "tool/process.hpp"
#include "tool/temp_dir.hpp"
#include "vrrp_rules.hpp"

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/lint/engine.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit;
using hakit::test::run_result;
using hakit::test::temp_dir;

namespace {

const fs::path source_dir = HAKIT_SOURCE_DIR;
const fs::path netns_script = source_dir / "tests" / "compile" / "netns_check.sh";
constexpr auto owner_only = fs::perms::owner_read | fs::perms::owner_write;

// ---- compiling ------------------------------------------------------------------------

emit::emit_result compile(std::string_view target, const std::vector<node_folder>& folders,
                          const emit::emit_options& options = {}) {
    std::vector<const node_folder*> pointers;
    for (const auto& folder : folders) {
        pointers.push_back(&folder);
    }
    const auto cluster = ir::join_cluster(pointers);
    const auto* found = emit::find_target(target);
    REQUIRE(found != nullptr);
    return found->emit({folders, cluster, options});
}

std::string file_text(const emit::emit_result& result, std::string_view name) {
    for (const auto& file : result.files) {
        if (file.name == name) {
            return file.content;
        }
    }
    FAIL("no output file " << name);
    return {};
}

// The diagnostics' codes, sorted (diagnostics come sorted by file, which is not code order).
std::vector<std::string> codes_of(const emit::emit_result& result) {
    std::vector<std::string> codes;
    for (const auto& d : result.diagnostics) {
        codes.push_back(d.code);
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

const diagnostic* find_code(const emit::emit_result& result, std::string_view code) {
    for (const auto& d : result.diagnostics) {
        if (d.code == code) {
            return &d;
        }
    }
    return nullptr;
}
// The pointer would dangle: keep the result in a variable, or ask has_code.
const diagnostic* find_code(const emit::emit_result&& result, std::string_view code) = delete;

bool has_code(const emit::emit_result& result, std::string_view code) {
    return find_code(result, code) != nullptr;
}

bool has_errors(const std::vector<diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.level == severity::error; });
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::string describe(const emit::emit_result& result) {
    std::string text;
    for (const auto& d : result.diagnostics) {
        text += fmt::format("{}: {} [{} {}]\n", to_string(d.where), d.message, d.code, d.rule);
    }
    return text;
}

// A node folder in memory; `nodeinfo` names its node.
node_folder memory_node(const std::string& path, const std::string& name,
                        std::map<std::string, std::string> files) {
    files["nodeinfo"] = name + "\n";
    return load_node_folder_from_memory(path, files, 0600, std::nullopt);
}

// Two nodes a and b whose ha.cf differ only in `a_media`/`b_media`.
std::vector<node_folder> pair(const std::string& common, const std::string& a_media,
                              const std::string& b_media, const std::string& haresources = "") {
    std::vector<node_folder> folders;
    folders.push_back(memory_node("a", "a",
                                  {{"ha.cf", "node a b\n" + common + a_media},
                                   {"haresources", haresources},
                                   {"authkeys", "auth 1\n1 sha1 0123456789abcdef0123\n"}}));
    folders.push_back(memory_node("b", "b",
                                  {{"ha.cf", "node a b\n" + common + b_media},
                                   {"haresources", haresources},
                                   {"authkeys", "auth 1\n1 sha1 0123456789abcdef0123\n"}}));
    return folders;
}

// The example's node folders from a scratch copy (authkeys 0600, as on a node).
std::vector<node_folder> load_example(const temp_dir& scratch, const std::string& name) {
    const fs::path root = scratch.copy_folder(source_dir / "examples" / name, name);
    test::set_modes_by_name(root, "authkeys", owner_only);
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.is_directory()) {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<node_folder> folders;
    for (const auto& path : paths) {
        folders.push_back(load_node_folder(path.string(), {}));
    }
    return folders;
}

// ---- the oracles ----------------------------------------------------------------------

bool running_as_root() {
    if (::geteuid() != 0) {
        FAIL_CHECK("corosync -t and keepalived -t run in private namespaces, which needs root");
        return false;
    }
    return true;
}

// One authkey for the whole run, made the way the generated file tells users to.
const fs::path& corosync_authkey() {
    static const temp_dir dir;
    static const fs::path key = [] {
        const fs::path path = dir.path() / "authkey";
        const auto made = test::run_process("corosync-keygen", {"-k", path.string()});
        INFO(made.out << made.err);
        REQUIRE(made.exited());
        REQUIRE(made.exit_code == 0);
        return path;
    }();
    return key;
}

run_result run_in_namespaces(const std::string& mode, const std::string& content,
                             const std::vector<std::string>& extra) {
    const temp_dir dir;
    const fs::path conf = dir.path() / (mode + ".conf");
    test::write_file(conf, content);
    std::vector<std::string> args{netns_script.string(), mode, conf.string()};
    if (mode == "corosync") {
        args.push_back(corosync_authkey().string());
    }
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_process("/bin/sh", args);
}

// name -> ring0_addr, ring1_addr, ... from a generated corosync.conf.
std::map<std::string, std::vector<std::string>> ring_addresses(const std::string& conf) {
    std::map<std::string, std::vector<std::string>> nodes;
    std::istringstream in(conf);
    std::string line;
    std::string current;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string key;
        std::string value;
        words >> key >> value;
        if (key == "name:") {
            current = value;
            nodes[current];
        } else if (key.rfind("ring", 0) == 0 && key.size() > 6 &&
                   key.substr(key.size() - 6) == "_addr:") {
            nodes[current].push_back(value);
        }
    }
    return nodes;
}

// `corosync -t` on every node of the file, each time with only that node's addresses.
void check_corosync_accepts(const std::string& conf) {
    const auto nodes = ring_addresses(conf);
    REQUIRE_FALSE(nodes.empty());
    for (const auto& [name, addresses] : nodes) {
        INFO("corosync -t as node " << name << "\n" << conf);
        REQUIRE_FALSE(addresses.empty());
        const auto run = run_in_namespaces("corosync", conf, addresses);
        INFO(test::describe_end(run) << "\nstdout:\n" << run.out << "\nstderr:\n" << run.err);
        CHECK(run.exited());
        CHECK(run.exit_code == 0);
        CHECK_FALSE(contains(run.err, "error"));
    }
}

// Every interface a keepalived.conf names: `interface X`, `dev X`, track_interface entries.
std::set<std::string> interfaces_in(const std::string& conf) {
    std::set<std::string> names;
    std::istringstream in(conf);
    std::string line;
    bool in_track_interface = false;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<std::string> tokens;
        for (std::string word; words >> word;) {
            tokens.push_back(word);
        }
        if (tokens.empty()) {
            continue;
        }
        if (in_track_interface) {
            if (tokens[0] == "}") {
                in_track_interface = false;
            } else {
                names.insert(tokens[0]);
            }
            continue;
        }
        if (tokens[0] == "track_interface") {
            in_track_interface = true;
        } else if (tokens[0] == "interface" && tokens.size() > 1) {
            names.insert(tokens[1]);
        }
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
            if (tokens[i] == "dev") {
                names.insert(tokens[i + 1]);
            }
        }
    }
    return names;
}

void check_keepalived_accepts(const std::string& name, const std::string& conf) {
    const auto interfaces = interfaces_in(conf);
    const auto run = run_in_namespaces(
        "keepalived", conf, std::vector<std::string>(interfaces.begin(), interfaces.end()));
    INFO("keepalived -t -f " << name << "\n"
                             << conf << "\n"
                             << test::describe_end(run) << "\nstdout:\n"
                             << run.out << "\nstderr:\n"
                             << run.err);
    CHECK(run.exited());
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
}

void check_all_keepalived_accepted(const emit::emit_result& result) {
    REQUIRE_FALSE(result.files.empty());
    for (const auto& file : result.files) {
        check_keepalived_accepts(file.name, file.content);
    }
}

// ---- secrets ---------------------------------------------------------------------------

std::vector<std::string> keys_of(const std::vector<node_folder>& folders) {
    std::vector<std::string> keys;
    for (const auto& folder : folders) {
        for (const auto& [index, key] : folder.ir.auth.keys) {
            // crc takes no key: a third word there ("1 crc #") is a mistake, not a secret.
            if (key.key && key.key->size() > 0 && key.method != ir::auth_method::crc) {
                keys.push_back(key.key->reveal());
            }
        }
    }
    return keys;
}

// A key shows up as a word of its own, or anywhere when it is long enough to be no accident.
void check_no_key(const emit::emit_result& result, const std::vector<std::string>& keys) {
    for (const auto& file : result.files) {
        std::string text = file.content;
        std::replace_if(
            text.begin(), text.end(),
            [](char c) { return c == '"' || c == '\'' || c == '{' || c == '}' || c == ';'; }, ' ');
        std::istringstream words(text);
        std::set<std::string> tokens;
        for (std::string word; words >> word;) {
            tokens.insert(word);
        }
        for (const auto& key : keys) {
            INFO(file.name << " must not contain an authkeys key");
            CHECK(tokens.count(key) == 0);
            if (key.size() >= 8) {
                CHECK_FALSE(contains(file.content, key));
            }
        }
    }
}

} // namespace

// ---- rules ------------------------------------------------------------------------------

TEST_CASE("token + consensus equals deadtime, retransmissions come every keepalive",
          "[corosync][timing]") {
    SECTION("the seed's 30 s deadtime and 2 s keepalive") {
        const auto t = emit::derive_totem_timing(30000, 2000, 10000);
        CHECK(t.token_ms == 13636);
        CHECK(t.consensus_ms == 16364);
        CHECK(t.token_ms + t.consensus_ms == 30000);
        CHECK(t.consensus_ms * 10 >= t.token_ms * 12); // corosync's minimum 1.2 x token
        CHECK(t.retransmits_before_loss == 6);         // 13636 / 6.2 = 2199 ms >= 2000
        CHECK(t.token_warning_percent == 33);
        CHECK_FALSE(t.token_raised);
    }
    SECTION("Heartbeat's defaults, warntime not given") {
        const auto t = emit::derive_totem_timing(30000, 1000, std::nullopt);
        CHECK(t.token_ms == 13636);
        CHECK(t.retransmits_before_loss == 13); // 13636 / 13.2 = 1033 ms
        CHECK_FALSE(t.token_warning_percent);
    }
    SECTION("a short deadtime keeps corosync's default of four retransmissions") {
        const auto t = emit::derive_totem_timing(10000, 2000, std::nullopt);
        CHECK(t.token_ms == 4545);
        CHECK(t.consensus_ms == 5455);
        CHECK(t.retransmits_before_loss == 4);
    }
    SECTION("a deadtime under 2.2 s raises the token to the minimum") {
        const auto t = emit::derive_totem_timing(200, 10, 100);
        CHECK(t.token_raised);
        CHECK(t.token_ms == emit::minimum_token_ms);
        CHECK(t.consensus_ms == 1200);
        CHECK(t.retransmits_before_loss == 33); // 1000 / 33.2 >= 30 ms, corosync's floor
        CHECK(t.token_warning_percent == 50);
    }
    SECTION("warntime at or beyond deadtime keeps corosync's default warning") {
        CHECK_FALSE(emit::derive_totem_timing(10000, 2000, 10000).token_warning_percent);
    }
}

TEST_CASE("advert_int follows keepalive within VRRP's limits", "[keepalived][timing]") {
    const auto whole = emit::advert_interval_for(2000);
    CHECK(whole.text == "2");
    CHECK(whole.vrrp_version == 2);
    CHECK_FALSE(whole.adjusted);
    const auto half = emit::advert_interval_for(500);
    CHECK(half.text == "0.5");
    CHECK(half.vrrp_version == 3);
    CHECK_FALSE(half.adjusted);
    const auto tiny = emit::advert_interval_for(10);
    CHECK(tiny.text == "0.01");
    CHECK(tiny.milliseconds == 10);
    const auto odd = emit::advert_interval_for(1234);
    CHECK(odd.text == "1.24");
    CHECK(odd.adjusted);
    const auto long_one = emit::advert_interval_for(300000);
    CHECK(long_one.text == "255");
    CHECK(long_one.adjusted);
    CHECK(emit::master_down_ms(2000, 200) == 6437);
}

TEST_CASE("virtual router ids are stable and distinct", "[keepalived]") {
    const auto two = emit::assign_router_ids("linux-ha", {"IPaddr::10.0.0.1", "IPaddr::10.0.0.2"});
    const auto three = emit::assign_router_ids(
        "linux-ha", {"IPaddr::10.0.0.1", "IPaddr::10.0.0.2", "IPaddr::10.0.0.3"});
    REQUIRE(two.size() == 2);
    CHECK(std::vector<int>(three.begin(), three.begin() + 2) == two);
    CHECK(std::set<int>(three.begin(), three.end()).size() == 3);
    for (const int id : three) {
        CHECK(id >= 1);
        CHECK(id <= 255);
    }
    std::vector<std::string> many;
    for (int i = 0; i < 255; ++i) {
        many.push_back(fmt::format("IPaddr::10.0.{}.{}", i / 200, i % 200));
    }
    const auto all = emit::assign_router_ids("c", many);
    CHECK(std::set<int>(all.begin(), all.end()).size() == 255);
    many.push_back("one too many");
    CHECK_THROWS_AS(emit::assign_router_ids("c", many), std::length_error);
}

// ---- corosync ---------------------------------------------------------------------------

TEST_CASE("corosync: the seed becomes a two-node knet cluster corosync -t accepts",
          "[corosync][oracle]") {
    if (!running_as_root()) {
        return;
    }
    const temp_dir scratch;
    const auto folders = load_example(scratch, "seed");
    REQUIRE_FALSE(has_errors(lint::check(folders)));
    const auto result = compile("corosync", folders);
    INFO(describe(result));
    REQUIRE(result.files.size() == 1);
    CHECK(result.files[0].mode == 0644);
    const std::string conf = file_text(result, "corosync.conf");
    for (const auto* expected :
         {"    cluster_name: linux-ha\n", "    transport: knet\n", "    token: 13636\n",
          "    consensus: 16364\n", "    token_retransmits_before_loss_const: 6\n",
          "    token_warning: 33\n", "    crypto_cipher: aes256\n", "    crypto_hash: sha256\n",
          "        name: srv5.localdomain\n        nodeid: 1\n        ring0_addr: 192.168.9.5\n",
          "        name: srv6.localdomain\n        nodeid: 2\n        ring0_addr: 192.168.9.6\n",
          "    provider: corosync_votequorum\n    two_node: 1\n", "    to_logfile: yes\n",
          "    logfile: /var/log/ha-log\n", "    to_syslog: yes\n", "    syslog_facility: local0\n",
          "corosync-keygen"}) {
        CHECK(contains(conf, expected));
    }
    CHECK_FALSE(contains(conf, "ring1_addr"));
    CHECK_FALSE(contains(conf, "link_mode"));
    CHECK(conf.back() == '\n');
    // initdead 120 is the only thing that does not carry over.
    REQUIRE(codes_of(result) == std::vector<std::string>{"HC207"});
    CHECK(result.diagnostics[0].where.line == 18);
    CHECK(result.diagnostics[0].where.column == 10);
    CHECK(result.diagnostics[0].level == severity::warning);
    check_corosync_accepts(conf);

    SECTION("corosync -t refuses the file on a machine without a node's address") {
        const auto run = run_in_namespaces("corosync", conf, {"192.0.2.99"});
        INFO(run.err);
        CHECK(run.exited());
        CHECK(run.exit_code == 8);
        CHECK(contains(run.err, "No valid name found for local host"));
    }
    SECTION("corosync -t refuses a file whose timeouts it rejects") {
        // Retransmissions under 30 ms apart: corosync's own limit (corosync_timing.hpp).
        const std::string_view six = "token_retransmits_before_loss_const: 6\n";
        std::string broken = conf;
        const auto at = broken.find(six);
        REQUIRE(at != std::string::npos);
        broken.replace(at, six.size(), "token_retransmits_before_loss_const: 999\n");
        const auto run = run_in_namespaces("corosync", broken, {"192.168.9.5"});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 8);
        CHECK(contains(run.err, "parse error in config"));
    }
}

TEST_CASE("corosync: clean-sha1 keeps its ucast link and reports the bcast link",
          "[corosync][oracle]") {
    if (!running_as_root()) {
        return;
    }
    const temp_dir scratch;
    const auto folders = load_example(scratch, "clean-sha1");
    REQUIRE(lint::check(folders).empty());
    const auto result = compile("corosync", folders);
    INFO(describe(result));
    CHECK_FALSE(has_errors(result.diagnostics));
    const auto* bcast = find_code(result, "HC201");
    REQUIRE(bcast != nullptr);
    CHECK(bcast->rule == "broadcast-link-dropped");
    CHECK(bcast->level == severity::warning);
    CHECK(bcast->where.file == folders[0].path + "/ha.cf");
    CHECK(bcast->where.line == 25);
    const std::string conf = file_text(result, "corosync.conf");
    CHECK(contains(conf, "ring0_addr: 198.51.100.1\n"));
    CHECK(contains(conf, "ring0_addr: 198.51.100.2\n"));
    CHECK(contains(conf, "# link 0 (ring0_addr): ucast on eth1\n"));
    CHECK(contains(conf, "token: 6818\n"));
    CHECK(contains(conf, "consensus: 8182\n"));
    CHECK_FALSE(contains(conf, "ring1_addr"));
    check_corosync_accepts(conf);
}

TEST_CASE("corosync: redundant media stay redundant knet links", "[corosync][oracle]") {
    if (!running_as_root()) {
        return;
    }
    // b names its interfaces differently: links line up by position, not by name.
    const auto folders =
        pair("keepalive 1\ndeadtime 10\n", "ucast eth1 10.1.0.2\nucast eth2 10.2.0.2\nbcast eth1\n",
             "ucast ens1 10.1.0.1\nucast ens2 10.2.0.1\nbcast ens1\n");
    const auto result = compile("corosync", folders);
    INFO(describe(result));
    CHECK(result.diagnostics.empty());
    const std::string conf = file_text(result, "corosync.conf");
    const auto nodes = ring_addresses(conf);
    CHECK(nodes.at("a") == std::vector<std::string>{"10.1.0.1", "10.2.0.1"});
    CHECK(nodes.at("b") == std::vector<std::string>{"10.1.0.2", "10.2.0.2"});
    CHECK(contains(conf, "link_mode: passive\n"));
    CHECK(contains(conf, "# link 0 (ring0_addr): ucast, bcast on eth1\n"));
    check_corosync_accepts(conf);
}

TEST_CASE("corosync: what knet cannot carry gives located diagnostics", "[corosync]") {
    SECTION("a serial link is left out with a warning") {
        const auto folders = pair("", "serial /dev/ttyS0\nucast eth1 10.0.0.2\n",
                                  "serial /dev/ttyS0\nucast eth1 10.0.0.1\n");
        const auto result = compile("corosync", folders);
        REQUIRE(codes_of(result) == std::vector<std::string>{"HC200"});
        CHECK(result.diagnostics[0].where == location{"a/ha.cf", 2, 8});
        CHECK(result.diagnostics[0].level == severity::warning);
    }
    SECTION("serial alone leaves no link: an error") {
        const auto folders = pair("", "serial /dev/ttyS0\n", "serial /dev/ttyS0\n");
        const auto result = compile("corosync", folders);
        CHECK(codes_of(result) == std::vector<std::string>{"HC200", "HC204"});
        CHECK(find_code(result, "HC204")->level == severity::error);
    }
    SECTION("multicast alone names no address: a warning for the medium, an error overall") {
        const auto folders =
            pair("", "mcast eth0 239.0.0.1 694 1 0\n", "mcast eth0 239.0.0.1 694 1 0\n");
        const auto result = compile("corosync", folders);
        CHECK(codes_of(result) == std::vector<std::string>{"HC202", "HC204"});
        CHECK(find_code(result, "HC202")->where == location{"a/ha.cf", 2, 1});
    }
    SECTION("a node whose address no ucast line names") {
        // One folder for the whole cluster: a's ucast names b; a's own address is unknown.
        const std::vector<node_folder> folders{memory_node(
            "a", "a", {{"ha.cf", "node a\nnode b\nucast eth1 10.0.0.2\n"}, {"haresources", ""}})};
        const auto result = compile("corosync", folders);
        REQUIRE(codes_of(result) == std::vector<std::string>{"HC203"});
        const auto& error = result.diagnostics[0];
        CHECK(error.level == severity::error);
        CHECK(error.rule == "node-address-unknown");
        CHECK(error.where == location{"a/ha.cf", 1, 6});
        REQUIRE(error.notes.size() == 1);
        CHECK(error.notes[0].where == location{"a/ha.cf", 3, 1});
        const std::string conf = file_text(result, "corosync.conf");
        CHECK(ring_addresses(conf).at("b") == std::vector<std::string>{"10.0.0.2"});
        CHECK(ring_addresses(conf).at("a").empty());
    }
    SECTION("a ucast peer given as a host name is kept, with a warning") {
        const auto folders = pair("", "ucast eth1 b.example\n", "ucast eth1 a.example\n");
        const auto result = compile("corosync", folders);
        REQUIRE(codes_of(result) == std::vector<std::string>{"HC205", "HC205"});
        CHECK(result.diagnostics[0].where == location{"a/ha.cf", 2, 12});
        CHECK(contains(file_text(result, "corosync.conf"), "ring0_addr: b.example\n"));
    }
    SECTION("knet's eight links at most; braces cannot be written") {
        std::string a_media;
        std::string b_media;
        for (int i = 0; i < 9; ++i) {
            a_media += fmt::format("ucast eth{} 10.{}.0.2\n", i, i);
            b_media += fmt::format("ucast eth{} 10.{}.0.1\n", i, i);
        }
        const auto folders = pair("cluster web{1}\n", a_media, b_media);
        const auto result = compile("corosync", folders);
        CHECK(codes_of(result) == std::vector<std::string>{"HC212", "HC213"});
        CHECK(find_code(result, "HC212")->where == location{"a/ha.cf", 11, 1});
        CHECK(find_code(result, "HC213")->level == severity::error);
        CHECK(ring_addresses(file_text(result, "corosync.conf")).at("a").size() == 8);
    }
    SECTION("autojoin and debugfile have no corosync equivalent") {
        const auto folders = pair("autojoin other\ndebugfile /var/log/ha-debug\n",
                                  "ucast eth1 10.0.0.2\n", "ucast eth1 10.0.0.1\n");
        const auto result = compile("corosync", folders);
        CHECK(codes_of(result) == std::vector<std::string>{"HC208", "HC211"});
        CHECK(find_code(result, "HC208")->where == location{"a/ha.cf", 2, 10});
    }
}

TEST_CASE("corosync: logging and timing follow ha.cf, and corosync -t accepts them",
          "[corosync][oracle]") {
    if (!running_as_root()) {
        return;
    }
    SECTION("sub-second timing and a facility corosync lacks") {
        const auto folders =
            pair("keepalive 10ms\ndeadtime 200ms\nwarntime 100ms\nlogfacility authpriv\n"
                 "logfile /var/log/heartbeat/ha.log\ndebug 1\n",
                 "ucast eth1 10.0.0.2\n", "ucast eth1 10.0.0.1\n");
        const auto result = compile("corosync", folders);
        INFO(describe(result));
        CHECK(codes_of(result) == std::vector<std::string>{"HC206", "HC210"});
        CHECK(find_code(result, "HC206")->where == location{"a/ha.cf", 3, 10});
        const std::string conf = file_text(result, "corosync.conf");
        for (const auto* expected :
             {"token: 1000\n", "consensus: 1200\n", "token_retransmits_before_loss_const: 33\n",
              "token_warning: 50\n", "to_syslog: yes\n", "logfile: /var/log/heartbeat/ha.log\n",
              "debug: on\n"}) {
            CHECK(contains(conf, expected));
        }
        CHECK_FALSE(contains(conf, "syslog_facility"));
        check_corosync_accepts(conf);
    }
    SECTION("no log directive: Heartbeat's logd, that is syslog") {
        const auto folders = pair("", "ucast eth1 10.0.0.2\n", "ucast eth1 10.0.0.1\n");
        const auto result = compile("corosync", folders);
        const std::string conf = file_text(result, "corosync.conf");
        CHECK(contains(conf, "to_logfile: no\n"));
        CHECK(contains(conf, "to_syslog: yes\n"));
        check_corosync_accepts(conf);
    }
    SECTION("logfile only, use_logd off: no syslog") {
        const auto folders = pair("logfile /var/log/ha-log\nuse_logd off\n",
                                  "ucast eth1 10.0.0.2\n", "ucast eth1 10.0.0.1\n");
        const std::string conf = file_text(compile("corosync", folders), "corosync.conf");
        CHECK(contains(conf, "to_syslog: no\n"));
        check_corosync_accepts(conf);
    }
}

// ---- keepalived -------------------------------------------------------------------------

TEST_CASE("keepalived: the seed's address moves by VRRP; keepalived -t accepts both nodes",
          "[keepalived][oracle]") {
    if (!running_as_root()) {
        return;
    }
    const temp_dir scratch;
    const auto folders = load_example(scratch, "seed");
    const auto result = compile("keepalived", folders);
    INFO(describe(result));
    CHECK(codes_of(result) == std::vector<std::string>{"HC259", "HC266"});
    CHECK(find_code(result, "HC266")->where.line == 9);
    REQUIRE(result.files.size() == 2);
    const std::string srv5 = file_text(result, "srv5.localdomain/keepalived.conf");
    const std::string srv6 = file_text(result, "srv6.localdomain/keepalived.conf");
    for (const auto* expected :
         {"    state MASTER\n", "    priority 210\n", "    interface eth1\n", "    advert_int 2\n",
          "    unicast_src_ip 192.168.9.5\n", "    unicast_peer {\n        192.168.9.6\n    }\n",
          "    virtual_ipaddress {\n        192.168.8.100/32\n    }\n",
          "    track_script {\n        ping_192_168_8_2\n        ping_192_168_9_7\n    }\n",
          "    script \"/bin/ping -c 1 -W 1 192.168.8.2\"\n", "    fall 15\n",
          "    weight -11\n"}) {
        CHECK(contains(srv5, expected));
    }
    CHECK(contains(srv6, "    state BACKUP\n"));
    CHECK(contains(srv6, "    priority 200\n"));
    CHECK(contains(srv6, "    unicast_src_ip 192.168.9.6\n"));
    CHECK_FALSE(contains(srv5, "nopreempt"));
    CHECK_FALSE(contains(srv5, "authentication {"));
    CHECK_FALSE(contains(srv5, "auth_pass"));
    check_all_keepalived_accepted(result);
}

TEST_CASE("keepalived: clean-sha1's shared disk is refused at its haresources line",
          "[keepalived]") {
    const temp_dir scratch;
    const auto folders = load_example(scratch, "clean-sha1");
    const auto result = compile("keepalived", folders);
    INFO(describe(result));
    const auto* error = find_code(result, "HC250");
    REQUIRE(error != nullptr);
    CHECK(error->where == location{folders[0].path + "/haresources", 7, 35});
    CHECK(contains(error->message, "Filesystem"));
    // apache2 alone would be fine: one init script per group.
    CHECK(find_code(result, "HC251") == nullptr);
    CHECK(find_code(result, "HC261") != nullptr); // sha1 does not carry over to VRRP
}

TEST_CASE("keepalived: auto_failback off, alias NICs, a service, sub-second adverts",
          "[keepalived][oracle]") {
    if (!running_as_root()) {
        return;
    }
    const std::string media_a = "ucast eth1 10.0.0.2\n";
    const std::string media_b = "ucast eth1 10.0.0.1\n";
    SECTION("auto_failback off: BACKUP everywhere with nopreempt; ping checks fault") {
        const auto folders =
            pair("auto_failback off\nping 192.0.2.1\nrespawn hacluster /usr/lib/heartbeat/ipfail\n",
                 media_a, media_b, "b IPaddr::192.0.2.10/24/eth0:0/192.0.2.255\n");
        const auto result = compile("keepalived", folders);
        INFO(describe(result));
        CHECK(codes_of(result) == std::vector<std::string>{"HC259", "HC261", "HC263"});
        const std::string a = file_text(result, "a/keepalived.conf");
        const std::string b = file_text(result, "b/keepalived.conf");
        CHECK(contains(a, "    state BACKUP\n    nopreempt\n"));
        CHECK(contains(b, "    state BACKUP\n    nopreempt\n"));
        CHECK(contains(a, "    priority 200\n"));
        CHECK(contains(b, "    priority 210\n"));
        CHECK(contains(a, "192.0.2.10/24 brd 192.0.2.255 dev eth0 label eth0:0\n"));
        CHECK(contains(a, "    track_interface {\n        eth0\n    }\n"));
        CHECK_FALSE(contains(a, "weight"));
        check_all_keepalived_accepted(result);
    }
    SECTION("one init script runs from notify scripts") {
        const auto folders =
            pair("", media_a, media_b, "a IPaddr2::192.0.2.10/24/eth0 192.0.2.11/24/eth0 nginx\n");
        const auto result = compile("keepalived", folders);
        INFO(describe(result));
        CHECK_FALSE(has_errors(result.diagnostics));
        const std::string a = file_text(result, "a/keepalived.conf");
        CHECK(contains(a, "    notify_master \"/etc/init.d/nginx start\"\n"));
        CHECK(contains(a, "    notify_backup \"/etc/init.d/nginx stop\"\n"));
        CHECK(contains(a, "    notify_fault \"/etc/init.d/nginx stop\"\n"));
        CHECK(contains(a, "    notify_stop \"/etc/init.d/nginx stop\"\n"));
        CHECK(contains(a, "script_user root\n"));
        check_all_keepalived_accepted(result);
    }
    SECTION("ping_group and ping6 nodes become ping checks with ipfail's weight") {
        const auto folders =
            pair("auto_failback on\nping_group gw 192.0.2.1 192.0.2.2\n"
                 "ping6 2001:db8::1\nrespawn hacluster /usr/lib/heartbeat/ipfail\n",
                 media_a, media_b, "a IPaddr::192.0.2.10/24/eth0\n");
        const auto result = compile("keepalived", folders);
        INFO(describe(result));
        CHECK_FALSE(has_errors(result.diagnostics));
        const std::string a = file_text(result, "a/keepalived.conf");
        CHECK(contains(a, "vrrp_script ping_group_gw {\n    script \"/bin/sh -c '/bin/ping -c 1 -W "
                          "1 192.0.2.1 || /bin/ping -c 1 -W 1 192.0.2.2'\"\n"));
        CHECK(contains(a, "    script \"/bin/ping -6 -c 1 -W 1 2001:db8::1\"\n"));
        CHECK(contains(a, "    weight -11\n"));
        CHECK(contains(a, "    state MASTER\n    interface eth1\n"));
        CHECK(contains(a, "    track_interface {\n        eth0\n    }\n"));
        check_all_keepalived_accepted(result);
    }
    SECTION("ping nodes without ipfail are not checked (Heartbeat only watched them)") {
        const auto folders =
            pair("ping 192.0.2.1\n", media_a, media_b, "a IPaddr::192.0.2.10/24/eth0\n");
        const std::string a = file_text(compile("keepalived", folders), "a/keepalived.conf");
        CHECK_FALSE(contains(a, "vrrp_script"));
        CHECK_FALSE(contains(a, "script_user"));
    }
    SECTION("keepalive 500ms needs VRRPv3") {
        const auto folders =
            pair("keepalive 500ms\ndeadtime 5\n", media_a, media_b, "a 192.0.2.10/24/eth0\n");
        const auto result = compile("keepalived", folders);
        const std::string a = file_text(result, "a/keepalived.conf");
        CHECK(contains(a, "    vrrp_version 3\n"));
        CHECK(contains(a, "    advert_int 0.5\n"));
        check_all_keepalived_accepted(result);
    }
    SECTION("several groups get distinct router ids; bcast means multicast VRRP") {
        const auto folders = pair("", "bcast eth1\n", "bcast eth1\n",
                                  "a IPaddr::192.0.2.10/24/eth0\nb IPaddr::192.0.2.20/24/eth0\n"
                                  "a IPaddr::198.51.100.10/24/eth2\n");
        const auto result = compile("keepalived", folders);
        INFO(describe(result));
        CHECK(codes_of(result) == std::vector<std::string>{"HC259", "HC261"});
        const std::string a = file_text(result, "a/keepalived.conf");
        CHECK_FALSE(contains(a, "unicast"));
        CHECK(contains(a, "vrrp_instance IPaddr_192_0_2_10_24_eth0 {\n"));
        CHECK(contains(a, "    interface eth2\n"));
        std::set<std::string> ids;
        std::istringstream in(a);
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("    virtual_router_id ", 0) == 0) {
                ids.insert(line);
            }
        }
        CHECK(ids.size() == 3);
        check_all_keepalived_accepted(result);
    }
}

TEST_CASE("keepalived: what VRRP cannot express is a located error", "[keepalived]") {
    const std::string media_a = "ucast eth1 10.0.0.2\n";
    const std::string media_b = "ucast eth1 10.0.0.1\n";
    SECTION("a file system") {
        const auto folders =
            pair("", media_a, media_b, "a 192.0.2.10/24/eth0 Filesystem::/dev/sdb1::/srv\n");
        const auto result = compile("keepalived", folders);
        const auto* error = find_code(result, "HC250");
        REQUIRE(error != nullptr);
        CHECK(error->level == severity::error);
        CHECK(error->rule == "resource-not-expressible");
        CHECK(error->where == location{"a/haresources", 1, 22});
        CHECK(contains(error->message, "Filesystem"));
    }
    SECTION("drbd") {
        const auto folders = pair("", media_a, media_b, "a drbddisk::r0 192.0.2.10/24/eth0\n");
        CHECK(has_code(compile("keepalived", folders), "HC250"));
    }
    SECTION("two services in one group") {
        const auto folders = pair("", media_a, media_b, "a 192.0.2.10/24/eth0 mysql apache2\n");
        const auto result = compile("keepalived", folders);
        const auto* error = find_code(result, "HC251");
        REQUIRE(error != nullptr);
        CHECK(error->where == location{"a/haresources", 1, 28});
    }
    SECTION("a service with arguments") {
        const auto folders = pair("", media_a, media_b, "a 192.0.2.10/24/eth0 myservice::arg\n");
        CHECK(has_code(compile("keepalived", folders), "HC252"));
    }
    SECTION("a group without an address, an address that is not one") {
        const auto folders = pair("", media_a, media_b, "a nginx\nb IPaddr::virtual-ip\n");
        const auto result = compile("keepalived", folders);
        INFO(describe(result));
        CHECK(find_code(result, "HC254") != nullptr);
        const auto* not_an_address = find_code(result, "HC255");
        REQUIRE(not_an_address != nullptr);
        CHECK(not_an_address->where == location{"a/haresources", 2, 3});
    }
    SECTION("resources managed by Pacemaker") {
        const auto folders = pair("crm on\n", media_a, media_b, "a 192.0.2.10/24/eth0\n");
        const auto result = compile("keepalived", folders);
        const auto* error = find_code(result, "HC253");
        REQUIRE(error != nullptr);
        CHECK(error->where == location{"a/ha.cf", 2, 5});
    }
    SECTION("no interface at all, a service before an address, fencing, a long keepalive") {
        const auto folders =
            pair("keepalive 300\ndeadtime 700\ninitdead 700\nstonith_host * null a,b\n",
                 "serial /dev/ttyS0\n", "serial /dev/ttyS0\n", "a nginx 192.0.2.10/24\n");
        const auto result = compile("keepalived", folders);
        INFO(describe(result));
        CHECK(find_code(result, "HC257")->where == location{"a/haresources", 1, 1});
        CHECK(find_code(result, "HC257")->level == severity::error);
        CHECK(find_code(result, "HC260")->where == location{"a/ha.cf", 2, 11});
        CHECK(find_code(result, "HC262")->where.line == 5);
        CHECK(find_code(result, "HC264")->where == location{"a/haresources", 1, 3});
        CHECK(contains(file_text(result, "a/keepalived.conf"), "    advert_int 255\n"));
    }
    SECTION("no ucast address for one node: multicast with a warning") {
        const std::vector<node_folder> folders{
            memory_node("a", "a",
                        {{"ha.cf", "node a b\nucast eth1 10.0.0.2\n"},
                         {"haresources", "a 192.0.2.1/24/eth0\n"}})};
        const auto result = compile("keepalived", folders);
        const auto* fallback = find_code(result, "HC258");
        REQUIRE(fallback != nullptr);
        CHECK(fallback->where == location{"a/ha.cf", 2, 1});
        CHECK_FALSE(contains(file_text(result, "a/keepalived.conf"), "unicast"));
    }
}

// ---- every example and corpus folder ----------------------------------------------------

TEST_CASE("corosync and keepalived output is deterministic, keyless, and marks forced errors",
          "[corosync][keepalived]") {
    const temp_dir scratch;
    for (const auto* example : {"seed", "clean-sha1", "mistakes"}) {
        const auto folders = load_example(scratch, example);
        const auto errors = lint::check(folders);
        emit::emit_options options;
        for (const auto& d : errors) {
            if (d.level == severity::error) {
                options.forced_errors.push_back(d);
            }
        }
        for (const auto* target : {"corosync", "keepalived"}) {
            INFO(example << " --target " << target);
            const auto first = compile(target, folders, options);
            const auto second = compile(target, folders, options);
            REQUIRE(first.files.size() == second.files.size());
            for (std::size_t i = 0; i < first.files.size(); ++i) {
                CHECK(first.files[i].name == second.files[i].name);
                CHECK(first.files[i].content == second.files[i].content);
                CHECK(first.files[i].content.back() == '\n');
                // Paths of the build machine appear only in the forced errors' locations.
                CHECK(contains(first.files[i].content, scratch.path().string()) ==
                      !options.forced_errors.empty());
                if (!options.forced_errors.empty()) {
                    const auto& error = options.forced_errors.front();
                    CHECK(first.files[i].content.rfind("# hacompile --force", 0) == 0);
                    CHECK(contains(
                        first.files[i].content,
                        fmt::format("#   {}: {}\n", to_string(error.where), error.message)));
                }
            }
            CHECK(codes_of(first) == codes_of(second));
            check_no_key(first, keys_of(folders));
        }
    }
}

TEST_CASE("every error-free corpus folder: the tools accept the output or it is refused "
          "with located errors",
          "[corosync][keepalived][oracle][corpus]") {
    if (!test::corpus_available() || !running_as_root()) {
        return;
    }
    std::set<std::string> folder_names;
    for (const auto& row : test::read_corpus_manifest()) {
        if (row.file == "ha.cf" && row.kind != "template") {
            folder_names.insert(row.folder);
        }
    }
    REQUIRE_FALSE(folder_names.empty());
    const temp_dir scratch;
    std::map<std::string, int> accepted;
    std::map<std::string, int> refused;
    for (const auto& name : folder_names) {
        const fs::path copy = scratch.copy_folder(test::corpus_root() / name, name);
        test::set_modes_by_name(copy, "authkeys", owner_only);
        std::vector<node_folder> folders;
        folders.push_back(load_node_folder(copy.string(), {}));
        if (has_errors(lint::check(folders))) {
            continue;
        }
        for (const auto* target : {"corosync", "keepalived"}) {
            INFO(name << " --target " << target);
            const auto result = compile(target, folders);
            check_no_key(result, keys_of(folders));
            const int low = std::string_view(target) == "corosync" ? 200 : 250;
            for (const auto& d : result.diagnostics) {
                INFO(to_string(d.where) << ": " << d.message);
                CHECK(d.code.size() == 5);
                const int number = std::stoi(d.code.substr(2));
                CHECK(number >= low);
                CHECK(number < low + 50);
                CHECK(d.where.file.rfind(copy.string(), 0) == 0);
            }
            if (has_errors(result.diagnostics)) {
                ++refused[target];
                continue;
            }
            ++accepted[target];
            if (std::string_view(target) == "corosync") {
                check_corosync_accepts(file_text(result, "corosync.conf"));
            } else {
                check_all_keepalived_accepted(result);
            }
        }
    }
    INFO("accepted: corosync " << accepted["corosync"] << ", keepalived " << accepted["keepalived"]
                               << "; refused: corosync " << refused["corosync"] << ", keepalived "
                               << refused["keepalived"]);
    // Single corpus folders name only the peer's address, so corosync refuses them all; IP-only
    // groups on bcast/mcast media still make keepalived files.
    CHECK(accepted["keepalived"] >= 3);
    CHECK(refused["corosync"] > 0);
}
