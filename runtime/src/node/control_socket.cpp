#include <hakit/runtime/node/control_protocol.hpp>
#include <hakit/runtime/node/control_socket.hpp>
#include <hakit/runtime/node/file_descriptor.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <poll.h>
#include <string>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace hakit::runtime::node {

namespace fs = std::filesystem;

namespace {

// A request is a short command; anything longer is a confused or hostile client.
constexpr std::size_t max_request_bytes = 64 * 1024;
constexpr std::size_t max_connections = 16;
constexpr int events_per_pass = 32;

std::string errno_text() {
    return std::strerror(errno);
}

outcome<sockaddr_un> unix_address(const fs::path& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    if (text.size() >= sizeof(address.sun_path)) {
        return failure{fmt::format("control socket path {} is longer than the {} bytes a Unix "
                                   "socket allows",
                                   text, sizeof(address.sun_path) - 1)};
    }
    std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
    return address;
}

const sockaddr* as_generic(const sockaddr_un& address) {
    return reinterpret_cast<const sockaddr*>(&address);
}

// Whether a harun answers on the socket file at `address`: connect succeeds (or would wait for
// a full backlog) when one listens, and is refused when the file is left over.
outcome<bool> someone_listens(const sockaddr_un& address) {
    file_descriptor probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!probe) {
        return failure{fmt::format("socket: {}", errno_text())};
    }
    if (::connect(probe.get(), as_generic(address), sizeof(address)) == 0 || errno == EAGAIN ||
        errno == EINPROGRESS) {
        return true;
    }
    if (errno == ECONNREFUSED) {
        return false;
    }
    return failure{fmt::format("cannot probe {}: {}", address.sun_path, errno_text())};
}

} // namespace

struct control_server::state {
    struct connection {
        file_descriptor socket;
        std::string input;
        std::string output;
        bool closing = false; // the client is done or misbehaved: close once output is flushed
    };

    fs::path path;
    file_descriptor listener;
    file_descriptor poller; // epoll over the listener and every connection
    control_handler handler;
    std::map<int, connection> connections;

    ~state() {
        if (listener) {
            ::unlink(path.c_str());
        }
    }

    void watch(int fd, std::uint32_t events, int operation) const {
        epoll_event event{};
        event.events = events;
        event.data.fd = fd;
        ::epoll_ctl(poller.get(), operation, fd, &event);
    }

    void accept_all() {
        for (;;) {
            file_descriptor client(
                ::accept4(listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
            if (!client) {
                return; // EAGAIN: no one else waiting (other errors: try again next time)
            }
            if (connections.size() >= max_connections) {
                continue; // closed at once: a client should not hold that many
            }
            const int fd = client.get();
            watch(fd, EPOLLIN, EPOLL_CTL_ADD);
            connections[fd].socket = std::move(client);
        }
    }

    std::string answer(std::string_view line) const {
        nlohmann::json response;
        try {
            const auto request = nlohmann::json::parse(line.begin(), line.end());
            response = handler(request);
        } catch (const nlohmann::json::parse_error& error) {
            response = error_response(fmt::format("request is not JSON: {}", error.what()));
        } catch (const std::exception& error) {
            response = error_response(error.what());
        }
        return response.dump() + "\n";
    }

    void read_from(connection& client) {
        std::array<char, 4096> chunk{};
        for (;;) {
            const ssize_t length = ::read(client.socket.get(), chunk.data(), chunk.size());
            if (length == 0) {
                client.closing = true;
                break;
            }
            if (length < 0) {
                if (errno == EINTR) {
                    continue;
                }
                client.closing = errno != EAGAIN;
                break;
            }
            client.input.append(chunk.data(), static_cast<std::size_t>(length));
            if (client.input.size() > max_request_bytes) {
                client.output += error_response("request too long").dump() + "\n";
                client.input.clear();
                client.closing = true;
                break;
            }
        }
        for (std::size_t end = client.input.find('\n'); end != std::string::npos;
             end = client.input.find('\n')) {
            const std::string line = client.input.substr(0, end);
            client.input.erase(0, end + 1);
            client.output += answer(line);
        }
    }

    void write_to(connection& client) {
        while (!client.output.empty()) {
            const ssize_t written = ::send(client.socket.get(), client.output.data(),
                                           client.output.size(), MSG_NOSIGNAL);
            if (written < 0) {
                if (errno == EINTR) {
                    continue;
                }
                if (errno != EAGAIN) {
                    client.output.clear(); // the client went away
                    client.closing = true;
                }
                break;
            }
            client.output.erase(0, static_cast<std::size_t>(written));
        }
    }

    void serve(int fd, std::uint32_t events) {
        const auto found = connections.find(fd);
        if (found == connections.end()) {
            return;
        }
        connection& client = found->second;
        if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0) {
            read_from(client);
        }
        write_to(client);
        if (client.closing && client.output.empty()) {
            ::epoll_ctl(poller.get(), EPOLL_CTL_DEL, fd, nullptr);
            connections.erase(found);
            return;
        }
        // Wait for room to write only while there is something left to write.
        const std::uint32_t wanted = client.output.empty() ? EPOLLIN : (EPOLLIN | EPOLLOUT);
        watch(fd, client.closing ? (wanted & ~std::uint32_t{EPOLLIN}) : wanted, EPOLL_CTL_MOD);
    }
};

control_server::control_server(std::unique_ptr<state> opened) : state_(std::move(opened)) {}
control_server::control_server(control_server&&) noexcept = default;
control_server& control_server::operator=(control_server&&) noexcept = default;
control_server::~control_server() = default;

outcome<control_server> control_server::open(const fs::path& socket_path, control_handler handler) {
    const auto address = unix_address(socket_path);
    if (!address) {
        return failure{address.error()};
    }
    struct stat existing {};
    if (::lstat(socket_path.c_str(), &existing) == 0) {
        if (!S_ISSOCK(existing.st_mode)) {
            return failure{fmt::format("{} exists and is not a socket; remove it or choose "
                                       "another --state-dir",
                                       socket_path.string())};
        }
        const auto live = someone_listens(*address);
        if (!live) {
            return failure{live.error()};
        }
        if (*live) {
            return failure{fmt::format("another harun is running: its control socket {} "
                                       "answers",
                                       socket_path.string())};
        }
        ::unlink(socket_path.c_str()); // left over by a harun that did not stop cleanly
    }

    auto server = std::make_unique<state>();
    server->path = socket_path;
    server->handler = std::move(handler);
    file_descriptor listener(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!listener) {
        return failure{fmt::format("socket: {}", errno_text())};
    }
    // The mode is set at creation (umask) so the socket is never reachable by others, and
    // again explicitly in case the umask was stricter than needed for the owner.
    const mode_t previous_mask = ::umask(0177);
    const int bound = ::bind(listener.get(), as_generic(*address), sizeof(*address));
    const int bind_error = errno;
    ::umask(previous_mask);
    if (bound != 0) {
        return failure{fmt::format("cannot bind control socket {}: {}", socket_path.string(),
                                   std::strerror(bind_error))};
    }
    server->listener = std::move(listener); // from here on, ~state removes the file
    if (::chmod(socket_path.c_str(), 0600) != 0 || ::listen(server->listener.get(), 8) != 0) {
        return failure{
            fmt::format("cannot set up control socket {}: {}", socket_path.string(), errno_text())};
    }
    server->poller.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!server->poller) {
        return failure{fmt::format("epoll_create1: {}", errno_text())};
    }
    server->watch(server->listener.get(), EPOLLIN, EPOLL_CTL_ADD);
    return control_server(std::move(server));
}

