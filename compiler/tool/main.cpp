// hacompile: compile Linux-HA Heartbeat v1 configuration into other formats. Everything lives
// in hacompile_app.cpp.
#include "hacompile_app.hpp"

int main(int argc, char** argv) {
    return hakit::compile::run_hacompile(argc, argv);
}
