#include <hakit/grammar/source.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

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
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        error = std::strerror(errno);
        return nullptr;
    }
    if (S_ISDIR(info.st_mode)) {
        error = "is a directory";
        return nullptr;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return nullptr;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return nullptr;
    }
    return std::make_shared<const source_file>(path, std::move(bytes).str());
}

} // namespace hakit
