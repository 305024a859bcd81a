// Character classes and the matching key shared by the taxonomy (building) and the extractor
// (walking text), so that a form and the text it should match are normalised the same way.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace hg::skills {

// Letters, digits and any byte of a multi-byte UTF-8 sequence (so "Qualität" is one word).
inline bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

// The end of the run of word bytes at text[i]: the first j >= i whose byte is not a word byte,
// or text.size(). Tests 8 bytes at once (SWAR): a word's end is found without a branch a byte.
inline std::size_t word_run_end(std::string_view text, std::size_t i) {
  static_assert(std::endian::native == std::endian::little, "the first byte is the lowest");
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x80 * kOnes;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, sizeof x);
    // Per byte, in its high bit: at least c, on the 7 low bits (no carry leaves a byte).
    const std::uint64_t low7 = x & ~kHigh;
    const auto at_least = [&](std::uint64_t bits, unsigned c) { return bits + (0x80 - c) * kOnes; };
    const std::uint64_t digit = at_least(low7, '0') & ~at_least(low7, '9' + 1);
    const std::uint64_t folded = low7 | 0x20 * kOnes;  // 'A'..'Z' -> 'a'..'z'
    const std::uint64_t letter = at_least(folded, 'a') & ~at_least(folded, 'z' + 1);
    const std::uint64_t stops = ~(x | digit | letter) & kHigh;
    if (stops != 0) return i + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
  }
  while (i < text.size() && is_word_byte(text[i])) ++i;
  return i;
}

// Symbols that are part of a skill's spelling: "C++", "C#", "CI/CD", "R&D".
inline bool is_symbol_byte(char c) { return c == '+' || c == '#' || c == '/' || c == '&'; }

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Separators ignored inside a form: whitespace, '-', '_', and a '.' between two word bytes
// ("Node.js" = "nodejs" = "node js"). A '.' that starts a form is kept (".NET" is not "net").
inline bool is_joiner(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '-' || c == '_') return true;
  return c == '.' && i > 0 && i + 1 < text.size() && is_word_byte(text[i - 1]) &&
         is_word_byte(text[i + 1]);
}

// The matching key of a skill name or alias: the reference rule (lower case; no whitespace,
// '-', '_', '.'), keeping '+', '#', '/', '&' and a leading '.', dropping other punctuation.
// Non-ASCII bytes are kept as they are (no Unicode case folding).
std::string match_key(std::string_view text);

}  // namespace hg::skills
