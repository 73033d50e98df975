#include <hakit/runtime/resources/group_runner.hpp>
#include <hakit/runtime/resources/status.hpp>

#include <fmt/format.h>

#include <utility>

namespace hakit::runtime::resources {
namespace {

group_log log(group_log::level severity, std::string text) {
    return group_log{severity, std::move(text)};
}

} // namespace

group_runner::group_runner(std::string name, std::vector<resource_ref> resources,
                           group_settings settings)
    : name_(std::move(name)), resources_(std::move(resources)), settings_(settings) {}

std::string group_runner::token(std::size_t resource) const {
    return resource_token(resources_[resource]);
}

std::string group_runner::group_text() const {
    std::string text = name_;
    for (std::size_t i = 0; i < resources_.size(); ++i) {
        text += ' ';
        text += token(i);
    }
    return text;
}

std::vector<group_action> group_runner::start(time_point /*now*/) {
    std::vector<group_action> out;
    if (busy()) {
        return out;
    }
    out.emplace_back(log(group_log::level::info, "Acquiring resource group: " + group_text()));
    unwinding_ = false;
    start_failure_.reset();
    stop_failure_.reset();
    index_ = 0;
    start_next(out);
    return out;
}

std::vector<group_action> group_runner::stop(time_point /*now*/) {
    std::vector<group_action> out;
    if (busy()) {
        return out;
    }
    out.emplace_back(log(group_log::level::info, "Releasing resource group: " + group_text()));
    unwinding_ = false;
    start_failure_.reset();
    stop_failure_.reset();
    begin_stop_at(resources_.size(), out);
    return out;
}

void group_runner::start_next(std::vector<group_action>& out) {
    if (index_ == resources_.size()) {
        finish(group_outcome::started, std::nullopt, out);
        return;
    }
    phase_ = settings_.status_before_start ? phase::start_status : phase::starting;
    out.emplace_back(run_script{index_, settings_.status_before_start ? script_action::status
                                                                      : script_action::start});
}

void group_runner::begin_stop_at(std::size_t count, std::vector<group_action>& out) {
    to_stop_ = count;
    stop_next(out);
}

void group_runner::stop_next(std::vector<group_action>& out) {
    if (to_stop_ == 0) {
        if (stop_failure_) {
            finish(group_outcome::stop_failed, stop_failure_, out);
        } else if (unwinding_) {
            finish(group_outcome::start_failed, start_failure_, out);
        } else {
            finish(group_outcome::stopped, std::nullopt, out);
        }
        return;
    }
    index_ = to_stop_ - 1;
    stop_attempts_ = 0;
    phase_ = phase::stopping;
    out.emplace_back(run_script{index_, script_action::stop});
}

void group_runner::after_stop_of_current(std::vector<group_action>& out) {
    to_stop_ = index_;
    stop_next(out);
}

void group_runner::finish(group_outcome outcome, std::optional<std::size_t> failed,
                          std::vector<group_action>& out) {
    phase_ = phase::idle;
    retry_at_.reset();
    out.emplace_back(group_finished{outcome, failed});
}

std::vector<group_action> group_runner::on_script_finished(const child_result& result,
                                                           time_point now) {
    std::vector<group_action> out;
    switch (phase_) {
    case phase::idle:
    case phase::retry_wait:
        break; // no script was asked for: a stray result changes nothing
    case phase::start_status:
        if (status_says_running(result.out)) {
            out.emplace_back(
                log(group_log::level::info,
                    fmt::format("{} is already running, not started again", token(index_))));
            ++index_;
            start_next(out);
        } else {
            phase_ = phase::starting;
            out.emplace_back(run_script{index_, script_action::start});
        }
        break;
    case phase::starting:
        if (result.succeeded()) {
            ++index_;
            start_next(out);
            break;
        }
        out.emplace_back(
            log(group_log::level::error,
                fmt::format("start of {} failed: {}", token(index_), describe(result))));
        out.emplace_back(
            log(group_log::level::critical,
                fmt::format("Giving up resources due to failure of {}", token(index_))));
        unwinding_ = true;
        start_failure_ = index_;
        // The failed resource may be half started, so it is stopped too, then those before it.
        begin_stop_at(index_ + 1, out);
        break;
    case phase::stopping:
        if (result.succeeded()) {
            after_stop_of_current(out);
            break;
        }
        if (stop_attempts_ < settings_.stop_retries) {
            ++stop_attempts_;
            phase_ = phase::retry_wait;
            retry_at_ = now + settings_.stop_retry_delay;
            out.emplace_back(
                log(group_log::level::warning,
                    fmt::format("stop of {} failed: {}; retry {} of {} in {} ms", token(index_),
                                describe(result), stop_attempts_, settings_.stop_retries,
                                settings_.stop_retry_delay.count())));
            break;
        }
        // Out of retries: whether this is fatal depends on whether it still runs.
        phase_ = phase::stop_status;
        out.emplace_back(run_script{index_, script_action::status});
        break;
    case phase::stop_status:
        if (status_says_running(result.out)) {
            if (!stop_failure_) {
                stop_failure_ = index_; // the first one is reported; later ones are logged
            }
            out.emplace_back(
                log(group_log::level::critical,
                    fmt::format("Resource STOP failure: {} still running after {} stop attempts; "
                                "it needs manual intervention",
                                token(index_), settings_.stop_retries + 1)));
        } else {
            out.emplace_back(
                log(group_log::level::error,
                    fmt::format("Resource script for {} probably not LSB-compliant: its stop "
                                "fails but status says it is not running",
                                token(index_))));
            out.emplace_back(log(
                group_log::level::warning,
                fmt::format("it ({}) MUST succeed on a stop when already stopped", token(index_))));
        }
        after_stop_of_current(out);
        break;
    }
    return out;
}

std::vector<group_action> group_runner::on_timer(time_point now) {
    std::vector<group_action> out;
    if (phase_ != phase::retry_wait || !retry_at_ || now < *retry_at_) {
        return out;
    }
    retry_at_.reset();
    phase_ = phase::stopping;
    out.emplace_back(log(group_log::level::info,
                         fmt::format("Retrying failed stop operation [{}]", token(index_))));
    out.emplace_back(run_script{index_, script_action::stop});
    return out;
}

} // namespace hakit::runtime::resources
