// The `pcs` and `crmsh` targets, with the real tools as the oracle: each generated script runs
// offline (CIB_file=FILE makes pcs, crm and the Pacemaker tools work on a file) against an
// empty CIB, crm_verify must accept the result, and its configuration must equal the `cib`
// target's, compared semantically (ids the tools choose themselves left out).
#include "pacemaker_script.hpp"
#include "shell_quote.hpp"
#include "support/corpus_manifest.hpp"
#include "tool/process.hpp"
#include "tool/temp_dir.hpp"

#include <hakit/compiler/cluster.hpp>
#include <hakit/compiler/emit.hpp>
#include <hakit/compiler/load.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit;
using namespace hakit::test;

namespace {

// The folders of one cluster, loaded, with their join.
struct cluster_input {
    std::vector<node_folder> folders;
    ir::cluster_model cluster;
    emit::emit_options options;

    emit::emit_result emit(std::string_view target) const {
        const emit::target_info* info = emit::find_target(target);
        REQUIRE(info != nullptr);
        const emit::emit_input input{folders, cluster, options};
        return info->emit(input);
    }
};

cluster_input load_cluster(const std::vector<fs::path>& paths) {
    cluster_input result;
    for (const fs::path& path : paths) {
        result.folders.push_back(load_node_folder(path.string(), {}));
        if (result.folders.back().authkeys_mode) {
            result.folders.back().authkeys_mode = 0600U; // git keeps no modes; a node has 0600
        }
    }
    std::vector<const node_folder*> pointers;
    for (const node_folder& folder : result.folders) {
        pointers.push_back(&folder);
    }
    result.cluster = ir::join_cluster(pointers);
    return result;
}

cluster_input load_memory_cluster(const std::map<std::string, std::string>& files) {
    cluster_input result;
    result.folders.push_back(load_node_folder_from_memory("node1", files, 0600, "node1"));
    result.cluster = ir::join_cluster({&result.folders.front()});
    return result;
}

// Every node folder of an example, in name order.
std::vector<fs::path> example_folders(const std::string& example) {
    std::vector<fs::path> folders;
    for (const auto& entry :
         fs::directory_iterator(fs::path(HAKIT_SOURCE_DIR) / "examples" / example)) {
        if (entry.is_directory()) {
            folders.push_back(entry.path());
        }
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

// Corpus folders that validate without errors (hacheck's goldens) and between them cover
// groups, both failback policies, ping nodes with ipfail, drbddisk, Filesystem options, IPaddr
// labels and an empty netmask field, MailTo, bare IPs and groups with different owners. Few,
// because every pcs command takes a good fraction of a second.
const std::vector<std::string> corpus_folders = {
    "wangliheng-Bluevitality__Linux_Cluster_Heartbeat_conf--1.x",
    "andrewbx-config__heartbeat_ha.d",
    "gslin-coscup2015-mysql-hands-on__heartbeat",
    "ljproyectoasir-LB04__heartbeat",
    "robertzhangwenjie-shell-functions__heartbeat_conf",
};

// A small two-node cluster, for the tests about the scripts themselves.
cluster_input small_cluster() {
    return load_memory_cluster({
        {"ha.cf", "node node1\nnode node2\nucast eth1 192.0.2.2\nauto_failback on\n"},
        {"haresources", "node1 192.0.2.10\n"},
    });
}

const emit::emitted_file& only_file(const emit::emit_result& result) {
    REQUIRE(result.files.size() == 1);
    return result.files.front();
}

const diagnostic* find_code(const std::vector<diagnostic>& diagnostics, std::string_view code) {
    const auto found = std::find_if(diagnostics.begin(), diagnostics.end(),
                                    [&](const diagnostic& d) { return d.code == code; });
    return found == diagnostics.end() ? nullptr : &*found;
}

// The errors hacheck reports for an example (its expected.txt), as --force hands them over.
std::vector<diagnostic> expected_errors(const std::string& example) {
    const std::string text =
        read_file(fs::path(HAKIT_SOURCE_DIR) / "examples" / example / "expected.txt");
    const std::regex error_line(R"(^(\S+):(\d+):(\d+): error: (.*)$)");
    std::vector<diagnostic> errors;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        std::smatch m;
        if (std::regex_match(line, m, error_line)) {
            diagnostic d;
            d.where = {m[1], std::stoul(m[2]), std::stoul(m[3])};
            d.message = m[4];
            errors.push_back(std::move(d));
        }
        start = end + 1;
    }
    return errors;
}

std::string describe(const run_result& result) {
    return describe_end(result) + "\nstdout:\n" + result.out + "\nstderr:\n" + result.err;
}

// Prints the configuration of a CIB (nodes and status left out) in a canonical form: ids that
// pcs and crmsh choose themselves (attribute sets, nvpairs, rule expressions) dropped, defaults
// and durations normalised, children sorted where Pacemaker gives their order no meaning.
constexpr const char* canonical_cib_script = R"PY(
import re, sys, xml.etree.ElementTree as ET

TOOL_IDS = {'nvpair', 'instance_attributes', 'meta_attributes', 'cluster_property_set',
            'utilization', 'expression'}
ROLES = {'Master': 'Promoted', 'Slave': 'Unpromoted'}
UNITS = {'ms': 1, 'msec': 1, 's': 1000, 'sec': 1000, 'm': 60000, 'min': 60000,
         'h': 3600000, 'hr': 3600000}

def milliseconds(text):
    m = re.fullmatch(r'\s*(\d+)\s*([a-z]*)\s*', text)
    if not m or (m.group(2) or 's') not in UNITS:
        return text
    return str(int(m.group(1)) * UNITS[m.group(2) or 's']) + 'ms'

def attributes(e):
    a = dict(e.attrib)
    if e.tag in TOOL_IDS:
        a.pop('id', None)
    if e.tag == 'op':
        a['interval'] = milliseconds(a.get('interval', '0'))
        if 'timeout' in a:
            a['timeout'] = milliseconds(a['timeout'])
    if e.tag == 'rsc_order':
        a.setdefault('first-action', 'start')
        a.setdefault('then-action', a['first-action'])
        a.setdefault('kind', 'Mandatory')
    if e.tag == 'rsc_colocation':
        a.setdefault('rsc-role', 'Started')
        a.setdefault('with-rsc-role', 'Started')
    if e.tag == 'rule':
        a.setdefault('boolean-op', 'and')
    for k in ('role', 'rsc-role', 'with-rsc-role'):
        if k in a:
            a[k] = ROLES.get(a[k], a[k])
    return ''.join(' %s=%r' % (k, a[k]) for k in sorted(a))

def dump(e, depth):
    kids = [dump(k, depth + 1) for k in e]
    if e.tag == 'group':
        # Members keep their order; anything else (meta attributes) is sorted before them.
        kids = sorted(k for k, c in zip(kids, e) if c.tag != 'primitive') + \
               [k for k, c in zip(kids, e) if c.tag == 'primitive']
    elif e.tag != 'rule':
        kids = sorted(kids)
    return '\n'.join(['  ' * depth + e.tag + attributes(e)] + kids)

configuration = ET.parse(sys.argv[1]).getroot().find('configuration')
print('\n'.join(dump(section, 0) for section in sorted(configuration, key=lambda s: s.tag)
                if section.tag != 'nodes'))
)PY";

std::string canonical_configuration(const fs::path& cib) {
    const run_result result = run_process("/usr/bin/python3", {"-c", canonical_cib_script, cib});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.exited());
    return result.out;
}

