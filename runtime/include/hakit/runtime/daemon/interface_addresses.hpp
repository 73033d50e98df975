// The node's IPv4 addresses through rtnetlink: list them, add a claimed address, remove it.
// Each call is one short request and its answer on a fresh socket (well under a millisecond),
// so the event loop may call them directly.
#pragma once

#include <hakit/runtime/daemon/address_claim.hpp>

#include <string>
#include <variant>
#include <vector>

namespace hakit::runtime::daemon {

// Every IPv4 address of the current network namespace, or why they could not be read.
std::variant<std::vector<interface_address>, std::string> list_interface_addresses();

// Adds the claimed address (with its label and broadcast); "" on success, else why not.
std::string add_interface_address(const address_claim& claim);

// Removes the address from its device; "" on success or when it is not there any more.
std::string remove_interface_address(const address_claim& claim);

} // namespace hakit::runtime::daemon
