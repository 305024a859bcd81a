// A byte trie over the matching keys of every skill form, built once by Taxonomy::load.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hg::skills {

inline constexpr std::uint32_t kNoEntry = UINT32_MAX;

// Each key ends at a place in the trie with an entry, a number the builder chose (an index
// into its own table). Build with insert() then freeze(); walk with root(), next() and
// entry(). Immutable once frozen; safe to share between threads for reading.
class Trie {
 public:
  // A place in the frozen trie: after some bytes of a key.
  struct Cursor {
    std::uint32_t node = 0;   // a node's offset in bytes_, or kNoEntry: no key goes on so
    std::uint32_t label = 0;  // bytes of the node's label read so far
    bool valid() const { return node != kNoEntry; }
  };

  Trie();
  // Adds `key` (non-empty) with `entry`; an existing key keeps its first entry unless
  // `replace`. Returns the entry the key now has. Only before freeze().
  std::uint32_t insert(std::string_view key, std::uint32_t entry, bool replace);
  // Lays the nodes out for walking; call after the last insert.
  void freeze();

  // Where no byte has been read yet.
  static Cursor root() { return {}; }
  // Where `at` (valid) goes on byte `c`; not valid when no key goes on so.
  Cursor next(Cursor at, char c) const {
    const unsigned char* node = bytes_.data() + at.node;
    const auto byte = static_cast<unsigned char>(c);
    const std::uint32_t label_size = load16(node + 4);
    if (at.label < label_size) {
      return node[kHeader + at.label] == byte ? Cursor{at.node, at.label + 1} : Cursor{kNoEntry};
    }
    const std::uint32_t edges = load16(node + 6);
    const unsigned char* edge = node + kHeader + padded(label_size);
    if (edges == kWide) {
      const std::uint32_t child = tables_[load32(edge) * 256 + byte];
      return {child, 0};
    }
    for (const unsigned char* end = edge + 4 * edges; edge != end; edge += 4) {
      const std::uint32_t packed = load32(edge);
      if ((packed & 0xFF) == byte) return {(packed >> 8) * 4, 0};
    }
    return {kNoEntry};
  }
  // Whether some key may begin with text[begin, end) lower-cased (ASCII), a run of word bytes
  // (is_word_byte): false is certain, true is likely. Spares most walks that would find
  // nothing, at one cached bit each. Only after freeze().
  bool may_begin(std::string_view text, std::size_t begin, std::size_t end) const {
    const std::uint64_t slot = word_hash(text, begin, end) >> (64 - kPrefixBits);
    return (prefixes_[slot / 64] >> (slot % 64) & 1) != 0;
  }
  // Where a walk from root() stands after text[begin, end) lower-cased (ASCII), a run of word
  // bytes (is_word_byte): as next() byte by byte, not valid when no key begins so. Most words
  // cost one bit (may_begin) and the rest a table lookup for their first 8 bytes instead of
  // a step a byte. Only after freeze().
  Cursor after_word(std::string_view text, std::size_t begin, std::size_t end) const {
    if (!may_begin(text, begin, end)) return {kNoEntry};
    const Cursor at = after_short_word(lower8(head_of(text, begin, end)));
    return end - begin > 8 && at.valid() ? walk(at, text, begin + 8, end) : at;
  }
  // The entry of the key that ends at `at` (valid), or kNoEntry.
  std::uint32_t entry(Cursor at) const {
    const unsigned char* node = bytes_.data() + at.node;
    return at.label == load16(node + 4) ? load32(node) : kNoEntry;
  }

 private:
  // A frozen node, at an offset that is a multiple of 4 in bytes_:
  //   u32 entry, u16 label size, u16 edge count (kWide: a table), then the label: the bytes
  //   leading to this node after the one its parent's edge holds (chains of nodes with one
  //   child and no entry are folded into it), padded to 4 bytes, then the edges, each a u32
  //   (child offset / 4) << 8 | byte, sorted by byte; or for kWide the u32 number of a table.
  static constexpr std::uint32_t kHeader = 8;
  static constexpr std::uint32_t kWide = 0xFFFF;
  static std::uint32_t padded(std::uint32_t size) { return (size + 3) & ~3u; }
  static std::uint32_t load16(const unsigned char* at) {
    std::uint16_t value;
    std::memcpy(&value, at, sizeof value);
    return value;
  }
  static std::uint32_t load32(const unsigned char* at) {
    std::uint32_t value;
    std::memcpy(&value, at, sizeof value);
    return value;
  }

