#include <hakit/grammar/source.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hakit {

std::string to_string(const location& where) {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

source_file::source_file(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
    if (!bytes_.empty()) {
        line_starts_.push_back(0);
    }
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        if (bytes_[i] == '\n' && i + 1 < bytes_.size()) {
            line_starts_.push_back(i + 1);
        }
    }
}

std::string_view source_file::line_text(std::size_t line) const {
    if (line == 0 || line > line_starts_.size()) {
        return {};
    }
    const std::size_t begin = line_starts_[line - 1];
    std::size_t end = bytes_.find('\n', begin);
    if (end == std::string::npos) {
        // A '\r' at the very end is not a line ending: there is no '\n' after it.
        end = bytes_.size();
    } else if (end > begin && bytes_[end - 1] == '\r') {
        --end;
    }
    return std::string_view(bytes_).substr(begin, end - begin);
}

bool source_file::ends_with_newline() const {
    return !bytes_.empty() && bytes_.back() == '\n';
}

shared_source read_source_file(const std::string& path, std::string& error) {
    // open + fstat + read: fleet mode reads tens of thousands of small files.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return nullptr;
    }
    struct stat info {};
    std::string bytes;
    bool ok = ::fstat(fd, &info) == 0;
    if (ok && S_ISDIR(info.st_mode)) {
        error = "is a directory";
    } else if (ok) {
        bytes.resize(static_cast<std::size_t>(std::max<off_t>(info.st_size, 0)));
        std::size_t filled = 0;
        for (;;) {
            if (filled == bytes.size()) {
                bytes.resize(bytes.size() + 4096); // grown meanwhile, or not a regular file
            }
            const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got <= 0) {
                ok = got == 0;
                break;
            }
            filled += static_cast<std::size_t>(got);
        }
        bytes.resize(filled);
    }
    if (!ok) {
        error = std::strerror(errno);
    }
    ::close(fd);
    if (!ok || S_ISDIR(info.st_mode)) {
        return nullptr;
    }
    return std::make_shared<const source_file>(path, std::move(bytes));
}

} // namespace hakit
