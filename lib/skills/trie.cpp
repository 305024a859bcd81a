#include "skills/trie.hpp"

#include <algorithm>
#include <cassert>

#include "skills/text.hpp"

namespace hg::skills {
namespace {

// Nodes with more edges than this get a table of 256 children (about 1 KB each).
constexpr std::size_t kWideNode = 16;

std::size_t byte_index(char c) { return static_cast<unsigned char>(c); }

}  // namespace

std::string match_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_word_byte(c) || is_symbol_byte(c)) {
      key.push_back(ascii_lower(c));
    } else if (c == '.' && key.empty() && i + 1 < text.size() && is_word_byte(text[i + 1])) {
      key.push_back('.');
    }
    // whitespace, '-', '_', other '.' and other punctuation are left out
  }
  return key;
}

Trie::Trie() : nodes_(1), building_(1) {}

std::uint32_t Trie::find_or_add(std::uint32_t node, char c) {
  for (const Edge& edge : building_[node]) {
    if (edge.byte == c) return edge.to;
  }
  const auto next = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  building_.emplace_back();
  building_[node].push_back({c, next});
  return next;
}

std::uint32_t Trie::insert(std::string_view key, std::uint32_t entry, bool replace) {
  assert(!key.empty() && !building_.empty());
  std::uint32_t node = 0;
  for (char c : key) node = find_or_add(node, c);
  if (nodes_[node].entry == kNoEntry || replace) nodes_[node].entry = entry;
  return nodes_[node].entry;
}

void Trie::freeze() {
  edges_.clear();
  tables_.clear();
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    auto& out = building_[n];
    std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
    nodes_[n].first_edge = static_cast<std::uint32_t>(edges_.size());
    nodes_[n].edge_count = static_cast<std::uint32_t>(out.size());
    edges_.insert(edges_.end(), out.begin(), out.end());
    if (out.size() > kWideNode) {
      nodes_[n].table = static_cast<std::uint32_t>(tables_.size());
      tables_.resize(tables_.size() + 256, kNoEntry);
      for (const Edge& edge : out) tables_[nodes_[n].table + byte_index(edge.byte)] = edge.to;
    }
  }
  building_.clear();
  building_.shrink_to_fit();
}

std::uint32_t Trie::child(std::uint32_t node, char c) const {
  const Node& n = nodes_[node];
  if (n.table != kNoEntry) return tables_[n.table + byte_index(c)];
  const Edge* begin = edges_.data() + n.first_edge;
  const Edge* end = begin + n.edge_count;
  if (n.edge_count <= 8) {
    for (const Edge* e = begin; e != end; ++e) {
      if (e->byte == c) return e->to;
    }
    return kNoEntry;
  }
  const Edge* it = std::lower_bound(begin, end, c, [](const Edge& e, char b) { return e.byte < b; });
  return it != end && it->byte == c ? it->to : kNoEntry;
}

}  // namespace hg::skills
