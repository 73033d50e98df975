// hacheck --fix / --diff: edits applied per file, the unified diff, atomic writes.
#include <hakit/lint/fix.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <utility>
#include <vector>

namespace hakit::lint {
namespace {

constexpr unsigned permission_bits = 07777;
constexpr std::size_t diff_context = 3;
// Above this many line pairs the changed middle of a file is shown as one replaced block
// instead of a minimal diff (config files never get near it).
constexpr std::size_t max_lcs_cells = std::size_t{1} << 24;

std::vector<std::size_t> line_starts(std::string_view bytes) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && i + 1 < bytes.size()) {
            starts.push_back(i + 1);
        }
    }
    return starts;
}

// Byte offset of a 1-based line and byte column; the line after the last one (column 1) is the
// end of the file, so an edit can append.
std::size_t offset_of(const location& where, const std::vector<std::size_t>& starts,
                      std::string_view bytes) {
    if (where.line == 0 || where.column == 0) {
        throw fix_error(fmt::format("{}: a fix edits no line", to_string(where)));
    }
    std::size_t start = 0;
    if (where.line <= starts.size() && !bytes.empty()) {
        start = starts[where.line - 1];
    } else if (where.line == starts.size() + 1 || (bytes.empty() && where.line == 1)) {
        start = bytes.size();
    } else {
        throw fix_error(
            fmt::format("{}: a fix edits a line the file does not have", to_string(where)));
    }
    const std::size_t offset = start + where.column - 1;
    if (offset > bytes.size()) {
        throw fix_error(fmt::format("{}: a fix edits past the end of the file", to_string(where)));
    }
    return offset;
}

struct byte_edit {
    std::size_t begin = 0;
    std::size_t end = 0;  // begin for an insertion
    std::size_t fix = 0;  // index of its fix: insertions at one point keep fix order
    std::size_t rank = 0; // index within its fix
    const std::string* replacement = nullptr;
};

bool overlaps(const byte_edit& a, const byte_edit& b) {
    if (a.begin == a.end || b.begin == b.end) { // an insertion conflicts only inside a range
        const byte_edit& point = a.begin == a.end ? a : b;
        const byte_edit& range = a.begin == a.end ? b : a;
        return range.begin < point.begin && point.begin < range.end;
    }
    return a.begin < b.end && b.begin < a.end;
}

std::string read_disk_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) {
        throw fix_error(fmt::format("{}: cannot be read", path));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

struct stat stat_of(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        throw fix_error(fmt::format("{}: {}", path, std::strerror(errno)));
    }
    return status;
}

// ---- unified diff ----

// Lines with their terminators, so a changed line ending shows as a change.
std::vector<std::string_view> split_lines(std::string_view bytes) {
    std::vector<std::string_view> lines;
    std::size_t begin = 0;
    while (begin < bytes.size()) {
        const std::size_t newline = bytes.find('\n', begin);
        const std::size_t end = newline == std::string_view::npos ? bytes.size() : newline + 1;
        lines.push_back(bytes.substr(begin, end - begin));
        begin = end;
    }
    return lines;
}

enum class op { same, removed, added };
struct diff_line {
    op kind = op::same;
    std::string_view text;
};

// A shortest edit script: common prefix and suffix, then a longest common subsequence of the
// middle.
std::vector<diff_line> diff_lines(const std::vector<std::string_view>& a,
                                  const std::vector<std::string_view>& b) {
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    const std::size_t n = a.size() - prefix - suffix;
    const std::size_t m = b.size() - prefix - suffix;
    std::vector<diff_line> script;
    for (std::size_t i = 0; i < prefix; ++i) {
        script.push_back({op::same, a[i]});
    }
    if ((n + 1) * (m + 1) > max_lcs_cells) {
        for (std::size_t i = 0; i < n; ++i) {
            script.push_back({op::removed, a[prefix + i]});
        }
        for (std::size_t j = 0; j < m; ++j) {
            script.push_back({op::added, b[prefix + j]});
        }
    } else {
        // common[i][j]: LCS length of a[i..n) and b[j..m) (middle parts).
        std::vector<std::size_t> common((n + 1) * (m + 1), 0);
        const auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                common[at(i, j)] = a[prefix + i] == b[prefix + j]
                                       ? common[at(i + 1, j + 1)] + 1
                                       : std::max(common[at(i + 1, j)], common[at(i, j + 1)]);
            }
        }
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
                script.push_back({op::same, a[prefix + i]});
                ++i;
                ++j;
            } else if (i < n && (j == m || common[at(i + 1, j)] >= common[at(i, j + 1)])) {
                script.push_back({op::removed, a[prefix + i]});
                ++i;
            } else {
                script.push_back({op::added, b[prefix + j]});
                ++j;
            }
        }
    }
    for (std::size_t i = a.size() - suffix; i < a.size(); ++i) {
        script.push_back({op::same, a[i]});
    }
    return script;
}