std::string empty_cib() {
    const run_result result = run_process("cibadmin", {"--empty"});
    INFO(describe(result));
    REQUIRE(result.exited());
    REQUIRE(result.exit_code == 0);
    return result.out;
}

void check_shell_syntax(const fs::path& script) {
    for (const std::string shell : {"sh", "bash"}) {
        const run_result result = run_process(shell, {"-n", script.string()});
        INFO(shell << " -n " << script << "\n" << describe(result));
        CHECK(result.exited());
        CHECK(result.exit_code == 0);
    }
}

// Runs `script` with CIB_file=cib (the script's own offline mode) and the given arguments.
run_result run_script_offline(const fs::path& script, const fs::path& cib,
                              const std::vector<std::string>& arguments) {
    std::vector<std::string> args = {script.string()};
    args.insert(args.end(), arguments.begin(), arguments.end());
    run_options options;
    options.set_env["CIB_file"] = cib.string();
    options.time_limit = std::chrono::milliseconds(300'000);
    return run_process("sh", args, options);
}

void check_crm_verify(const fs::path& cib) {
    const run_result verify = run_process("crm_verify", {"--xml-file", cib.string()});
    INFO("crm_verify --xml-file " << cib << "\n" << describe(verify));
    CHECK(verify.exited());
    CHECK(verify.exit_code == 0);
}

// The checks every generated script must pass, then the run against an empty CIB: crm_verify
// accepts the result and its configuration is the cib target's. Returns the resulting CIB.
fs::path check_script_builds_cib(const cluster_input& input, const std::string& target,
                                 const temp_dir& scratch) {
    INFO("target " << target);
    const emit::emit_result emitted = input.emit(target);
    const emit::emitted_file& file = only_file(emitted);
    CHECK(file.name == target + ".sh");
    CHECK(file.content.starts_with("#!/bin/sh\n"));
    CHECK(file.content.find("\nset -e\n") != std::string::npos);
    CHECK(file.content.ends_with("\n"));
    CHECK(input.emit(target).files.front().content == file.content); // deterministic

    const fs::path script = scratch.path() / file.name;
    write_file(script, file.content);
    check_shell_syntax(script);

    const fs::path cib = scratch.path() / (target + "-cib.xml");
    write_file(cib, empty_cib());
    const run_result run = run_script_offline(script, cib, {"--force"});
    INFO("script:\n" << file.content << "\n" << describe(run));
    REQUIRE(run.exited());
    REQUIRE(run.exit_code == 0);
    check_crm_verify(cib);

    const emit::emit_result reference = input.emit("cib");
    REQUIRE_FALSE(reference.files.empty());
    const fs::path reference_cib = scratch.path() / "reference-cib.xml";
    write_file(reference_cib, reference.files.front().content);
    const std::string expected = canonical_configuration(reference_cib);
    CHECK(expected.find("\nresources") != std::string::npos); // the reader saw the CIB
    CHECK(canonical_configuration(cib) == expected);
    return cib;
}

void check_both_scripts(const cluster_input& input) {
    const temp_dir scratch;
    check_script_builds_cib(input, "pcs", scratch);
    check_script_builds_cib(input, "crmsh", scratch);
}

} // namespace

