// harun: the Heartbeat v1 runtime daemon and its control commands.
#include <hakit/runtime/daemon/harun.hpp>

int main(int argc, char** argv) {
    return hakit::runtime::daemon::run_harun(argc, argv);
}
