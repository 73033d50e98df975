// A scratch copy of examples/<name> for tests that run the tools on it: git keeps no file
// modes, so every authkeys is set to 0600 as Heartbeat requires.
#pragma once

#include "temp_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace hakit::test {

inline constexpr auto mode_0600 =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
inline constexpr auto mode_0644 =
    mode_0600 | std::filesystem::perms::group_read | std::filesystem::perms::others_read;

struct example_copy {
    temp_dir scratch;
    std::filesystem::path root;

    explicit example_copy(const std::string& name)
        : root(scratch.copy_folder(std::filesystem::path(HAKIT_SOURCE_DIR) / "examples" / name,
                                   name)) {
        set_modes_by_name(root, "authkeys", mode_0600);
    }

    // The node folders of the example, sorted by name.
    std::vector<std::string> node_folders() const {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(root)) {
            if (entry.is_directory()) {
                names.push_back(entry.path().filename().string());
            }
        }
        std::sort(names.begin(), names.end());
        return names;
    }
};

} // namespace hakit::test
