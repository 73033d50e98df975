#include "format_layout.hpp"

#include <algorithm>
#include <numeric>

namespace hakit::emit::layout {
namespace {

struct paragraph {
    std::size_t first_line = 0;
    std::size_t last_line = 0;
    std::vector<std::string> lines;
};

using paragraphs = std::vector<paragraph>;

// The comment paragraphs of each gap: gap i lies before entry i, gap n after the last one.
std::vector<paragraphs> paragraphs_by_gap(const std::vector<entry>& entries,
                                          const std::vector<comment_line>& comments) {
    std::vector<paragraphs> gaps(entries.size() + 1);
    std::size_t gap = 0;
    for (const auto& comment : comments) {
        while (gap < entries.size() && entries[gap].first_line < comment.line) {
            ++gap;
        }
        auto& list = gaps[gap];
        if (list.empty() || list.back().last_line + 1 != comment.line) {
            list.push_back({comment.line, comment.line, {}});
        }
        list.back().last_line = comment.line;
        list.back().lines.push_back(comment.text);
    }
    return gaps;
}

struct attachment {
    paragraphs header;
    paragraphs footer;
    std::vector<paragraphs> before; // per entry
    std::vector<paragraphs> after;  // per entry: at most one paragraph
};

attachment attach(const std::vector<entry>& entries, std::vector<paragraphs> gaps) {
    attachment result;
    const std::size_t count = entries.size();
    result.before.resize(count);
    result.after.resize(count);
    if (count == 0) {
        result.header = std::move(gaps.front());
        return result;
    }
    for (std::size_t gap = 0; gap <= count; ++gap) {
        auto& list = gaps[gap];
        if (list.empty()) {
            continue;
        }
        const entry* previous = gap > 0 ? &entries[gap - 1] : nullptr;
        const entry* next = gap < count ? &entries[gap] : nullptr;
        auto first = list.begin();
        const bool touches_previous =
            previous != nullptr && first->first_line == previous->last_line + 1;
        const bool touches_next =
            next != nullptr && list.size() == 1 && first->last_line + 1 == next->first_line;
        if (touches_previous && !touches_next) {
            result.after[gap - 1].push_back(std::move(*first));
            ++first;
        }
        if (next == nullptr) {
            result.footer.insert(result.footer.end(), std::make_move_iterator(first),
                                 std::make_move_iterator(list.end()));
            continue;
        }
        auto& before = result.before[gap];
        if (previous == nullptr && first != list.end()) {
            // Only the paragraph touching the first entry is its own; the rest is the header.
            auto last = std::prev(list.end());
            if (last->last_line + 1 != next->first_line) {
                last = list.end();
            }
            result.header.insert(result.header.end(), std::make_move_iterator(first),
                                 std::make_move_iterator(last));
            first = last;
        }
        before.insert(before.end(), std::make_move_iterator(first),
                      std::make_move_iterator(list.end()));
    }
    return result;
}

class writer {
  public:
    void blank() {
        if (!lines_.empty() && !lines_.back().empty()) {
            lines_.emplace_back();
        }
    }
    void add(const std::vector<std::string>& lines) {
        lines_.insert(lines_.end(), lines.begin(), lines.end());
    }
    void add(const paragraphs& list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) {
                blank();
            }
            add(list[i].lines);
        }
    }
    std::vector<std::string> take() { return std::move(lines_); }

  private:
    std::vector<std::string> lines_;
};

} // namespace

std::vector<std::string> arrange(const std::vector<entry>& entries,
                                 const std::vector<comment_line>& comments) {
    const attachment parts = attach(entries, paragraphs_by_gap(entries, comments));

    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = entries[a];
        const auto& y = entries[b];
        return x.section != y.section ? x.section < y.section : x.rank < y.rank;
    });

    writer out;
    out.add(parts.header);
    out.blank();
    const entry* previous = nullptr;
    bool previous_had_after = false;
    for (const std::size_t index : order) {
        const entry& current = entries[index];
        const auto& before = parts.before[index];
        if (previous != nullptr &&
            (previous->section != current.section || !before.empty() || previous_had_after)) {
            out.blank();
        }
        out.add(before);
        out.add(current.lines);
        out.add(parts.after[index]);
        previous = &current;
        previous_had_after = !parts.after[index].empty();
    }
    out.blank();
    out.add(parts.footer);
    auto lines = out.take();
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        text += line;
        text += '\n';
    }
    return text;
}

} // namespace hakit::emit::layout
