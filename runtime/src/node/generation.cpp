#include <hakit/runtime/node/file_descriptor.hpp>
#include <hakit/runtime/node/generation.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace hakit::runtime::node {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t number_width = 15;
constexpr std::size_t file_size = number_width + 1;
constexpr std::uint64_t largest_generation = 999'999'999'999'999; // 15 digits

std::string system_error_text() {
    return std::strerror(errno);
}

outcome<bool> write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return failure{system_error_text()};
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

// The new file must survive a crash right after we announce the new generation, otherwise a
// restarted node could reuse a generation its peers have already seen.
outcome<bool> write_durably(const fs::path& dir, const fs::path& file, std::string_view bytes) {
    const fs::path temporary = fs::path(file).concat(".tmp");
    {
        file_descriptor out(
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (!out) {
            return failure{
                fmt::format("cannot create {}: {}", temporary.string(), system_error_text())};
        }
        if (auto written = write_all(out.get(), bytes); !written) {
            return failure{fmt::format("cannot write {}: {}", temporary.string(), written.error())};
        }
        if (::fsync(out.get()) != 0) {
            return failure{
                fmt::format("cannot fsync {}: {}", temporary.string(), system_error_text())};
        }
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const std::string reason = system_error_text();
        ::unlink(temporary.c_str());
        return failure{
            fmt::format("cannot rename {} to {}: {}", temporary.string(), file.string(), reason)};
    }
    file_descriptor directory(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!directory || ::fsync(directory.get()) != 0) {
        return failure{
            fmt::format("cannot fsync directory {}: {}", dir.string(), system_error_text())};
    }
    return true;
}

} // namespace

std::string format_generation(std::uint64_t generation) {
    return fmt::format("{:>15}\n", generation);
}

outcome<std::uint64_t> parse_generation(std::string_view bytes) {
    if (bytes.size() != file_size || bytes.back() != '\n') {
        return failure{fmt::format("expected {} bytes (a number right-aligned in {} characters "
                                   "and a newline), found {} bytes",
                                   file_size, number_width, bytes.size())};
    }
    const std::string_view field = bytes.substr(0, number_width);
    const std::size_t first_digit = field.find_first_not_of(' ');
    if (first_digit == std::string_view::npos) {
        return failure{"the number is missing"};
    }
    std::uint64_t value = 0;
    for (const char c : field.substr(first_digit)) {
        if (c < '0' || c > '9') {
            return failure{fmt::format("unexpected byte 0x{:02x} in the number",
                                       static_cast<unsigned char>(c))};
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

outcome<generation_start> advance_generation(const fs::path& state_dir, std::uint64_t now_seconds) {
    const fs::path file = state_dir / generation_file_name;
    generation_start start;
    std::error_code error;
    if (fs::exists(file, error)) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in) {
            return failure{fmt::format("cannot read generation file {}", file.string())};
        }
        const auto previous = parse_generation(bytes.str());
        if (!previous) {
            return failure{fmt::format("generation file {} is corrupt: {}; remove it to start "
                                       "a new generation from the clock",
                                       file.string(), previous.error())};
        }
        if (*previous >= largest_generation) {
            return failure{fmt::format("generation file {} holds {}, which cannot be "
                                       "incremented within {} digits",
                                       file.string(), *previous, number_width)};
        }
        start.generation = *previous + 1;
    } else {
        start.generation = now_seconds;
        start.fresh = true;
    }
    if (auto written = write_durably(state_dir, file, format_generation(start.generation));
        !written) {
        return failure{written.error()};
    }
    return start;
}

} // namespace hakit::runtime::node