  // The first 8 bytes of text[begin, end) (little-endian), zero past `end`.
  static std::uint64_t head_of(std::string_view text, std::size_t begin, std::size_t end) {
    const std::size_t size = end - begin;
    std::uint64_t head = 0;
    if (size >= 8) {
      head = load64(text.data() + begin);
    } else if (begin + 8 <= text.size()) {
      head = load64(text.data() + begin) & ((std::uint64_t{1} << (8 * size)) - 1);
    } else {
      std::memcpy(&head, text.data() + begin, size);  // near the text's end: no bytes past it
    }
    return head;
  }
  // A hash of text[begin, end) lower-cased (ASCII), from its first and last 8 bytes and its
  // length: a word costs a few loads, not a loop.
  static std::uint64_t word_hash(std::string_view text, std::size_t begin, std::size_t end) {
    const std::size_t size = end - begin;
    const std::uint64_t head = head_of(text, begin, end);
    const std::uint64_t tail = size >= 8 ? load64(text.data() + end - 8) : 0;
    const std::uint64_t mixed = (lower8(head) * 0x9E3779B97F4A7C15ull) ^ (lower8(tail) + size);
    return (mixed ^ mixed >> 29) * 0xBF58476D1CE4E5B9ull;
  }
  // Each ASCII capital in the 8 bytes of `x` as its small letter (SWAR: all 8 at once).
  static std::uint64_t lower8(std::uint64_t x) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    const std::uint64_t low7 = x & (0x7F * kOnes);
    const std::uint64_t from_a = low7 + (0x80 - 'A') * kOnes;      // high bit: at least 'A'
    const std::uint64_t past_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit: past 'Z'
    const std::uint64_t upper = from_a & ~past_z & ~x & (0x80 * kOnes);
    return x | upper >> 2;
  }
  static std::uint64_t load64(const char* at) {
    std::uint64_t value;
    std::memcpy(&value, at, sizeof value);
    return value;
  }
  static constexpr unsigned kPrefixBits = 21;  // 256 KB: about 7% of unknown words pass

  // A key prefix of 1 to 8 word bytes, lower case, zero-padded (a word byte is never 0, so 0
  // marks an empty slot), and where a walk stands after it.
  struct ShortWord {
    std::uint64_t key = 0;
    Cursor at;
  };
  std::size_t short_slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> short_shift_);
  }
  // after_word() of a word of at most 8 bytes, given as its key.
  Cursor after_short_word(std::uint64_t key) const {
    for (std::size_t slot = short_slot(key);; slot = (slot + 1) & (short_words_.size() - 1)) {
      const ShortWord& word = short_words_[slot];
      if (word.key == key) return word.at;
      if (word.key == 0) return {kNoEntry};
    }
  }
  // next() from `at` over text[begin, end) lower-cased (ASCII).
  Cursor walk(Cursor at, std::string_view text, std::size_t begin, std::size_t end) const;
  void index_short_words(const std::vector<std::string>& words);

  struct Edge {
    char byte;
    std::uint32_t to;
  };
  struct Building {
    std::vector<Edge> edges;
    std::uint32_t entry = kNoEntry;
  };
  std::uint32_t find_or_add(std::uint32_t node, char c);
  std::uint32_t chain_end(std::uint32_t node) const;

  std::vector<Building> building_;  // per node, until freeze()
  std::vector<unsigned char> bytes_;  // the frozen nodes
  // Children by byte (kNoEntry: none) of the nodes with many edges, the root above all: one
  // load instead of a search at every word start of every text.
  std::vector<std::uint32_t> tables_;
  // word_hash() of every key prefix made of word bytes, as bits (see may_begin()).
  std::vector<std::uint64_t> prefixes_;
  // Every key prefix of at most 8 word bytes, open addressing (a power of two, at most half
  // full, probed linearly): after_word() of a short word.
  std::vector<ShortWord> short_words_;
  unsigned short_shift_ = 64;  // 64 - log2(short_words_.size())
};

}  // namespace hg::skills
