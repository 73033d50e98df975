#include "scenario.hpp"

#include <fmt/format.h>

namespace hakit::runtime::membership::testing {

std::vector<step> status_stream(std::int64_t from_ms, std::int64_t to_ms, std::int64_t every_ms,
                                std::uint64_t& seq, const std::vector<std::string>& links,
                                std::string st, std::uint64_t generation, std::int64_t dt_ms) {
    std::vector<step> steps;
    for (std::int64_t when = from_ms; when <= to_ms; when += every_ms) {
        for (const std::string& link : links) {
            steps.push_back(
                step{when, status_message(seq, st, generation, link, dt_ms), std::nullopt});
        }
        ++seq;
    }
    return steps;
}

actions advance(machine& subject, time_point until) {
    actions out;
    // Bounded: a machine that keeps asking for the same instant would be a bug, not a hang.
    for (int guard = 0; guard < 1'000'000; ++guard) {
        const std::optional<time_point> deadline = subject.next_deadline();
        if (!deadline || *deadline > until) {
            break;
        }
        actions more = subject.tick(*deadline);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

namespace {

struct performer {
    machine& subject;
    time_point now;

    actions operator()(const start_event&) const { return subject.start(now); }
    actions operator()(const tick_event&) const { return subject.tick(now); }
    actions operator()(const shutdown_event&) const { return subject.shutdown(now); }
    actions operator()(const received_message& message) const {
        return subject.receive(message, now).actions;
    }
};

bool kept(const action& one, const scenario& play) {
    if (std::holds_alternative<send_status>(one)) {
        return play.keep_sends;
    }
    if (const auto* dropped = std::get_if<message_dropped>(&one)) {
        return play.keep_duplicates || dropped->reason != drop_reason::duplicate;
    }
    return true;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += fmt::format("\n    {}", line);
    }
    return text.empty() ? "\n    (nothing)" : text;
}

} // namespace

std::optional<std::string> run(const scenario& play, machine* keep) {
    machine local{play.cfg};
    machine& subject = keep ? *keep : local;
    std::vector<std::string> pending;
    for (std::size_t index = 0; index < play.steps.size(); ++index) {
        const step& current = play.steps[index];
        const time_point now = at_ms(current.at_ms);
        actions produced = advance(subject, now);
        const actions direct = std::visit(performer{subject, now}, current.what);
        produced.insert(produced.end(), direct.begin(), direct.end());
        for (const action& one : produced) {
            if (kept(one, play)) {
                pending.push_back(describe(one));
            }
        }
        if (!current.expect) {
            continue;
        }
        if (pending != *current.expect) {
            return fmt::format("{}: step {} at {} ms\n  expected:{}\n  got:{}", play.name, index,
                               current.at_ms, joined(*current.expect), joined(pending));
        }
        pending.clear();
    }
    if (!pending.empty()) {
        return fmt::format("{}: unchecked lines after the last step:{}", play.name,
                           joined(pending));
    }
    return std::nullopt;
}

} // namespace hakit::runtime::membership::testing