TEST_CASE("pcs and crmsh are registered emitter targets", "[compile][pcs][crmsh]") {
    CHECK(emit::find_target("pcs") != nullptr);
    CHECK(emit::find_target("crmsh") != nullptr);
}

TEST_CASE("shell_word survives the shell byte for byte", "[compile][pcs]") {
    const std::vector<std::string> words = {"plain", "",          "a b",       "it's",   "'",
                                            "\"q\"", "$HOME",     "`id`",      "a;b|c&", "*?[x]",
                                            "~root", "\\n",       "#hash",     "x=y z",  "-flag",
                                            "é",     "tab\there", "new\nline", "!bang",  "{a,b}"};
    std::string script;
    for (const std::string& w : words) {
        script += "printf '%s\\n' " + emit::shell_word(w) + "\n";
    }
    std::string expected;
    for (const std::string& w : words) {
        expected += w + "\n";
    }
    const run_result result = run_process("sh", {"-c", script});
    INFO(script << describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.out == expected);
    CHECK(emit::shell_word("ip=192.0.2.10/24") == "ip=192.0.2.10/24");
    CHECK(emit::shell_word("a'b") == "'a'\\''b'");
}

TEST_CASE("crm_word quotes what crmsh would split or unescape", "[compile][crmsh]") {
    CHECK(emit::crm_word("eth0:1") == "eth0:1");
    CHECK(emit::crm_word("a b") == "\"a b\"");
    CHECK(emit::crm_word("say \"hi\" \\o/") == "\"say \\\"hi\\\" \\\\o/\"");
    CHECK(emit::crm_word("#x") == "\"#x\"");
    CHECK(emit::crm_word("") == "\"\"");
}

