#include <hakit/runtime/resources/status.hpp>

#include <catch2/catch.hpp>

#include <string>

using hakit::runtime::resources::status_says_running;

TEST_CASE("status output with running or OK means the resource runs", "[runtime][resources]") {
    CHECK(status_says_running("httpd (pid 1234) is running...\n"));
    CHECK(status_says_running("Running"));
    CHECK(status_says_running("INFO:  Running OK\n"));
    CHECK(status_says_running("OK"));
    CHECK(status_says_running("status: OK, all fine"));
}

TEST_CASE("not followed by a space and running later means it does not run",
          "[runtime][resources]") {
    CHECK_FALSE(status_says_running("httpd is not running\n"));
    CHECK_FALSE(status_says_running("NOT Running"));
    CHECK_FALSE(status_says_running("nOt  running")); // the glob's `*` takes the second space
    CHECK_FALSE(status_says_running("not quite Running OK")); // not-running wins over OK
    CHECK_FALSE(status_says_running("line one: not \nline two: running")); // `*` crosses lines
}

TEST_CASE("anything else means not running, the exit code plays no part", "[runtime][resources]") {
    CHECK_FALSE(status_says_running(""));
    CHECK_FALSE(status_says_running("INFO:  Resource is stopped\n"));
    CHECK_FALSE(status_says_running("ok"));      // OK is case sensitive
    CHECK_FALSE(status_says_running("RUNNING")); // only the R may be upper case
}

TEST_CASE("status judging keeps ResourceManager's quirks", "[runtime][resources]") {
    CHECK(status_says_running("notrunning"));        // no space after not: plain running matches
    CHECK(status_says_running("Nothing running"));   // "Not" of Nothing has no space after it
    CHECK(status_says_running("not ok but OK"));     // not without running later: OK matches
    CHECK(status_says_running("running, then not")); // "not" comes after running
}
