// The node's UUID, sent as `srcuuid` (16 raw bytes) like Heartbeat's hb_uuid: made once from
// /dev/urandom and kept in the state directory so it survives restarts.
#pragma once

#include <hakit/runtime/node/outcome.hpp>
#include <hakit/runtime/wire/outbound.hpp>

#include <filesystem>

namespace hakit::runtime::daemon {

inline constexpr const char* uuid_file_name = "hb_uuid";

node::outcome<wire::node_uuid> load_or_create_uuid(const std::filesystem::path& state_dir);

} // namespace hakit::runtime::daemon
