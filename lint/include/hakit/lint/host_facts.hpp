// What the machine itself knows, for the on-node checks (`hacheck --host`, docs/on-node.md):
// its interfaces with their flags and addresses, its node name, and files' owner and mode.
// Plain data, so host rules are unit-tested with made-up facts; read_host_facts() fills it
// from the running system and never sends a packet.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::lint {

struct interface_address {
    bool ipv6 = false;
    std::array<std::uint8_t, 16> bytes{}; // IPv4 uses the first 4
    int prefix = 0;                       // network prefix length
    std::string text;                     // "192.0.2.1/24"

    // True when `other` (same family) lies in this address's network.
    bool network_contains(const std::array<std::uint8_t, 4>& ipv4) const;
};

struct host_interface {
    std::string name;
    bool up = false;      // IFF_UP: administratively up
    bool running = false; // IFF_RUNNING: up with a carrier
    std::vector<interface_address> addresses;

    bool has_ipv4() const;
};

struct host_facts {
    std::string node_name; // `uname -n`, lowercased as Heartbeat compares it
    std::vector<host_interface> interfaces;

    const host_interface* find_interface(std::string_view name) const;
};

// A file as stat(2) sees it (following symlinks, like `test -x`).
struct file_facts {
    bool regular = false;
    unsigned mode = 0; // st_mode & 07777
    unsigned owner = 0;
};

using file_inspector = std::function<std::optional<file_facts>(const std::string& path)>;

// What host rules get besides the node folder.
struct host_context {
    // Null unless --host: then the rules about interfaces, node name and owners run.
    const host_facts* facts = nullptr;
    // Where resource scripts are searched, in order (Heartbeat: /etc/ha.d/resource.d, then
    // /etc/init.d). Empty: the resource-script rules do not run.
    std::vector<std::string> resource_dirs;
    // How files are inspected; read_file_facts unless a test makes files up.
    file_inspector inspect_file;
};

// Interfaces (getifaddrs) and node name (uname) of this machine. Throws std::system_error.
host_facts read_host_facts();

// stat(2) of `path`; nullopt when it does not exist or cannot be reached.
std::optional<file_facts> read_file_facts(const std::string& path);

// Heartbeat 3.0.6's resource script search path ($HA_RESOURCEDIR, then $INITDIR).
std::vector<std::string> default_resource_dirs();

// "192.0.2.1/24" or "2001:db8::1/64"; nullopt when malformed. For tests and made-up facts.
std::optional<interface_address> parse_interface_address(std::string_view text);

} // namespace hakit::lint
