// Joining node folders into one cluster view.
#include <hakit/compiler/cluster.hpp>

#include <catch2/catch.hpp>

namespace {

hakit::node_folder node(const std::string& path, const std::string& name,
                        const std::string& ha_cf) {
    return hakit::load_node_folder_from_memory(path, {{"ha.cf", ha_cf}, {"nodeinfo", name + "\n"}},
                                               std::nullopt, std::nullopt);
}

std::vector<std::string> addresses_of(const hakit::ir::cluster_member& member) {
    std::vector<std::string> result;
    for (const auto& a : member.addresses) {
        result.push_back(a.address);
    }
    return result;
}

} // namespace

TEST_CASE("each node's ucast peer is the other node's address", "[cluster]") {
    const auto srv5 = node("srv5", "srv5", "node srv5 srv6\nucast eth1 192.0.2.6\n");
    const auto srv6 = node("srv6", "srv6", "node srv5 srv6\nucast eth1 192.0.2.5\n");
    const auto model = hakit::ir::join_cluster({&srv5, &srv6});
    REQUIRE(model.members.size() == 2);
    CHECK(model.members[0].name == "srv5");
    CHECK(model.members[0].folder == &srv5);
    CHECK(model.members[0].declared_at.size() == 2);
    CHECK(addresses_of(model.members[0]) == std::vector<std::string>{"192.0.2.5"});
    CHECK(addresses_of(model.members[1]) == std::vector<std::string>{"192.0.2.6"});
    CHECK(model.members[1].addresses[0].device == "eth1");
    CHECK(model.members[1].addresses[0].where == hakit::location{"srv5/ha.cf", 2, 12});
    CHECK(model.members[1].addresses[0].source == "ucast peer in srv5's ha.cf");
    CHECK(model.folders_without_member.empty());
}

TEST_CASE("an address every node sends to stays unassigned", "[cluster]") {
    const std::string both = "node a b\nucast eth1 192.0.2.1\nucast eth1 192.0.2.2\n";
    const auto a = node("a", "a", both);
    const auto b = node("b", "b", both);
    const auto model = hakit::ir::join_cluster({&a, &b});
    CHECK(model.members[0].addresses.empty());
    CHECK(model.members[1].addresses.empty());
}

TEST_CASE("one folder listing every node's address on a device assigns none", "[cluster]") {
    // Heartbeat ignores the ucast line to its own address; which one that is, a lone folder
    // does not say, so neither address may be given to the other node.
    const auto a = node("a", "a",
                        "node a b\nucast eth1 192.0.2.1\nucast eth1 192.0.2.2\n"
                        "ucast eth2 198.51.100.2\n");
    const auto model = hakit::ir::join_cluster({&a});
    CHECK(model.members[0].addresses.empty());
    CHECK(addresses_of(model.members[1]) == std::vector<std::string>{"198.51.100.2"});
}

TEST_CASE("a ucast peer that names a node belongs to that node", "[cluster]") {
    const auto a = node("a", "a", "node a b c\nucast eth0 B\n");
    const auto model = hakit::ir::join_cluster({&a});
    REQUIRE(model.members.size() == 3);
    CHECK(addresses_of(model.members[1]) == std::vector<std::string>{"B"});
    CHECK(model.members[2].addresses.empty()); // three nodes: a plain IP would be ambiguous
}

TEST_CASE("folders whose local node is unknown or undeclared are listed apart", "[cluster]") {
    const auto a = node("a", "zed", "node a b\n");
    const auto unnamed = hakit::load_node_folder_from_memory("u", {{"ha.cf", "node a b\n"}},
                                                             std::nullopt, std::nullopt);
    const auto model = hakit::ir::join_cluster({&a, &unnamed});
    CHECK(model.folders_without_member == std::vector<const hakit::node_folder*>{&a, &unnamed});
    CHECK(model.members[0].folder == nullptr);
}
