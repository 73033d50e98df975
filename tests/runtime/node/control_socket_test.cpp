#include "tool/temp_dir.hpp"

#include <hakit/runtime/node/control_socket.hpp>

#include <catch2/catch.hpp>

#include <cstring>
#include <future>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

using hakit::runtime::node::control_request;
using hakit::runtime::node::control_server;
using nlohmann::json;

// Echoes the command back, so a test can tell its answer from another request's.
json echo_handler(const json& request) {
    if (request.value("command", "") == "explode") {
        throw std::runtime_error("the handler failed");
    }
    return {{"ok", true}, {"command", request.value("command", "")}};
}

// Runs the client in a thread while this thread serves, the way the daemon's loop would.
hakit::runtime::node::outcome<json> ask(control_server& server, const std::string& path,
                                        const std::string& line_or_json) {
    auto answer = std::async(std::launch::async, [&] {
        return control_request(path, json::parse(line_or_json), std::chrono::seconds(5));
    });
    for (int pass = 0; pass < 500; ++pass) {
        if (answer.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready) {
            break;
        }
        pollfd wait{server.fd(), POLLIN, 0};
        if (::poll(&wait, 1, 10) > 0) {
            server.process();
        }
    }
    return answer.get();
}

// A socket file nobody listens on, as a crashed harun leaves behind.
void leave_stale_socket(const std::string& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
    const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
    ::close(fd);
    REQUIRE(bound == 0);
}

} // namespace

TEST_CASE("the control socket answers one JSON line per request and has mode 0600",
          "[runtime][node]") {
    hakit::test::temp_dir dir;
    const std::string path = (dir.path() / "harun.sock").string();
    auto server = control_server::open(path, echo_handler);
    REQUIRE(server.has_value());

    struct stat info {};
    REQUIRE(::lstat(path.c_str(), &info) == 0);
    CHECK(S_ISSOCK(info.st_mode));
    CHECK((info.st_mode & 0777) == 0600);

    const auto status = ask(*server, path, R"({"command":"status"})");
    REQUIRE(status.has_value());
    CHECK(*status == json{{"ok", true}, {"command", "status"}});

    const auto takeover = ask(*server, path, R"({"command":"takeover"})");
    REQUIRE(takeover.has_value());
    CHECK((*takeover)["command"] == "takeover");

    const auto failed = ask(*server, path, R"({"command":"explode"})");
    REQUIRE(failed.has_value());
    CHECK(*failed == json{{"ok", false}, {"error", "the handler failed"}});

    // Connections are closed once answered and the client has gone.
    for (int pass = 0; pass < 100 && server->connection_count() > 0; ++pass) {
        pollfd wait{server->fd(), POLLIN, 0};
        if (::poll(&wait, 1, 10) > 0) {
            server->process();
        }
    }
    CHECK(server->connection_count() == 0);
}

TEST_CASE("a request that is not JSON gets an error answer", "[runtime][node]") {
    hakit::test::temp_dir dir;
    const std::string path = (dir.path() / "harun.sock").string();
    auto server = control_server::open(path, echo_handler);
    REQUIRE(server.has_value());

    const int client = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(client >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
    REQUIRE(::connect(client, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    const std::string garbage = "status please\n";
    REQUIRE(::write(client, garbage.data(), garbage.size()) ==
            static_cast<ssize_t>(garbage.size()));
    std::string answer;
    for (int pass = 0; pass < 200 && answer.find('\n') == std::string::npos; ++pass) {
        server->process();
        pollfd wait{client, POLLIN, 0};
        if (::poll(&wait, 1, 10) > 0) {
            char chunk[512];
            const ssize_t length = ::read(client, chunk, sizeof(chunk));
            if (length <= 0) {
                break;
            }
            answer.append(chunk, static_cast<std::size_t>(length));
        }
    }
    ::close(client);
    const json parsed = json::parse(answer.substr(0, answer.find('\n')));
    CHECK(parsed["ok"] == false);
    CHECK_THAT(parsed["error"].get<std::string>(), Catch::StartsWith("request is not JSON"));
}

TEST_CASE("a stale socket file is replaced, a live one refused, the file removed at the end",
          "[runtime][node]") {
    hakit::test::temp_dir dir;
    const std::string path = (dir.path() / "harun.sock").string();

    leave_stale_socket(path);
    auto first = control_server::open(path, echo_handler);
    REQUIRE(first.has_value());

    const auto second = control_server::open(path, echo_handler);
    REQUIRE_FALSE(second.has_value());
    CHECK_THAT(second.error(), Catch::Contains("another harun is running"));

    // The refused second server must not have removed the first one's socket.
    const auto status = ask(*first, path, R"({"command":"status"})");
    REQUIRE(status.has_value());

    { auto closing = std::move(first); }
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a control socket path that is a regular file is refused", "[runtime][node]") {
    hakit::test::temp_dir dir;
    const auto path = dir.path() / "harun.sock";
    hakit::test::write_file(path, "not a socket");
    const auto refused = control_server::open(path, echo_handler);
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::Contains("is not a socket"));
    CHECK(hakit::test::read_file(path) == "not a socket");
}

TEST_CASE("the client says when no harun is running", "[runtime][node]") {
    hakit::test::temp_dir dir;
    const auto answer = control_request(dir.path() / "harun.sock", json{{"command", "status"}});
    REQUIRE_FALSE(answer.has_value());
    CHECK_THAT(answer.error(), Catch::Contains("is it running?"));
}
