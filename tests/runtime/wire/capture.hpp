// The real 2-node heartbeat 3.0.6 capture (reference/captures) and the keys it was made with.
#pragma once

#include <hakit/runtime/wire/keys.hpp>

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace hakit::test {

inline const std::string capture_dir = HAKIT_SHARED_DIR "/reference/captures";

inline std::string bytes_from_hex(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

// Every captured UDP payload, in capture order (lines are "<time>\t<hex>").
inline std::vector<std::string> captured_packets() {
    std::ifstream in(capture_dir + "/capture_payloads_hex.txt");
    if (!in) {
        throw std::runtime_error("cannot read " + capture_dir + "/capture_payloads_hex.txt");
    }
    std::vector<std::string> packets;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) {
            packets.push_back(bytes_from_hex(line.substr(tab + 1)));
        }
    }
    return packets;
}

// §4.6's authkeys: auth 2 / 1 crc / 2 sha1 s3cret! / 3 md5 m5key.
inline runtime::wire::key_set capture_keys(unsigned active = 2) {
    using runtime::wire::auth_method;
    runtime::wire::key_set keys;
    keys.add(1, auth_method::crc, "");
    keys.add(2, auth_method::sha1, "s3cret!");
    keys.add(3, auth_method::md5, "m5key");
    keys.activate(active);
    return keys;
}

} // namespace hakit::test