int control_server::fd() const {
    return state_->poller.get();
}

std::size_t control_server::connection_count() const {
    return state_->connections.size();
}

void control_server::process() {
    std::array<epoll_event, events_per_pass> events{};
    const int ready = ::epoll_wait(state_->poller.get(), events.data(), events_per_pass, 0);
    for (int i = 0; i < ready; ++i) {
        const epoll_event& event = events[static_cast<std::size_t>(i)];
        if (event.data.fd == state_->listener.get()) {
            state_->accept_all();
        } else {
            state_->serve(event.data.fd, event.events);
        }
    }
}

outcome<nlohmann::json> control_request(const fs::path& socket_path, const nlohmann::json& request,
                                        std::chrono::milliseconds timeout) {
    const auto address = unix_address(socket_path);
    if (!address) {
        return failure{address.error()};
    }
    file_descriptor client(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!client) {
        return failure{fmt::format("socket: {}", errno_text())};
    }
    if (::connect(client.get(), as_generic(*address), sizeof(*address)) != 0) {
        return failure{fmt::format("cannot reach harun at {}: {} (is it running?)",
                                   socket_path.string(), errno_text())};
    }
    const std::string line = request.dump() + "\n";
    std::string_view pending = line;
    while (!pending.empty()) {
        const ssize_t written = ::send(client.get(), pending.data(), pending.size(), MSG_NOSIGNAL);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written < 0) {
            return failure{fmt::format("cannot send request: {}", errno_text())};
        }
        pending.remove_prefix(static_cast<std::size_t>(written));
    }

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string answer;
    std::array<char, 4096> chunk{};
    while (answer.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return failure{fmt::format("harun did not answer within {} ms", timeout.count())};
        }
        pollfd wait{client.get(), POLLIN, 0};
        const int ready = ::poll(&wait, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR) {
            return failure{fmt::format("poll: {}", errno_text())};
        }
        if (ready <= 0) {
            continue;
        }
        const ssize_t length = ::read(client.get(), chunk.data(), chunk.size());
        if (length == 0) {
            return failure{"harun closed the connection without answering"};
        }
        if (length < 0 && errno != EINTR) {
            return failure{fmt::format("cannot read the answer: {}", errno_text())};
        }
        if (length > 0) {
            answer.append(chunk.data(), static_cast<std::size_t>(length));
        }
        if (answer.size() > 16 * 1024 * 1024) {
            return failure{"harun's answer is too long"};
        }
    }
    answer.resize(answer.find('\n'));
    try {
        return nlohmann::json::parse(answer);
    } catch (const nlohmann::json::parse_error& error) {
        return failure{fmt::format("harun's answer is not JSON: {}", error.what())};
    }
}

} // namespace hakit::runtime::node
