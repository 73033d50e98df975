// harun's control socket: <state dir>/harun.sock, a Unix stream socket of mode 0600 that takes
// one JSON request per line and answers each with one JSON line. The server never blocks: the
// daemon polls fd() and calls process(), which accepts, reads and answers through the handler
// the daemon supplies. The client side serves `harun status`, `standby` and `takeover`.
#pragma once

#include <hakit/runtime/node/outcome.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>

namespace hakit::runtime::node {

inline constexpr const char* control_socket_name = "harun.sock";

// Answers one request. An exception it throws becomes {"ok": false, "error": what()}.
using control_handler = std::function<nlohmann::json(const nlohmann::json& request)>;

class control_server {
  public:
    // Binds `socket_path` with mode 0600. A socket file nobody answers on (left by a crashed
    // harun) is replaced; one that answers means another harun runs there, and is refused, as is
    // a path that exists and is not a socket.
    static outcome<control_server> open(const std::filesystem::path& socket_path,
                                        control_handler handler);

    control_server(control_server&&) noexcept;
    control_server& operator=(control_server&&) noexcept;
    control_server(const control_server&) = delete;
    control_server& operator=(const control_server&) = delete;
    ~control_server(); // closes every connection and removes the socket file

    int fd() const; // readable when process() has work to do
    void process(); // accepts, reads, answers and writes whatever is ready; never blocks
    std::size_t connection_count() const;

  private:
    struct state;
    explicit control_server(std::unique_ptr<state> opened);
    std::unique_ptr<state> state_;
};

// Sends `request` as one line and waits up to `timeout` for the one-line answer.
outcome<nlohmann::json>
control_request(const std::filesystem::path& socket_path, const nlohmann::json& request,
                std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace hakit::runtime::node