void write_diff_line(std::string& out, char mark, std::string_view text) {
    out += mark;
    out += text;
    if (text.empty() || text.back() != '\n') {
        out += "\n\\ No newline at end of file\n";
    }
}

// "a/PATH": git's prefix before the path as the findings name it (leading "./" and "/" dropped).
std::string diff_path(char side, std::string_view path) {
    while (path.starts_with("./")) {
        path.remove_prefix(2);
    }
    while (path.starts_with('/')) {
        path.remove_prefix(1);
    }
    return fmt::format("{}/{}", side, path);
}

std::size_t in_old(const diff_line& line) {
    return line.kind == op::added ? 0 : 1;
}
std::size_t in_new(const diff_line& line) {
    return line.kind == op::removed ? 0 : 1;
}

// Hunk start as unified diffs write it: the line before when the side is empty.
std::size_t hunk_start(std::size_t first, std::size_t count) {
    return count == 0 ? first - 1 : first;
}

std::string render_hunks(const std::vector<diff_line>& script) {
    std::string out;
    std::size_t index = 0;
    while (index < script.size()) {
        // Next change, then extend the hunk while changes are at most 2 * context apart.
        std::size_t first_change = index;
        while (first_change < script.size() && script[first_change].kind == op::same) {
            ++first_change;
        }
        if (first_change == script.size()) {
            break;
        }
        const std::size_t begin = first_change >= diff_context ? first_change - diff_context : 0;
        std::size_t end = first_change;
        std::size_t last_change = first_change;
        while (end < script.size()) {
            if (script[end].kind != op::same) {
                last_change = end;
            } else if (end - last_change > 2 * diff_context) {
                break;
            }
            ++end;
        }
        end = std::min(script.size(), last_change + 1 + diff_context);

        std::size_t old_line = 1;
        std::size_t new_line = 1;
        for (std::size_t i = 0; i < begin; ++i) {
            old_line += in_old(script[i]);
            new_line += in_new(script[i]);
        }
        std::size_t old_count = 0;
        std::size_t new_count = 0;
        for (std::size_t i = begin; i < end; ++i) {
            old_count += in_old(script[i]);
            new_count += in_new(script[i]);
        }
        out += fmt::format("@@ -{},{} +{},{} @@\n", hunk_start(old_line, old_count), old_count,
                           hunk_start(new_line, new_count), new_count);
        for (std::size_t i = begin; i < end; ++i) {
            const char mark =
                script[i].kind == op::same ? ' ' : (script[i].kind == op::removed ? '-' : '+');
            write_diff_line(out, mark, script[i].text);
        }
        index = end;
    }
    return out;
}

// ---- writing ----

std::string errno_text() {
    return std::strerror(errno);
}

void write_all(int descriptor, std::string_view bytes, const std::string& path) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw fix_error(fmt::format("{}: cannot write: {}", path, errno_text()));
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

// New bytes for `target` (a real file, links resolved) through a temporary file in its folder
// that gets the owner and mode first, so no reader ever sees a half-written or looser file.
void replace_atomically(const std::string& target, std::string_view bytes,
                        const struct stat& status, unsigned mode) {
    const std::filesystem::path real(target);
    std::string name =
        (real.parent_path() / ("." + real.filename().string() + ".hacheck-XXXXXX")).string();
    const int descriptor = ::mkstemp(name.data());
    if (descriptor < 0) {
        throw fix_error(
            fmt::format("{}: cannot create a temporary file: {}", target, errno_text()));
    }
    try {
        write_all(descriptor, bytes, target);
        if (::fchown(descriptor, status.st_uid, status.st_gid) != 0) {
            throw fix_error(fmt::format("{}: cannot keep its owner {}:{}: {}", target,
                                        status.st_uid, status.st_gid, errno_text()));
        }
        if (::fchmod(descriptor, static_cast<mode_t>(mode)) != 0) {
            throw fix_error(fmt::format("{}: cannot keep its mode: {}", target, errno_text()));
        }
        if (::fsync(descriptor) != 0) {
            throw fix_error(fmt::format("{}: cannot write: {}", target, errno_text()));
        }
        if (::close(descriptor) != 0) {
            ::unlink(name.c_str());
            throw fix_error(fmt::format("{}: cannot write: {}", target, errno_text()));
        }
    } catch (...) {
        ::close(descriptor);
        ::unlink(name.c_str());
        throw;
    }
    if (::rename(name.c_str(), target.c_str()) != 0) {
        const std::string reason = errno_text();
        ::unlink(name.c_str());
        throw fix_error(fmt::format("{}: cannot replace it: {}", target, reason));
    }
}

} // namespace

