#include "skills/trie.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <string>
#include <utility>

#include "skills/text.hpp"

namespace hg::skills {
namespace {

// Nodes with more edges than this get a table of 256 children (about 1 KB each).
constexpr std::size_t kWideNode = 16;
// Levels laid out breadth first (see freeze()).
constexpr std::uint32_t kFlatDepth = 1;

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

Trie::Trie() : building_(1) {}

std::uint32_t Trie::find_or_add(std::uint32_t node, char c) {
  for (const Edge& edge : building_[node].edges) {
    if (edge.byte == c) return edge.to;
  }
  const auto next = static_cast<std::uint32_t>(building_.size());
  building_.emplace_back();
  building_[node].edges.push_back({c, next});
  return next;
}

std::uint32_t Trie::insert(std::string_view key, std::uint32_t entry, bool replace) {
  assert(!key.empty() && !building_.empty());
  std::uint32_t node = 0;
  for (char c : key) node = find_or_add(node, c);
  if (building_[node].entry == kNoEntry || replace) building_[node].entry = entry;
  return building_[node].entry;
}

namespace {

// A node of the frozen trie while it is laid out.
struct Frozen {
  std::uint32_t node;   // the building node it ends at
  std::string label;    // the bytes after its parent's edge byte
  std::uint32_t depth;  // edges from the root
  std::vector<std::pair<char, std::uint32_t>> children;  // (byte, index in the list)
  std::uint32_t offset = 0;
};

}  // namespace

void Trie::freeze() {
  for (Building& node : building_) {
    std::sort(node.edges.begin(), node.edges.end(),
              [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
  }
  // Every prefix of a key that a run of word bytes could spell: may_begin() looks them up.
  prefixes_.assign((std::size_t{1} << kPrefixBits) / 64, 0);
  std::vector<std::pair<std::uint32_t, std::string>> paths{{0, {}}};
  std::vector<std::string> short_paths;  // after_word() looks these up
  while (!paths.empty()) {
    auto [node, path] = std::move(paths.back());
    paths.pop_back();
    if (!path.empty()) {
      const std::uint64_t slot = word_hash(path, 0, path.size()) >> (64 - kPrefixBits);
      prefixes_[slot / 64] |= std::uint64_t{1} << (slot % 64);
      if (path.size() <= 8) short_paths.push_back(path);
    }
    for (const Edge& edge : building_[node].edges) {
      if (is_word_byte(edge.byte)) paths.emplace_back(edge.to, path + edge.byte);
    }
  }
  // Breadth first: a chain of nodes with one child and no entry becomes one node's label, so
  // a walk down a long key compares bytes in one place instead of visiting a node a byte.
  std::vector<Frozen> frozen{{0, {}, 0, {}}};
  for (std::size_t f = 0; f < frozen.size(); ++f) {
    for (const Edge& edge : building_[frozen[f].node].edges) {
      std::string label;
      std::uint32_t end = edge.to;
      while (building_[end].entry == kNoEntry && building_[end].edges.size() == 1) {
        label.push_back(building_[end].edges[0].byte);
        end = building_[end].edges[0].to;
      }
      frozen[f].children.emplace_back(edge.byte, static_cast<std::uint32_t>(frozen.size()));
      frozen.push_back({end, std::move(label), frozen[f].depth + 1, {}});
    }
  }
  // The top kFlatDepth levels breadth first, so the nodes every walk starts with sit together
  // and stay cached; below them each subtree depth first, so a node's first child comes
  // right after it.
  std::vector<std::uint32_t> order;
  order.reserve(frozen.size());
  for (std::uint32_t f = 0; f < frozen.size() && frozen[f].depth <= kFlatDepth; ++f) order.push_back(f);
  const std::size_t flat = order.size();
  std::vector<std::uint32_t> stack;
  for (std::size_t k = 0; k < flat; ++k) {
    if (frozen[order[k]].depth != kFlatDepth) continue;
    stack.push_back(order[k]);
    while (!stack.empty()) {
      const std::uint32_t f = stack.back();
      stack.pop_back();
      if (f != order[k]) order.push_back(f);
      for (auto child = frozen[f].children.rbegin(); child != frozen[f].children.rend(); ++child) {
        stack.push_back(child->second);
      }
    }
  }
  assert(order.size() == frozen.size());
  auto is_wide = [&](const Frozen& f) { return f.children.size() > kWideNode; };
  std::size_t size = 0;
  for (std::uint32_t f : order) {
    frozen[f].offset = static_cast<std::uint32_t>(size);
    const std::size_t edges = is_wide(frozen[f]) ? 1 : frozen[f].children.size();
    size += kHeader + padded(static_cast<std::uint32_t>(frozen[f].label.size())) + 4 * edges;
  }
  assert(size / 4 < (std::size_t{1} << 24));  // an edge holds an offset / 4 in 24 bits
  bytes_.assign(size, 0);
  tables_.clear();
  auto store = [&](std::size_t at, std::uint32_t value, std::size_t width) {
    std::memcpy(bytes_.data() + at, &value, width);  // little-endian: the low bytes
  };
  for (std::uint32_t f : order) {
    const Frozen& node = frozen[f];
    assert(node.label.size() < 0xFFFF && node.children.size() < kWide);
    const std::size_t at = node.offset;
    store(at, building_[node.node].entry, 4);
    store(at + 4, static_cast<std::uint32_t>(node.label.size()), 2);
    store(at + 6, is_wide(node) ? kWide : static_cast<std::uint32_t>(node.children.size()), 2);
    std::memcpy(bytes_.data() + at + kHeader, node.label.data(), node.label.size());
    std::size_t edge = at + kHeader + padded(static_cast<std::uint32_t>(node.label.size()));
    if (is_wide(node)) {
      const auto table = static_cast<std::uint32_t>(tables_.size() / 256);
      store(edge, table, 4);
      tables_.resize(tables_.size() + 256, kNoEntry);
      for (const auto& [byte, child] : node.children) {
        tables_[table * 256 + byte_index(byte)] = frozen[child].offset;
      }
      continue;
    }
    for (const auto& [byte, child] : node.children) {
      store(edge, (frozen[child].offset / 4) << 8 | static_cast<std::uint32_t>(byte_index(byte)), 4);
      edge += 4;
    }
  }
  building_.clear();
  building_.shrink_to_fit();
  index_short_words(short_paths);
}

void Trie::index_short_words(const std::vector<std::string>& words) {
  std::size_t slots = 16;
  while (slots < 2 * words.size()) slots *= 2;
  short_shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
  short_words_.assign(slots, ShortWord{});
  for (const std::string& word : words) {
    Cursor at = root();
    for (char c : word) at = next(at, c);
    assert(at.valid());
    const std::uint64_t key = head_of(word, 0, word.size());
    std::size_t slot = short_slot(key);
    while (short_words_[slot].key != 0) slot = (slot + 1) & (slots - 1);
    short_words_[slot] = {key, at};
  }
}

Trie::Cursor Trie::walk(Cursor at, std::string_view text, std::size_t begin,
                        std::size_t end) const {
  for (std::size_t i = begin; i < end && at.valid(); ++i) at = next(at, ascii_lower(text[i]));
  return at;
}

}  // namespace hg::skills
