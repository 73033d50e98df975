#include "tool/temp_dir.hpp"

#include <hakit/runtime/resources/resolve.hpp>
#include <hakit/runtime/resources/resource.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

using namespace hakit::runtime::resources;
namespace fs = std::filesystem;
using hakit::test::temp_dir;
using hakit::test::write_file;

namespace {

void write_script(const fs::path& path, fs::perms mode = fs::perms(0755)) {
    fs::create_directories(path.parent_path());
    write_file(path, "#!/bin/sh\nexit 0\n");
    fs::permissions(path, mode);
}

struct two_dirs {
    temp_dir root;
    script_dirs dirs{root.path() / "resource.d", root.path() / "init.d"};
    two_dirs() {
        fs::create_directories(dirs.resource_dir);
        fs::create_directories(dirs.init_dir);
    }
};

} // namespace

TEST_CASE("a bare IPv4 token means IPaddr with the token as its one argument",
          "[runtime][resources]") {
    CHECK(parse_resource_token("192.0.2.10") == resource_ref{"IPaddr", {"192.0.2.10"}});
    CHECK(parse_resource_token("192.0.2.10/24/eth0/192.0.2.255") ==
          resource_ref{"IPaddr", {"192.0.2.10/24/eth0/192.0.2.255"}});
}

TEST_CASE("script::arg tokens split on every double colon, single colons stay",
          "[runtime][resources]") {
    CHECK(parse_resource_token("Filesystem::/dev/sda1::/data::ext3") ==
          resource_ref{"Filesystem", {"/dev/sda1", "/data", "ext3"}});
    CHECK(parse_resource_token("IPaddr2::192.0.2.5/24/eth0:vip") ==
          resource_ref{"IPaddr2", {"192.0.2.5/24/eth0:vip"}});
    CHECK(parse_resource_token("LinuxSCSI::0:0:0") == resource_ref{"LinuxSCSI", {"0:0:0"}});
    CHECK(parse_resource_token("httpd") == resource_ref{"httpd", {}});
    CHECK(resource_token(parse_resource_token("Filesystem::/dev/sda1::/data")) ==
          "Filesystem::/dev/sda1::/data");
}

TEST_CASE("isip follows the shell glob [0-9]*.[0-9]*.[0-9]*.[0-9]*", "[runtime][resources]") {
    CHECK(looks_like_ip("1.2.3.4"));
    CHECK(looks_like_ip("1a.2b.3c.4d")); // the glob is loose, as in ResourceManager
    CHECK(looks_like_ip("1..2.3.4"));
    CHECK_FALSE(looks_like_ip("10.0.0"));
    CHECK_FALSE(looks_like_ip("a1.2.3.4"));
    CHECK_FALSE(looks_like_ip("1.2.3."));
    CHECK_FALSE(looks_like_ip(""));
}

TEST_CASE("resource.d is searched before init.d", "[runtime][resources]") {
    two_dirs t;
    write_script(t.dirs.resource_dir / "httpd");
    write_script(t.dirs.init_dir / "httpd");
    write_script(t.dirs.init_dir / "postfix");
    auto first = resolve_script({"httpd", {}}, t.dirs);
    REQUIRE(std::holds_alternative<fs::path>(first));
    CHECK(std::get<fs::path>(first) == t.dirs.resource_dir / "httpd");
    auto second = resolve_script({"postfix", {}}, t.dirs);
    REQUIRE(std::holds_alternative<fs::path>(second));
    CHECK(std::get<fs::path>(second) == t.dirs.init_dir / "postfix");
}

TEST_CASE("a file that is not executable or not regular is passed over", "[runtime][resources]") {
    two_dirs t;
    write_script(t.dirs.resource_dir / "httpd", fs::perms(0644));
    write_script(t.dirs.init_dir / "httpd");
    fs::create_directories(t.dirs.resource_dir / "squid");
    write_script(t.dirs.init_dir / "squid");
    CHECK(std::get<fs::path>(resolve_script({"httpd", {}}, t.dirs)) == t.dirs.init_dir / "httpd");
    CHECK(std::get<fs::path>(resolve_script({"squid", {}}, t.dirs)) == t.dirs.init_dir / "squid");
}

TEST_CASE("a symbolic link to an executable script is accepted", "[runtime][resources]") {
    two_dirs t;
    write_script(t.root.path() / "real_script");
    fs::create_symlink(t.root.path() / "real_script", t.dirs.resource_dir / "linked");
    CHECK(std::get<fs::path>(resolve_script({"linked", {}}, t.dirs)) ==
          t.dirs.resource_dir / "linked");
}

TEST_CASE("a missing script is an error naming both paths tried", "[runtime][resources]") {
    two_dirs t;
    write_script(t.dirs.resource_dir / "other");
    auto result = resolve_script({"drbddisk", {"r0"}}, t.dirs);
    REQUIRE(std::holds_alternative<resolve_error>(result));
    const std::string& message = std::get<resolve_error>(result).message;
    CHECK_THAT(message, Catch::Contains("drbddisk"));
    CHECK_THAT(message, Catch::Contains((t.dirs.resource_dir / "drbddisk").string()));
    CHECK_THAT(message, Catch::Contains((t.dirs.init_dir / "drbddisk").string()));
}

TEST_CASE("script names that would leave the search directories are refused",
          "[runtime][resources]") {
    two_dirs t;
    write_script(t.root.path() / "escape");
    for (const char* name : {"../escape", "", "..", "/bin/true"}) {
        INFO(name);
        CHECK(std::holds_alternative<resolve_error>(resolve_script({name, {}}, t.dirs)));
    }
}

TEST_CASE("the command line is the script, its arguments, then the action",
          "[runtime][resources]") {
    const resource_ref fs_resource{"Filesystem", {"/dev/sda1", "/data", "ext3"}};
    CHECK(script_command("/etc/ha.d/resource.d/Filesystem", fs_resource, script_action::start) ==
          std::vector<std::string>{"/etc/ha.d/resource.d/Filesystem", "/dev/sda1", "/data", "ext3",
                                   "start"});
    // init.d scripts get the same shape: with no arguments just the action.
    CHECK(script_command("/etc/init.d/httpd", {"httpd", {}}, script_action::stop) ==
          std::vector<std::string>{"/etc/init.d/httpd", "stop"});
    // An empty piece ("x::::y") vanishes as in ResourceManager's unquoted $arg.
    CHECK(script_command("/s/x", parse_resource_token("x::::y"), script_action::status) ==
          std::vector<std::string>{"/s/x", "y", "status"});
}
