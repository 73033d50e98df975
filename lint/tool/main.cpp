// hacheck: lint Linux-HA Heartbeat v1 configuration. Everything lives in hakit::lint.
// The header is private to hakit_lint; this file is its only other user.
#include "../src/hacheck_app.hpp"

int main(int argc, char** argv) {
    return hakit::lint::run_hacheck(argc, argv);
}
