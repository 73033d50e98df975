#include "temp_dir.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <stdlib.h>
#include <system_error>

namespace fs = std::filesystem;

namespace hakit::test {

temp_dir::temp_dir() {
    std::string pattern = (fs::temp_directory_path() / "hakit-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed for " + pattern);
    }
    path_ = pattern;
}

temp_dir::~temp_dir() {
    std::error_code ignored; // a destructor must not throw; a leftover temp dir is harmless
    fs::remove_all(path_, ignored);
}

fs::path temp_dir::copy_folder(const fs::path& source, const fs::path& relative) const {
    if (!fs::is_directory(source)) {
        throw std::runtime_error("not a folder: " + source.string());
    }
    const fs::path target = path_ / relative;
    fs::create_directories(target);
    constexpr auto folder_mode = fs::perms::owner_all | fs::perms::group_read |
                                 fs::perms::group_exec | fs::perms::others_read |
                                 fs::perms::others_exec;
    constexpr auto file_mode = fs::perms::owner_read | fs::perms::owner_write |
                               fs::perms::group_read | fs::perms::others_read;
    for (const auto& entry : fs::recursive_directory_iterator(source)) {
        const fs::path copy = target / fs::relative(entry.path(), source);
        if (entry.is_directory()) {
            fs::create_directories(copy);
            fs::permissions(copy, folder_mode);
        } else if (entry.is_regular_file()) {
            fs::copy_file(entry.path(), copy, fs::copy_options::overwrite_existing);
            fs::permissions(copy, file_mode);
        }
    }
    return target;
}

void set_modes_by_name(const fs::path& root, const std::string& name, fs::perms mode) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().filename() == name) {
            fs::permissions(entry.path(), mode);
        }
    }
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + file.string());
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_file(const fs::path& file, const std::string& bytes) {
    if (file.has_parent_path()) {
        fs::create_directories(file.parent_path());
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + file.string());
    }
}

} // namespace hakit::test
