// A byte trie over the matching keys of every skill form, built once by Taxonomy::load.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace hg::skills {

inline constexpr std::uint32_t kNoEntry = UINT32_MAX;

// Nodes are numbered from the root (0). Each node may end one key, whose entry is a number the
// builder chose (an index into its own table). Immutable once frozen; safe to share between
// threads for reading.
class Trie {
 public:
  Trie();
  // Adds `key` (non-empty) with `entry`; an existing key keeps its first entry unless
  // `replace`. Returns the entry the key now has.
  std::uint32_t insert(std::string_view key, std::uint32_t entry, bool replace);
  // Sorts edges for lookups; call after the last insert.
  void freeze();

  // The child of `node` along byte `c`, or kNoEntry.
  std::uint32_t child(std::uint32_t node, char c) const;
  // The entry of the key ending at `node`, or kNoEntry.
  std::uint32_t entry(std::uint32_t node) const { return nodes_[node].entry; }
  std::size_t node_count() const { return nodes_.size(); }

 private:
  struct Edge {
    char byte;
    std::uint32_t to;
  };
  struct Node {
    std::uint32_t first_edge = 0;  // into edges_ after freeze()
    std::uint32_t edge_count = 0;
    std::uint32_t entry = kNoEntry;
    std::uint32_t table = kNoEntry;  // a wide node's 256 children in tables_, after freeze()
  };
  std::uint32_t find_or_add(std::uint32_t node, char c);

  std::vector<Node> nodes_;
  std::vector<std::vector<Edge>> building_;  // per node, until freeze()
  std::vector<Edge> edges_;
  // Children by byte (kNoEntry: none) of the nodes with many edges, the root above all: one
  // load instead of a search at every word start of every text.
  std::vector<std::uint32_t> tables_;
};

}  // namespace hg::skills
