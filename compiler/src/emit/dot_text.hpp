// Graphviz DOT text: quoted strings that `dot` always accepts, stable ids, and a small graph
// builder that writes nodes and edges in the order they were added.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hakit::emit::dot {

// A DOT quoted string: '"' and '\' escaped, '\n' written as the line break "\n", other
// control characters and bytes that are not valid UTF-8 replaced by '?'.
std::string quote(std::string_view text);

// Valid UTF-8 without control characters, for comments: bad bytes become '?'.
std::string printable(std::string_view text);

// "<prefix>_<name>" with every character outside [A-Za-z0-9_] replaced by '_', unique within
// the registry: a later claim of the same id gets "_2", "_3", ... (in claim order).
class id_registry {
  public:
    std::string claim(std::string_view prefix, std::string_view name);

  private:
    std::set<std::string> used_;
};

using attributes = std::vector<std::pair<std::string, std::string>>; // name, unquoted value

class graph {
  public:
    void add_node(const std::string& id, attributes attrs);
    void add_edge(const std::string& from, const std::string& to, attributes attrs);
    // `{ rank="same"; ... }`: the nodes are drawn side by side.
    void same_rank(const std::vector<std::string>& ids);
    // The whole file: `comments` as // lines, then `digraph name { ... }`.
    std::string render(std::string_view name, const std::vector<std::string>& comments,
                       const std::vector<std::pair<std::string, attributes>>& defaults) const;

  private:
    std::vector<std::string> statements_;
};

} // namespace hakit::emit::dot
