#include "tool/temp_dir.hpp"

#include <hakit/runtime/node/log_sink.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <syslog.h>

using hakit::runtime::node::log_destinations;
using hakit::runtime::node::log_level;
using hakit::runtime::node::log_sink;

TEST_CASE("a log line carries ident, pid, time with milliseconds and level", "[runtime][node]") {
    const auto when =
        std::chrono::system_clock::time_point(std::chrono::milliseconds(1'764'221'000'042));
    const std::string line =
        hakit::runtime::node::format_log_line("harun", 1234, when, log_level::warning, "late");
    const std::regex shape(
        R"(harun\[1234\]: \d{4}/\d{2}/\d{2}_\d{2}:\d{2}:\d{2}\.042 WARN: late\n)");
    CHECK(std::regex_match(line, shape));
}

TEST_CASE("logfile gets info and above, debugfile everything, both appended", "[runtime][node]") {
    hakit::test::temp_dir dir;
    const auto logfile = dir.path() / "ha-log";
    const auto debugfile = dir.path() / "ha-debug";
    hakit::test::write_file(logfile, "earlier line\n");
    {
        log_destinations destinations;
        destinations.to_stderr = false;
        destinations.logfile = logfile.string();
        destinations.debugfile = debugfile.string();
        auto sink = log_sink::open(destinations);
        REQUIRE(sink.has_value());
        sink->write(log_level::debug, "hello debug");
        sink->write(log_level::info, "node beta: status up");
        sink->write(log_level::error, "stop failed");
    }
    const std::string log = hakit::test::read_file(logfile);
    const std::string debug = hakit::test::read_file(debugfile);
    CHECK_THAT(log, Catch::StartsWith("earlier line\n"));
    CHECK_THAT(log, !Catch::Contains("hello debug"));
    CHECK_THAT(log, Catch::Contains(" info: node beta: status up\n"));
    CHECK_THAT(log, Catch::EndsWith(" ERROR: stop failed\n"));
    CHECK_THAT(debug, Catch::Contains(" debug: hello debug\n") &&
                          Catch::Contains(" info: node beta: status up\n"));
}

TEST_CASE("syslog facilities are Heartbeat's names; unknown ones and bad files are refused",
          "[runtime][node]") {
    CHECK(hakit::runtime::node::syslog_facility("local0") == LOG_LOCAL0);
    CHECK(hakit::runtime::node::syslog_facility("daemon") == LOG_DAEMON);
    CHECK_FALSE(hakit::runtime::node::syslog_facility("local9").has_value());

    log_destinations unknown;
    unknown.to_stderr = false;
    unknown.logfacility = "local9";
    CHECK_THAT(log_sink::open(unknown).error(), Catch::Contains("\"local9\""));

    log_destinations none;
    none.to_stderr = false;
    none.logfacility = "none";
    CHECK(log_sink::open(none).has_value());

    hakit::test::temp_dir dir;
    log_destinations unwritable;
    unwritable.to_stderr = false;
    unwritable.logfile = (dir.path() / "missing-dir" / "ha-log").string();
    CHECK_THAT(log_sink::open(unwritable).error(), Catch::Contains("missing-dir/ha-log"));
}
