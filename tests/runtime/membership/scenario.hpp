// Table-driven scenarios for the membership machine: a fake clock in milliseconds since start,
// an event loop that ticks at every next_deadline() before each step, and expectations written
// as the log lines describe() produces.
#pragma once

#include <hakit/runtime/membership/machine.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::membership::testing {

inline const time_point t0{std::chrono::hours{1}};

inline time_point at_ms(std::int64_t ms) {
    return t0 + milliseconds{ms};
}

// The timings of the reference capture (§5.3): keepalive 1, deadtime 6, warntime 3, initdead 12.
inline config two_node_config() {
    config cfg;
    cfg.local_node = "node1";
    cfg.peers = {"node1", "node2"}; // the local node is skipped, as in the ha.cf node list
    cfg.links = {"ucast eth1", "bcast eth2"};
    cfg.keepalive = milliseconds{1000};
    cfg.deadtime = milliseconds{6000};
    cfg.warntime = milliseconds{3000};
    cfg.initdead = milliseconds{12000};
    return cfg;
}

inline received_message status_message(std::uint64_t seq, std::string st = "active",
                                       std::uint64_t generation = 100,
                                       std::string link = "ucast eth1",
                                       std::optional<std::int64_t> dt_ms = 6000) {
    received_message message;
    message.from = "node2";
    message.link = std::move(link);
    message.type = "status";
    message.seq = seq;
    message.generation = generation;
    message.timestamp = 0x6b08acae;
    message.status = std::move(st);
    if (dt_ms) {
        message.dt = milliseconds{*dt_ms};
    }
    message.authenticated = true;
    return message;
}

struct tick_event {};
struct start_event {};
struct shutdown_event {};
using event = std::variant<start_event, tick_event, received_message, shutdown_event>;

struct step {
    std::int64_t at_ms = 0;
    event what;
    // Expected lines (send_status and duplicate drops left out unless the scenario keeps
    // them); nullopt: not checked here, the lines carry over to the next checked step.
    std::optional<std::vector<std::string>> expect;
};

struct scenario {
    std::string name;
    config cfg;
    std::vector<step> steps;
    bool keep_sends = false;
    bool keep_duplicates = false;
};

// A peer that sends status every `every_ms` on the given links, from `from_ms` to `to_ms`
// inclusive, with consecutive sequence numbers; nothing checked in between.
std::vector<step> status_stream(std::int64_t from_ms, std::int64_t to_ms, std::int64_t every_ms,
                                std::uint64_t& seq, const std::vector<std::string>& links,
                                std::string st = "active", std::uint64_t generation = 100,
                                std::int64_t dt_ms = 6000);

// Runs every step; returns the first mismatch as a readable message, or nullopt.
std::optional<std::string> run(const scenario& play, machine* keep = nullptr);

// Steps a machine to `until` like the event loop would, collecting the actions.
actions advance(machine& subject, time_point until);

template <class T> std::size_t count_of(const actions& list) {
    return static_cast<std::size_t>(std::count_if(list.begin(), list.end(), [](const action& one) {
        return std::holds_alternative<T>(one);
    }));
}

} // namespace hakit::runtime::membership::testing
