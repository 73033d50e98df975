// Hand-made inputs the renderer tests share: srv5's ha.cf, a source index over given bytes and
// the deadtime finding with its keepalive note.
#pragma once

#include <hakit/lint/render.hpp>

#include <memory>
#include <string>

namespace hakit::test {

inline const std::string srv5_ha_cf = "# srv5\n"
                                      "logfacility local0\n"
                                      "udpport 694\n"
                                      "bcast eth0\n"
                                      "node srv5 srv6\n"
                                      "keepalive 2\n"
                                      "deadtime 3\n";

inline void add_source(lint::source_index& sources, const std::string& path,
                       const std::string& bytes) {
    sources[path] = std::make_shared<const source_file>(path, bytes);
}

inline lint::source_index sources_of(const std::string& path, const std::string& bytes) {
    lint::source_index sources;
    add_source(sources, path, bytes);
    return sources;
}

inline diagnostic deadtime_finding() {
    return diagnostic{
        .code = "HA103",
        .rule = "deadtime-too-short",
        .level = severity::error,
        .message = "deadtime 3000 ms is not more than twice keepalive 2000 ms",
        .where = location{"srv5/ha.cf", 7, 10},
        .notes = {note{location{"srv5/ha.cf", 6, 11}, "keepalive set here"}},
    };
}

} // namespace hakit::test
