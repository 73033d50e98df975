// A scratch directory removed with everything in it when the object goes away, and the file
// helpers the tool tests use on it.
#pragma once

#include <filesystem>
#include <string>

namespace hakit::test {

class temp_dir {
  public:
    temp_dir(); // a fresh directory under the system temp directory
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir();

    const std::filesystem::path& path() const { return path_; }

    // Copies the folder `source` with everything below it to path()/relative and returns the
    // new folder. Copies are owner-writable (0644 files, 0755 folders) whatever the source's
    // modes, so tests can edit them and set the modes they need.
    std::filesystem::path copy_folder(const std::filesystem::path& source,
                                      const std::filesystem::path& relative) const;

  private:
    std::filesystem::path path_;
};

// Sets the permission bits of every file named exactly `name` below `root` (git keeps no modes,
// so tests set the authkeys modes they rely on).
void set_modes_by_name(const std::filesystem::path& root, const std::string& name,
                       std::filesystem::perms mode);

std::string read_file(const std::filesystem::path& file);
void write_file(const std::filesystem::path& file, const std::string& bytes);

} // namespace hakit::test