std::string apply_edits(std::string_view bytes, const std::vector<const fix*>& fixes,
                        std::vector<bool>& accepted) {
    const auto starts = line_starts(bytes);
    accepted.assign(fixes.size(), false);
    std::vector<byte_edit> kept;
    for (std::size_t f = 0; f < fixes.size(); ++f) {
        std::vector<byte_edit> candidate;
        for (std::size_t e = 0; e < fixes[f]->edits.size(); ++e) {
            const text_edit& edit = fixes[f]->edits[e];
            const std::size_t begin = offset_of(edit.where, starts, bytes);
            if (edit.length > bytes.size() - begin) {
                throw fix_error(
                    fmt::format("{}: a fix edits past the end of the file", to_string(edit.where)));
            }
            candidate.push_back({begin, begin + edit.length, f, e, &edit.replacement});
        }
        const bool clash = std::any_of(candidate.begin(), candidate.end(), [&](const byte_edit& c) {
            return std::any_of(kept.begin(), kept.end(),
                               [&](const byte_edit& k) { return overlaps(c, k); });
        });
        if (!clash) {
            kept.insert(kept.end(), candidate.begin(), candidate.end());
            accepted[f] = true;
        }
    }
    // Insertions at a point go before a range starting there; then fix order, edit order.
    std::sort(kept.begin(), kept.end(), [](const byte_edit& a, const byte_edit& b) {
        const bool a_insert = a.begin == a.end;
        const bool b_insert = b.begin == b.end;
        return std::tie(a.begin, b_insert, a.fix, a.rank) <
               std::tie(b.begin, a_insert, b.fix, b.rank);
    });
    std::string result;
    result.reserve(bytes.size());
    std::size_t copied = 0;
    for (const auto& edit : kept) {
        result.append(bytes.substr(copied, edit.begin - copied));
        result.append(*edit.replacement);
        copied = edit.end;
    }
    result.append(bytes.substr(copied));
    return result;
}

fix_plan plan_fixes(const std::vector<diagnostic>& findings, const source_index& sources) {
    std::map<std::string, std::vector<const fix*>> by_file;
    for (const auto& finding : findings) {
        if (finding.fix) {
            by_file[finding.fix->file].push_back(&*finding.fix);
        }
    }
    fix_plan plan;
    for (const auto& [path, fixes] : by_file) {
        file_change change;
        change.path = path;
        const auto source = sources.find(path);
        change.old_bytes = source != sources.end() && source->second ? source->second->bytes()
                                                                     : read_disk_file(path);
        change.old_mode = static_cast<unsigned>(stat_of(path).st_mode) & permission_bits;
        std::vector<bool> accepted;
        change.new_bytes = apply_edits(change.old_bytes, fixes, accepted);
        for (std::size_t i = 0; i < fixes.size(); ++i) {
            if (!accepted[i]) {
                ++plan.skipped;
                continue;
            }
            ++change.fixes;
            if (fixes[i]->mode) {
                change.new_mode = *fixes[i]->mode & permission_bits;
            }
        }
        if (change.new_mode == change.old_mode) {
            change.new_mode.reset();
        }
        if (change.new_bytes != change.old_bytes || change.new_mode) {
            plan.fixed += change.fixes;
            plan.changes.push_back(std::move(change));
        }
    }
    return plan;
}

std::string unified_diff(const file_change& change) {
    const bool bytes_change = change.new_bytes != change.old_bytes;
    if (!bytes_change && !change.new_mode) {
        return {};
    }
    const std::string old_name = diff_path('a', change.path);
    const std::string new_name = diff_path('b', change.path);
    std::string out = fmt::format("diff --git {} {}\n", old_name, new_name);
    if (change.new_mode) {
        out += fmt::format("old mode 100{:03o}\nnew mode 100{:03o}\n", change.old_mode,
                           *change.new_mode);
    }
    if (bytes_change) {
        out += fmt::format("--- {}\n+++ {}\n", old_name, new_name);
        out +=
            render_hunks(diff_lines(split_lines(change.old_bytes), split_lines(change.new_bytes)));
    }
    return out;
}

std::string unified_diff(const fix_plan& plan) {
    std::string out;
    for (const auto& change : plan.changes) {
        out += unified_diff(change);
    }
    return out;
}

void write_changes(const fix_plan& plan) {
    for (const auto& change : plan.changes) {
        std::error_code error;
        const auto real = std::filesystem::canonical(change.path, error);
        if (error) {
            throw fix_error(fmt::format("{}: {}", change.path, error.message()));
        }
        const std::string target = real.string();
        if (read_disk_file(target) != change.old_bytes) {
            throw fix_error(fmt::format("{}: changed while hacheck ran; not fixed", change.path));
        }
        const struct stat status = stat_of(target);
        const unsigned mode =
            change.new_mode.value_or(static_cast<unsigned>(status.st_mode) & permission_bits);
        if (change.new_bytes != change.old_bytes) {
            replace_atomically(target, change.new_bytes, status, mode);
        } else if (::chmod(target.c_str(), static_cast<mode_t>(mode)) != 0) {
            throw fix_error(
                fmt::format("{}: cannot change its mode: {}", change.path, errno_text()));
        }
    }
}

} // namespace hakit::lint
