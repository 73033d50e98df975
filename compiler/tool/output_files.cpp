// Atomic writes with POSIX calls: mkstemp in the target's directory, write, fchmod, fsync,
// rename. The temporary file starts at mode 0600, so a secret is never readable by others.
#include "output_files.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace hakit::compile {
namespace {

namespace fs = std::filesystem;

std::string error_text(int error) {
    return std::strerror(error);
}

// Removes the temporary file unless the rename made it the real one.
class temporary_file {
  public:
    explicit temporary_file(std::string pattern) : path_(std::move(pattern)) {
        fd_ = ::mkstemp(path_.data());
        if (fd_ < 0) {
            const int error = errno;
            path_.clear();
            throw output_error(
                fmt::format("cannot create a temporary file: {}", error_text(error)));
        }
    }
    temporary_file(const temporary_file&) = delete;
    temporary_file& operator=(const temporary_file&) = delete;
    ~temporary_file() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        if (!path_.empty()) {
            ::unlink(path_.c_str());
        }
    }

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }

    // Closes the descriptor; the caller then renames the file.
    int close() {
        const int status = ::close(fd_);
        fd_ = -1;
        return status;
    }
    void release() { path_.clear(); }

  private:
    std::string path_;
    int fd_ = -1;
};

void write_all(int fd, const std::string& content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw output_error(fmt::format("cannot write: {}", error_text(errno)));
        }
        written += static_cast<std::size_t>(n);
    }
}

// After the rename, so the new directory entry survives a crash. Best effort: the file itself
// is complete and in place whatever this returns.
void sync_directory(const std::string& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::string parent_directory(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_name(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void create_directories(const std::string& directory) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) {
        throw output_error(
            fmt::format("{}: cannot create the directory: {}", directory, error.message()));
    }
    if (!fs::is_directory(directory, error)) {
        throw output_error(fmt::format("{}: exists and is not a directory", directory));
    }
}

} // namespace

void check_output_name(const std::string& name) {
    const auto reject = [&](std::string_view why) {
        throw output_error(
            fmt::format("internal error: the emitter named a file '{}' ({})", name, why));
    };
    if (name.empty() || name.front() == '/') {
        reject("not a relative path");
    }
    if (name.find('\0') != std::string::npos) {
        reject("contains a NUL byte");
    }
    std::size_t components = 0;
    std::size_t start = 0;
    while (true) {
        const auto slash = name.find('/', start);
        const std::string part =
            name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == "..") {
            reject("empty, '.' or '..' component");
        }
        ++components;
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    if (components > 2) {
        reject("more than one directory level");
    }
}

void write_file_atomically(const std::string& path, const std::string& content, unsigned mode) {
    const std::string directory = parent_directory(path);
    try {
        temporary_file temp(directory + "/." + base_name(path) + ".XXXXXX");
        write_all(temp.fd(), content);
        if (::fchmod(temp.fd(), static_cast<mode_t>(mode)) != 0) {
            throw output_error(fmt::format("cannot set the mode: {}", error_text(errno)));
        }
        if (::fsync(temp.fd()) != 0) {
            throw output_error(fmt::format("cannot write: {}", error_text(errno)));
        }
        if (temp.close() != 0) {
            throw output_error(fmt::format("cannot write: {}", error_text(errno)));
        }
        if (::rename(temp.path().c_str(), path.c_str()) != 0) {
            throw output_error(fmt::format("cannot replace it: {}", error_text(errno)));
        }
        temp.release();
    } catch (const output_error& error) {
        throw output_error(fmt::format("{}: {}", path, error.what()));
    }
    sync_directory(directory);
}

void write_output_directory(const std::string& directory,
                            const std::vector<emit::emitted_file>& files) {
    std::set<std::string> names;
    for (const auto& file : files) {
        check_output_name(file.name);
        if (!names.insert(file.name).second) {
            throw output_error(
                fmt::format("internal error: the emitter wrote '{}' twice", file.name));
        }
    }
    create_directories(directory);
    for (const auto& file : files) {
        const std::string path =
            (directory.back() == '/' ? directory : directory + "/") + file.name;
        create_directories(parent_directory(path));
        write_file_atomically(path, file.content, file.mode);
    }
}

} // namespace hakit::compile