TEST_CASE("values a script line cannot carry are recognised", "[compile][pcs][crmsh]") {
    CHECK(emit::unwritable_reason("rw,noatime").empty());
    CHECK(emit::unwritable_reason("caf\xc3\xa9 \t x").empty());
    CHECK_FALSE(emit::unwritable_reason("a\nb").empty());
    CHECK_FALSE(emit::unwritable_reason("a\x01").empty());
    CHECK_FALSE(emit::unwritable_reason("\x7f").empty());
    CHECK_FALSE(emit::unwritable_reason("caf\xe9").empty());      // Latin-1
    CHECK_FALSE(emit::unwritable_reason("\xc0\xaf").empty());     // overlong '/'
    CHECK_FALSE(emit::unwritable_reason("\xed\xa0\x80").empty()); // surrogate
    CHECK(emit::printable_text("a\x01\xc3\xa9\xe9z") == "a?\xc3\xa9?z");
    CHECK(emit::heredoc_delimiter("x\nEOF\ny", "EOF") == "EOF_2");
    CHECK(emit::heredoc_delimiter("x EOF\n", "EOF") == "EOF");
}

TEST_CASE("pcs and crmsh scripts of every example build the cib target's configuration",
          "[compile][pcs][crmsh][tools]") {
    for (const std::string example : {"seed", "clean-sha1"}) {
        SECTION(example) {
            check_both_scripts(load_cluster(example_folders(example)));
        }
    }
}

TEST_CASE("pcs and crmsh scripts of error-free corpus folders build the cib target's "
          "configuration",
          "[compile][pcs][crmsh][tools][corpus]") {
    if (!corpus_available()) {
        return;
    }
    for (const std::string& folder : corpus_folders) {
        SECTION(folder) {
            check_both_scripts(load_cluster({corpus_root() / folder}));
        }
    }
}

TEST_CASE("with --force the input's errors head both scripts as comments",
          "[compile][pcs][crmsh][tools]") {
    cluster_input input = load_cluster(example_folders("mistakes"));
    input.options.forced_errors = expected_errors("mistakes");
    REQUIRE(input.options.forced_errors.size() >= 2);
    for (const std::string target : {"pcs", "crmsh"}) {
        INFO("target " << target);
        const std::string script = only_file(input.emit(target)).content;
        std::string expected = "#!/bin/sh\n# Written with --force although the input has "
                               "errors:\n";
        for (const diagnostic& error : input.options.forced_errors) {
            expected += "# " + to_string(error.where) + ": " + error.message + "\n";
        }
        CHECK(script.starts_with(expected + "#\n"));
    }
    check_both_scripts(input);
}

TEST_CASE("shell and crmsh metacharacters in legacy arguments reach the CIB unchanged",
          "[compile][pcs][crmsh][tools]") {
    const cluster_input input = load_memory_cluster({
        {"ha.cf", "node node1\nnode node2\nucast eth1 192.0.2.2\nauto_failback off\n"},
        {"haresources", "node1 IPaddr2::192.0.2.10/24/eth0:web "
                        "Filesystem::/dev/sdb1::/srv/it's::ext4::rw,\"x\",$HOME;`id`|\\z "
                        "MailTo::a+b@example.com::Re:*[x]<y>&z\n"},
    });
    const temp_dir scratch;
    for (const std::string target : {"pcs", "crmsh"}) {
        const fs::path cib = check_script_builds_cib(input, target, scratch);
        const std::string configuration = canonical_configuration(cib);
        CHECK(configuration.find("value=\"/srv/it's\"") != std::string::npos);
        CHECK(configuration.find("value='rw,\"x\",$HOME;`id`|\\\\z'") != std::string::npos);
        CHECK(configuration.find("value='Re:*[x]<y>&z'") != std::string::npos);
    }
}

TEST_CASE("fencing devices and their bans are created by both scripts",
          "[compile][pcs][crmsh][tools]") {
    const cluster_input input = load_memory_cluster({
        {"ha.cf", "node node1\nnode node2\nucast eth1 192.0.2.2\n"
                  "stonith_host node1 external/ssh node2\n"
                  "stonith_host node2 external/ssh node1\nauto_failback on\n"},
        {"haresources", "node2 192.0.2.20 apache2\n"},
    });
    const std::string pcs = only_file(input.emit("pcs")).content;
    CHECK(pcs.find(" stonith create ") != std::string::npos);
    CHECK(pcs.find(" -- ") != std::string::npos); // -INFINITY bans after "--"
    check_both_scripts(input);
}

