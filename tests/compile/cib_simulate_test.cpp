// The compiled cluster behaves like the Heartbeat one, with crm_simulate as the oracle: all
// nodes up -> each group on its haresources owner; owner fails -> on the other node; owner
// back -> returns with auto_failback on, stays with off. The ping agent's node attribute is
// set by hand between steps, as the agent would on a live cluster, and a failed node comes
// back without its old resource history, as a rebooted node does.
#include "cib_test_support.hpp"
#include "pacemaker_model.hpp"
#include "tool/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hakit;
using namespace hakit::test;

namespace {

using nodes = std::vector<std::string>;

// Runs the scenarios on one compiled cluster.
class simulation {
  public:
    explicit simulation(const cib_cluster& cluster) {
        const emit::emit_input input{cluster.folders, cluster.cluster, cluster.options};
        std::vector<diagnostic> ignored;
        model_ = emit::build_pacemaker_model(input, ignored);
        current_ = scratch_.path() / "step-0.xml";
        write_file(current_, cluster.cib_text());
        REQUIRE(model_.nodes.size() == 2);
        REQUIRE_FALSE(model_.groups.empty());
    }

    const emit::pacemaker_model& model() const { return model_; }

    std::string other_than(const std::string& node) const {
        return model_.nodes[0].name == node ? model_.nodes[1].name : model_.nodes[0].name;
    }

    // One transition; then, as the ping agent would, connectivity on the nodes that are up.
    void step(const node_events& events, const nodes& connected) {
        advance(events);
        if (model_.ping_attribute && !connected.empty()) {
            for (const auto& node : connected) {
                set_node_attribute(current_, node, *model_.ping_attribute, "1000");
            }
            advance({});
        }
    }

    // A node fails; it will come back rebooted, without resources or attributes.
    void fail(const std::string& node) {
        advance({{}, {node}});
        forget_node_state(current_, node);
    }

    void lose_connectivity(const std::string& node) {
        set_node_attribute(current_, node, *model_.ping_attribute, "0");
        advance({});
    }

    nodes where(const std::string& resource) const { return locate(current_, resource); }

  private:
    void advance(const node_events& events) {
        const auto next = scratch_.path() / ("step-" + std::to_string(++steps_) + ".xml");
        crm_simulate_step(current_, events, next);
        current_ = next;
    }

    temp_dir scratch_;
    emit::pacemaker_model model_;
    fs::path current_;
    int steps_ = 0;
};

void check_failover(const cib_cluster& cluster, bool fails_back) {
    simulation sim(cluster);
    const auto& model = sim.model();
    const nodes all{model.nodes[0].name, model.nodes[1].name};

    sim.step({all, {}}, all);
    for (const auto& group : model.groups) {
        INFO("all nodes up: " << group.id);
        CHECK(sim.where(group.id) == nodes{group.preferred_node});
    }
    for (const auto& group : model.groups) {
        const std::string owner = group.preferred_node;
        const std::string other = sim.other_than(owner);
        sim.fail(owner);
        INFO("owner " << owner << " failed: " << group.id);
        CHECK(sim.where(group.id) == nodes{other});

        sim.step({{owner}, {}}, {owner});
        INFO("owner " << owner << " back: " << group.id);
        CHECK(sim.where(group.id) == nodes{fails_back ? owner : other});
    }
}

std::map<std::string, std::string> read_folder(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto* name : {"ha.cf", "haresources", "authkeys", "nodeinfo"}) {
        std::ifstream in(folder / name, std::ios::binary);
        REQUIRE(in);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files[name] = bytes.str();
    }
    return files;
}

// An example with its auto_failback line rewritten (both nodes, so they still agree).
cib_cluster example_with_failback(const std::string& example, const nodes& node_folders,
                                  const std::string& from, const std::string& to) {
    cib_cluster cluster;
    for (const auto& node : node_folders) {
        auto files = read_folder(example_folder(example + "/" + node));
        auto& ha_cf = files["ha.cf"];
        const auto at = ha_cf.find("auto_failback " + from);
        REQUIRE(at != std::string::npos);
        ha_cf.replace(at, from.size() + 14, "auto_failback " + to);
        // The local node name comes from the copied nodeinfo, as from the real folder.
        cluster.folders.push_back(
            load_node_folder_from_memory(example + "/" + node, files, 0600, std::nullopt));
    }
    rejoin(cluster);
    return cluster;
}

} // namespace

TEST_CASE("seed (auto_failback on): groups run on the owner, fail over, and come back",
          "[cib][simulate]") {
    const auto cluster =
        load_cib_cluster({example_folder("seed/srv5"), example_folder("seed/srv6")});
    check_failover(cluster, true);
}

TEST_CASE("seed with auto_failback off: the group stays on the node it failed over to",
          "[cib][simulate]") {
    check_failover(example_with_failback("seed", {"srv5", "srv6"}, "on", "off"), false);
}

TEST_CASE("clean-sha1 (auto_failback off): the group stays after the owner returns",
          "[cib][simulate]") {
    const auto cluster =
        load_cib_cluster({example_folder("clean-sha1/alpha"), example_folder("clean-sha1/beta")});
    check_failover(cluster, false);
}

TEST_CASE("clean-sha1 with auto_failback on: the group returns to alpha", "[cib][simulate]") {
    check_failover(example_with_failback("clean-sha1", {"alpha", "beta"}, "off", "on"), true);
}

TEST_CASE("losing the ping nodes moves the groups away, as ipfail did", "[cib][simulate]") {
    const auto cluster =
        load_cib_cluster({example_folder("clean-sha1/alpha"), example_folder("clean-sha1/beta")});
    simulation sim(cluster);
    const auto& model = sim.model();
    REQUIRE(model.ping_attribute);
    const nodes all{model.nodes[0].name, model.nodes[1].name};
    sim.step({all, {}}, all);
    const auto& group = model.groups.at(0);
    REQUIRE(sim.where(group.id) == nodes{"alpha"});
    sim.lose_connectivity("alpha");
    CHECK(sim.where(group.id) == nodes{"beta"});
}
