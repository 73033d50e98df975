#include <hakit/runtime/daemon/node_uuid.hpp>

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <string>

namespace hakit::runtime::daemon {

node::outcome<wire::node_uuid> load_or_create_uuid(const std::filesystem::path& state_dir) {
    const std::filesystem::path file = state_dir / uuid_file_name;
    wire::node_uuid uuid{};
    {
        std::ifstream in(file, std::ios::binary);
        if (in) {
            const std::string bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
            if (bytes.size() == uuid.size()) {
                std::copy(bytes.begin(), bytes.end(), uuid.begin());
                return uuid;
            }
            return node::failure{
                fmt::format("{}: {} bytes, expected {}", file.string(), bytes.size(), uuid.size())};
        }
    }
    std::ifstream random("/dev/urandom", std::ios::binary);
    if (!random.read(reinterpret_cast<char*>(uuid.data()),
                     static_cast<std::streamsize>(uuid.size()))) {
        return node::failure{"cannot read /dev/urandom for the node UUID"};
    }
    // RFC 4122 version 4, variant 1, as uuid_generate() makes them.
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0f) | 0x40);
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3f) | 0x80);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(uuid.data()),
              static_cast<std::streamsize>(uuid.size()));
    if (!out.flush()) {
        return node::failure{fmt::format("cannot write {}", file.string())};
    }
    return uuid;
}

} // namespace hakit::runtime::daemon