TEST_CASE("a value no script line can carry is a located error and never breaks the script",
          "[compile][pcs][crmsh]") {
    const cluster_input input = load_memory_cluster({
        {"ha.cf", "node node1\nnode node2\nucast eth1 192.0.2.2\n"},
        {"haresources", "node1 192.0.2.10 Filesystem::/dev/sdb1::/mnt/a\x01z::ext4\n"},
    });
    const temp_dir scratch;
    for (const std::string target : {"pcs", "crmsh"}) {
        INFO("target " << target);
        const emit::emit_result result = input.emit(target);
        const diagnostic* error = find_code(result.diagnostics, "HC150");
        REQUIRE(error != nullptr);
        CHECK(error->level == severity::error);
        CHECK(error->rule == "value-not-writable-in-script");
        CHECK(error->where.file.ends_with("haresources"));
        CHECK(error->where.line == 1);
        CHECK(error->where.column == 18);
        const std::string& script = only_file(result).content;
        CHECK(script.find('\x01') == std::string::npos);
        CHECK(script.find("/mnt/a?z") != std::string::npos);
        const fs::path path = scratch.path() / (target + ".sh");
        write_file(path, script);
        check_shell_syntax(path);
    }
}

TEST_CASE("the crmsh script can run again while a second pcs run fails and changes nothing",
          "[compile][pcs][crmsh][tools]") {
    const cluster_input input = small_cluster();
    const temp_dir scratch;

    const fs::path crmsh_cib = check_script_builds_cib(input, "crmsh", scratch);
    const std::string crmsh_first = canonical_configuration(crmsh_cib);
    const run_result crmsh_again =
        run_script_offline(scratch.path() / "crmsh.sh", crmsh_cib, {"--force"});
    INFO(describe(crmsh_again));
    CHECK(crmsh_again.exit_code == 0);
    CHECK(canonical_configuration(crmsh_cib) == crmsh_first);

    const fs::path pcs_cib = check_script_builds_cib(input, "pcs", scratch);
    const std::string pcs_first = read_file(pcs_cib);
    const run_result pcs_again =
        run_script_offline(scratch.path() / "pcs.sh", pcs_cib, {"--force"});
    INFO(describe(pcs_again));
    CHECK(pcs_again.exited());
    CHECK(pcs_again.exit_code != 0);
    CHECK(read_file(pcs_cib) == pcs_first);
}

TEST_CASE("both scripts reject unknown arguments before touching the CIB",
          "[compile][pcs][crmsh][tools]") {
    const cluster_input input = small_cluster();
    const temp_dir scratch;
    const fs::path cib = scratch.path() / "cib.xml";
    write_file(cib, empty_cib());
    const std::string before = read_file(cib);
    for (const std::string target : {"pcs", "crmsh"}) {
        const fs::path script = scratch.path() / (target + ".sh");
        write_file(script, only_file(input.emit(target)).content);
        const run_result run = run_script_offline(script, cib, {"--forse"});
        INFO(target << "\n" << describe(run));
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("usage: sh ") != std::string::npos);
        CHECK(read_file(cib) == before);
    }
}

TEST_CASE("no authkeys key appears in either script even with include_secrets",
          "[compile][pcs][crmsh]") {
    for (const std::string example : {"seed", "clean-sha1", "mistakes"}) {
        cluster_input input = load_cluster(example_folders(example));
        std::vector<std::string> keys;
        for (const node_folder& folder : input.folders) {
            for (const auto& [index, key] : folder.ir.auth.keys) {
                if (key.key && key.key->size() >= 4) {
                    keys.push_back(key.key->reveal());
                }
            }
        }
        for (const bool include_secrets : {false, true}) {
            input.options.include_secrets = include_secrets;
            for (const std::string target : {"pcs", "crmsh"}) {
                const emit::emitted_file file = only_file(input.emit(target));
                CHECK(file.mode == 0755);
                for (const std::string& key : keys) {
                    INFO(example << " " << target);
                    CHECK(file.content.find(key) == std::string::npos);
                }
            }
        }
        if (example == "clean-sha1") {
            CHECK_FALSE(keys.empty()); // the check above has something to look for
        }
    }
}
