// Daemon packets: received datagrams into the machines, and signed messages out on every medium.
#include "harun_node.hpp"

#include <hakit/runtime/daemon/translate.hpp>
#include <hakit/runtime/wire/authenticate.hpp>

#include <fmt/format.h>

#include <ctime>
#include <fstream>

namespace hakit::runtime::daemon::detail {
namespace {

// Heartbeat's hopfudge default: ttl = hopfudge + number of nodes (§4.5).
constexpr std::uint64_t hopfudge = 1;

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string line;
    if (!in || !std::getline(in, line) || line.empty()) {
        return "n/a";
    }
    return line;
}

} // namespace

void node_daemon::on_datagram(const node::received_datagram& datagram, steady::time_point now) {
    ++packets_.received;
    if (datagram.truncated) {
        ++packets_.garbage;
        log(log_level::debug,
            fmt::format("truncated datagram from {} on {}", datagram.sender, datagram.link));
        return;
    }
    auto parsed = wire::parse(datagram.bytes);
    if (auto* error = std::get_if<wire::parse_error>(&parsed)) {
        ++packets_.garbage;
        log(log_level::debug, fmt::format("garbage from {} on {}: {}", datagram.sender,
                                          datagram.link, error->reason));
        return;
    }
    const wire::packet& packet = std::get<wire::packet>(parsed);
    const wire::authentication auth = wire::authenticate(packet, datagram.bytes, keys_);
    auto input = membership_input(packet.fields, datagram.link, auth.authentic);
    if (!input) {
        ++packets_.garbage;
        log(log_level::debug, fmt::format("message from {} on {} lacks src, t or hg",
                                          datagram.sender, datagram.link));
        return;
    }
    if (!auth.authentic && input->from != local_node_) {
        ++packets_.unauthenticated;
        log(log_level::debug, fmt::format("unauthenticated {} from {} ({}): {}", input->type,
                                          input->from, datagram.sender, auth.reason));
    }
    membership::receive_result result = membership_->receive(*input, now);
    const bool for_policy = result.accepted() && input->type != "status" &&
                            !membership::is_unsequenced_type(input->type) &&
                            !addressed_elsewhere(packet.fields, local_node_);
    if (for_policy && input->type == "shutdone") {
        to_policy(packet.fields); // before the death it causes: the peer left on purpose
    }
    // Any accepted packet is proof of life: the policy hears it before the comm-up it may
    // complete, so a peer heard at start-up (perhaps first through a policy message) is
    // never taken for an absent one.
    std::optional<policy::event::peer_alive> alive;
    if (result.accepted() && input->type == "status") {
        alive = policy::event::peer_alive{input->status == "active"};
    } else if (result.accepted() && input->type != "shutdone") {
        // A peer marked dead comes back through its status (restart or partition events).
        const auto state = peer_state(input->from);
        if (state && *state != membership::node_state::dead) {
            alive = policy::event::peer_alive{*state == membership::node_state::active};
        }
    }
    on_membership(std::move(result.actions), now, &*input, alive);
    if (for_policy && input->type == "reqnodes") {
        answer_node_list(input->from);
    } else if (for_policy && input->type != "shutdone") {
        to_policy(packet.fields);
    }
    drain(now);
}

void node_daemon::answer_node_list(const std::string& asker) {
    std::string nodes;
    for (const node::cluster_node& member : plan_.nodes) {
        nodes += member.name + " ";
    }
    wire::message own;
    own.add_string("t", "repnodes");
    own.add_string("dest", asker);
    own.add_string("nodelist", nodes);
    own.add_string("delnodelist", "");
    send(std::move(own));
}

std::optional<membership::node_state> node_daemon::peer_state(const std::string& name) const {
    for (const membership::peer_view& peer : membership_->view().peers) {
        if (peer.node == name) {
            return peer.state;
        }
    }
    return std::nullopt;
}

void node_daemon::to_policy(const wire::message& fields) {
    auto decoded = policy::decode(policy_fields(fields));
    if (auto* error = std::get_if<policy::decode_error>(&decoded)) {
        log(log_level::debug, fmt::format("message not for the policy: {}", error->message));
        return;
    }
    auto& message = std::get<policy::peer_message>(decoded);
    const bool report = message.type == policy::message_type::resource;
    post(policy::event::message_received{std::move(message)});
    if (report) {
        announce_after_drain_ = true; // the peer may just have dropped an address we hold
    }
}

void node_daemon::send(wire::message own) {
    const auto type = own.string_value("t").value_or("");
    wire::sender_fields sender;
    sender.src = local_node_;
    sender.srcuuid = uuid_;
    if (!type.starts_with("NS_")) {
        sender.seq = ++sequence_;
    }
    sender.generation = generation_;
    sender.timestamp = static_cast<std::uint64_t>(std::time(nullptr));
    sender.load_average = load_average();
    sender.ttl = hopfudge + plan_.nodes.size();
    auto bytes = wire::serialize_netstring(wire::with_sender_fields(std::move(own), sender), keys_);
    if (auto* error = std::get_if<wire::sign_error>(&bytes)) {
        log(log_level::error, fmt::format("cannot sign a message: {}", error->message));
        return;
    }
    std::map<std::string, std::string> failing;
    for (const node::send_failure& failure : media_->send(std::get<std::string>(bytes))) {
        ++packets_.send_failures;
        failing[failure.link] = failure.reason;
    }
    // Said once per change: a cut link fails every keepalive.
    for (const auto& [link, reason] : failing) {
        if (send_failing_[link] != reason) {
            log(log_level::warning, fmt::format("sending on {} fails: {}", link, reason));
        }
    }
    for (const auto& [link, reason] : send_failing_) {
        if (!reason.empty() && !failing.contains(link)) {
            log(log_level::info, fmt::format("sending on {} works again", link));
        }
    }
    send_failing_ = std::move(failing);
}

} // namespace hakit::runtime::daemon::detail
