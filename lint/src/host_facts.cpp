// Reads the machine for the on-node checks: interfaces (getifaddrs), node name (uname), files
// (stat). Read-only: nothing is sent, nothing is changed.
#include <hakit/compiler/values.hpp>
#include <hakit/lint/host_facts.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <arpa/inet.h>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ifaddrs.h>
#include <memory>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <system_error>

namespace hakit::lint {
namespace {

// Leading one bits of a netmask (contiguous masks only, as interfaces have).
int prefix_length(const std::uint8_t* mask, std::size_t size) {
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        bits += std::popcount(static_cast<unsigned>(mask[i]));
    }
    return bits;
}

std::string address_text(int family, const void* bytes, int prefix) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (::inet_ntop(family, bytes, text.data(), static_cast<socklen_t>(text.size())) == nullptr) {
        return {};
    }
    return fmt::format("{}/{}", text.data(), prefix);
}

std::optional<interface_address> address_of(const ifaddrs& entry) {
    if (entry.ifa_addr == nullptr) {
        return std::nullopt;
    }
    interface_address address;
    if (entry.ifa_addr->sa_family == AF_INET) {
        sockaddr_in ip{};
        std::memcpy(&ip, entry.ifa_addr, sizeof ip);
        std::memcpy(address.bytes.data(), &ip.sin_addr, 4);
        if (entry.ifa_netmask != nullptr) {
            sockaddr_in mask{};
            std::memcpy(&mask, entry.ifa_netmask, sizeof mask);
            std::array<std::uint8_t, 4> mask_bytes{};
            std::memcpy(mask_bytes.data(), &mask.sin_addr, 4);
            address.prefix = prefix_length(mask_bytes.data(), 4);
        }
        address.text = address_text(AF_INET, &ip.sin_addr, address.prefix);
        return address;
    }
    if (entry.ifa_addr->sa_family == AF_INET6) {
        sockaddr_in6 ip{};
        std::memcpy(&ip, entry.ifa_addr, sizeof ip);
        address.ipv6 = true;
        std::memcpy(address.bytes.data(), &ip.sin6_addr, 16);
        if (entry.ifa_netmask != nullptr) {
            sockaddr_in6 mask{};
            std::memcpy(&mask, entry.ifa_netmask, sizeof mask);
            std::array<std::uint8_t, 16> mask_bytes{};
            std::memcpy(mask_bytes.data(), &mask.sin6_addr, 16);
            address.prefix = prefix_length(mask_bytes.data(), 16);
        }
        address.text = address_text(AF_INET6, &ip.sin6_addr, address.prefix);
        return address;
    }
    return std::nullopt; // AF_PACKET and others: no address, but the entry names the interface
}

host_interface& interface_named(std::vector<host_interface>& interfaces, const char* name) {
    const auto found = std::find_if(interfaces.begin(), interfaces.end(),
                                    [&](const host_interface& i) { return i.name == name; });
    if (found != interfaces.end()) {
        return *found;
    }
    host_interface added;
    added.name = name;
    interfaces.push_back(std::move(added));
    return interfaces.back();
}

} // namespace

bool interface_address::network_contains(const std::array<std::uint8_t, 4>& ipv4) const {
    if (ipv6) {
        return false;
    }
    for (int bit = 0; bit < prefix; ++bit) {
        const auto byte = static_cast<std::size_t>(bit / 8);
        const auto mask = static_cast<std::uint8_t>(0x80U >> static_cast<unsigned>(bit % 8));
        if ((bytes[byte] & mask) != (ipv4[byte] & mask)) {
            return false;
        }
    }
    return true;
}

bool host_interface::has_ipv4() const {
    return std::any_of(addresses.begin(), addresses.end(),
                       [](const interface_address& a) { return !a.ipv6; });
}

const host_interface* host_facts::find_interface(std::string_view name) const {
    const auto found = std::find_if(interfaces.begin(), interfaces.end(),
                                    [&](const host_interface& i) { return i.name == name; });
    return found == interfaces.end() ? nullptr : &*found;
}

host_facts read_host_facts() {
    host_facts facts;
    utsname names{};
    if (::uname(&names) != 0) {
        throw std::system_error(errno, std::generic_category(), "uname");
    }
    facts.node_name = values::to_lower_ascii(names.nodename);

    ifaddrs* raw = nullptr;
    if (::getifaddrs(&raw) != 0) {
        throw std::system_error(errno, std::generic_category(), "getifaddrs");
    }
    const std::unique_ptr<ifaddrs, void (*)(ifaddrs*)> list(raw, &::freeifaddrs);
    for (const ifaddrs* entry = list.get(); entry != nullptr; entry = entry->ifa_next) {
        if (entry->ifa_name == nullptr) {
            continue;
        }
        host_interface& interface = interface_named(facts.interfaces, entry->ifa_name);
        interface.up = (entry->ifa_flags & IFF_UP) != 0;
        interface.running = (entry->ifa_flags & IFF_RUNNING) != 0;
        if (auto address = address_of(*entry)) {
            interface.addresses.push_back(std::move(*address));
        }
    }
    std::sort(facts.interfaces.begin(), facts.interfaces.end(),
              [](const host_interface& a, const host_interface& b) { return a.name < b.name; });
    return facts;
}

std::optional<file_facts> read_file_facts(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        return std::nullopt;
    }
    return file_facts{.regular = S_ISREG(status.st_mode),
                      .mode = static_cast<unsigned>(status.st_mode) & 07777U,
                      .owner = static_cast<unsigned>(status.st_uid)};
}

std::vector<std::string> default_resource_dirs() {
    return {"/etc/ha.d/resource.d", "/etc/init.d"};
}

std::optional<interface_address> parse_interface_address(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string ip(text.substr(0, slash));
    const std::string_view bits = text.substr(slash + 1);
    interface_address address;
    const char* const end = bits.data() + bits.size();
    const auto [stop, error] = std::from_chars(bits.data(), end, address.prefix);
    if (error != std::errc{} || stop != end || address.prefix < 0) {
        return std::nullopt;
    }
    if (::inet_pton(AF_INET, ip.c_str(), address.bytes.data()) == 1 && address.prefix <= 32) {
        address.text = std::string(text);
        return address;
    }
    address.ipv6 = true;
    if (::inet_pton(AF_INET6, ip.c_str(), address.bytes.data()) == 1 && address.prefix <= 128) {
        address.text = std::string(text);
        return address;
    }
    return std::nullopt;
}

} // namespace hakit::lint
