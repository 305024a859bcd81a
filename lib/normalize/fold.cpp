// Folding place names: the Latin-1/Latin Extended table, code point by code point, and fold().
#include "normalize/fold.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "normalize/location.hpp"

namespace hg::normalize {
namespace detail {
namespace {

// ASCII folding of U+00C0..U+024F (generated with bench/build_places_data.py's fold_char);
// " " breaks a word (× ÷).
constexpr std::array<std::string_view, 400> kLatinFold = {
    "a", "a",  "a",  "a",  "a",  "a",  "ae", "c",  "e",  "e",  "e",  "e",  "i",  "i", "i",  "i",
    "d", "n",  "o",  "o",  "o",  "o",  "o",  " ",  "o",  "u",  "u",  "u",  "u",  "y", "th", "ss",
    "a", "a",  "a",  "a",  "a",  "a",  "ae", "c",  "e",  "e",  "e",  "e",  "i",  "i", "i",  "i",
    "d", "n",  "o",  "o",  "o",  "o",  "o",  " ",  "o",  "u",  "u",  "u",  "u",  "y", "th", "y",
    "a", "a",  "a",  "a",  "a",  "a",  "c",  "c",  "c",  "c",  "c",  "c",  "c",  "c", "d",  "d",
    "d", "d",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "g",  "g", "g",  "g",
    "g", "g",  "g",  "g",  "h",  "h",  "h",  "h",  "i",  "i",  "i",  "i",  "i",  "i", "i",  "i",
    "i", "i",  "ij", "ij", "j",  "j",  "k",  "k",  "k",  "l",  "l",  "l",  "l",  "l", "l",  "l",
    "l", "l",  "l",  "n",  "n",  "n",  "n",  "n",  "n",  "n",  "n",  "n",  "o",  "o", "o",  "o",
    "o", "o",  "oe", "oe", "r",  "r",  "r",  "r",  "r",  "r",  "s",  "s",  "s",  "s", "s",  "s",
    "s", "s",  "t",  "t",  "t",  "t",  " ",  " ",  "u",  "u",  "u",  "u",  "u",  "u", "u",  "u",
    "u", "u",  "u",  "u",  "w",  "w",  "y",  "y",  "y",  "z",  "z",  "z",  "z",  "z", "z",  "s",
    " ", " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ", " ",  " ",
    " ", " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ", " ",  " ",
    "o", "o",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ", " ",  "u",
    "u", " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ", " ",  " ",
    " ", " ",  " ",  " ",  "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a",  "i",
    "i", "o",  "o",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  " ", "a",  "a",
    "a", "a",  " ",  " ",  " ",  " ",  "g",  "g",  "k",  "k",  "o",  "o",  "o",  "o", " ",  " ",
    "j", "dz", "dz", "dz", "g",  "g",  " ",  " ",  "n",  "n",  "a",  "a",  " ",  " ", " ",  " ",
    "a", "a",  "a",  "a",  "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i",  "o",  "o", "o",  "o",
    "r", "r",  "r",  "r",  "u",  "u",  "u",  "u",  "s",  "s",  "t",  "t",  " ",  " ", "h",  "h",
    " ", " ",  " ",  " ",  " ",  " ",  "a",  "a",  "e",  "e",  "o",  "o",  "o",  "o", "o",  "o",
    "o", "o",  "y",  "y",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ", " ",  " ",
    " ", " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",  " ",
};

// Appends the folding of one code point at text[i]; returns its length in bytes, and
// whether it belongs to a word.
std::pair<std::size_t, bool> fold_code_point(std::string_view text, std::size_t i,
                                             std::string& out) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
      return {1, true};
    }
    return {1, c == '.' || c == '\'' || c == '`'};  // dropped inside a word: "U.S.", "O'Fallon"
  }
  std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + length > text.size()) length = text.size() - i;
  if (length == 2) {
    const char32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
    if (cp >= 0xC0 && cp < 0xC0 + kLatinFold.size()) {
      const std::string_view folded = kLatinFold[cp - 0xC0];
      if (folded == " ") return {2, false};
      out.append(folded);
      return {2, true};
    }
  }
  const std::string_view bytes = text.substr(i, length);
  if (bytes == "\u2019" || bytes == "\u2018") return {length, true};  // ’ ‘ apostrophes
  if (bytes == "\u2013" || bytes == "\u2014" || bytes == "\u2022" || bytes == "\u00b7" ||
      bytes == "\u00a0") {
    return {length, false};  // – — • · and no-break space
  }
  out.append(bytes);  // another script: kept, never matches a key
  return {length, true};
}

}  // namespace

std::vector<Word> words_of(std::string_view text, std::size_t max_words) {
  std::vector<Word> words;
  Word word;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    std::string folded;
    auto [length, part_of_word] = fold_code_point(text, i, folded);
    if (part_of_word) {
      if (!in_word) word = Word{.folded = {}, .begin = i, .end = i, .upper = true};
      in_word = true;
      for (char c : text.substr(i, length)) {
        if (c >= 'a' && c <= 'z') word.upper = false;
        if (c >= '0' && c <= '9') word.digits = true;
      }
      word.folded += folded;
      word.end = i + length;
    }
    if ((!part_of_word || i + length >= text.size()) && in_word) {
      in_word = false;
      if (!word.folded.empty()) {
        word.upper =
            word.upper && std::any_of(text.begin() + static_cast<std::ptrdiff_t>(word.begin),
                                      text.begin() + static_cast<std::ptrdiff_t>(word.end),
                                      [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        words.push_back(std::move(word));
        if (words.size() == max_words) break;
      }
    }
    i += length;
  }
  return words;
}

}  // namespace detail

std::string fold(std::string_view text) {
  std::string out;
  for (const detail::Word& word : detail::words_of(text, std::string_view::npos)) {
    if (!out.empty()) out.push_back(' ');
    out += word.folded;
  }
  return out;
}

}  // namespace hg::normalize
