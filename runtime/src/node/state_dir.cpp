#include <hakit/runtime/node/state_dir.hpp>

#include <fmt/format.h>

#include <system_error>

namespace hakit::runtime::node {

namespace fs = std::filesystem;

outcome<fs::path> prepare_state_dir(const fs::path& dir) {
    std::error_code error;
    if (fs::exists(dir, error)) {
        if (!fs::is_directory(dir, error)) {
            return failure{fmt::format("state dir {} exists and is not a directory", dir.string())};
        }
        return dir;
    }
    if (!fs::create_directories(dir, error) && error) {
        return failure{
            fmt::format("cannot create state dir {}: {}", dir.string(), error.message())};
    }
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, error);
    if (error) {
        return failure{
            fmt::format("cannot set mode 0700 on state dir {}: {}", dir.string(), error.message())};
    }
    return dir;
}

} // namespace hakit::runtime::node
