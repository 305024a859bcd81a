// Character classes and the matching key shared by the taxonomy (building) and the extractor
// (walking text), so that a form and the text it should match are normalised the same way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hg::skills {

// Letters, digits and any byte of a multi-byte UTF-8 sequence (so "Qualität" is one word).
inline bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
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
