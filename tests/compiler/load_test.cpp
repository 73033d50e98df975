// Loading node folders and single files from disk.
#include <hakit/compiler/load.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A fresh directory under the system temp dir, removed at the end of the test.
class scratch_dir {
  public:
    scratch_dir() {
        std::string pattern = (fs::temp_directory_path() / "hakit-load-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~scratch_dir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;

    std::string write(const std::string& name, const std::string& text) const {
        const auto file = path_ / name;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
    std::string path() const { return path_.string(); }

  private:
    fs::path path_;
};

} // namespace

TEST_CASE("a node folder loads its files, nodeinfo and the authkeys mode", "[load]") {
    scratch_dir dir;
    dir.write("n/ha.cf", "node srv5 srv6\nbcast eth0\n");
    dir.write("n/haresources", "srv5 192.0.2.10\n");
    const auto authkeys = dir.write("n/authkeys", "auth 1\n1 sha1 abcdefabcdefabcdef\n");
    dir.write("n/nodeinfo", "srv5\n");
    REQUIRE(::chmod(authkeys.c_str(), 0640) == 0);

    const auto folder = hakit::load_node_folder(dir.path() + "/n/", {});
    CHECK(folder.ha_cf);
    CHECK(folder.haresources);
    CHECK(folder.authkeys);
    CHECK(folder.authkeys_mode == 0640U);
    CHECK(folder.ir.local_name->v == "srv5");
    // The path is kept as given, without a doubled '/'.
    CHECK(folder.ha_cf->source->path() == dir.path() + "/n/ha.cf");
    CHECK(folder.expected_path_authkeys == dir.path() + "/n/authkeys");
    CHECK(folder.expects(hakit::file_kind::authkeys));
}

TEST_CASE("a --node option names the local node of a folder", "[load]") {
    scratch_dir dir;
    dir.write("n/ha.cf", "node srv5\n");
    hakit::load_options options;
    options.node_names[dir.path() + "/n"] = "SRV5";
    const auto folder = hakit::load_node_folder(dir.path() + "/n", options);
    CHECK(folder.ir.local_name->v == "srv5");

    dir.write("n/nodeinfo", "Srv5\n"); // agrees, whatever the case
    CHECK(hakit::load_node_folder(dir.path() + "/n", options).ir.local_name->v == "srv5");
    dir.write("n/nodeinfo", "srv6\n");
    CHECK_THROWS_WITH(hakit::load_node_folder(dir.path() + "/n", options),
                      "--node " + dir.path() + "/n=SRV5 contradicts " + dir.path() +
                          "/n/nodeinfo ('srv6'), which Heartbeat would use");
}

TEST_CASE("a single file is checked on its own; its name tells its kind", "[load]") {
    scratch_dir dir;
    const auto path = dir.write("ha.cf.j2", "keepalive 2\n");
    const auto folder = hakit::load_node_folder(path, {});
    CHECK(folder.single_file);
    CHECK(folder.ha_cf);
    CHECK_FALSE(folder.authkeys);
    CHECK(folder.expects(hakit::file_kind::ha_cf));
    CHECK_FALSE(folder.expects(hakit::file_kind::authkeys));
    CHECK(folder.ir.times.keepalive_ms.v == 2000);
}

TEST_CASE("usage and I/O problems are load errors with the path", "[load]") {
    scratch_dir dir;
    const auto missing = dir.path() + "/nothing";
    CHECK_THROWS_WITH(hakit::load_node_folder(missing, {}),
                      missing + ": no such file or directory");
    const auto odd = dir.write("notes.txt", "x\n");
    CHECK_THROWS_WITH(hakit::load_node_folder(odd, {}),
                      odd + ": cannot tell which Heartbeat file this is from its name (it "
                            "should contain ha.cf, haresources or authkeys)");
    dir.write("empty/readme", "x\n");
    CHECK_THROWS_WITH(hakit::load_node_folder(dir.path() + "/empty", {}),
                      dir.path() + "/empty: not a node folder (no ha.cf, haresources or "
                                   "authkeys in it)");
}
