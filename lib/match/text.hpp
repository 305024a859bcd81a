// Words for text relevance: one tokenizer for titles, descriptions and queries, and BM25.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hg::match {

// Lower-case ASCII words of `text`: runs of letters and digits, keeping '+' and '#' that
// follow a word ("c++", "c#"). One-letter words other than "c" and "r", and a short list of
// English stop words, are dropped. Non-ASCII bytes separate words. Linear in the text; at most
// `max_words` words are returned (0: no limit).
std::vector<std::string> words(std::string_view text, std::size_t max_words = 0);

// Calls `each(word)` for each word as words() would return it, without allocating.
template <class F>
void for_each_word(std::string_view text, F&& each);

// 64-bit hash of a word, as stored in the index's document-frequency table.
std::uint64_t word_hash(std::string_view word);

// BM25 parameters (Robertson/Sparck Jones; Lucene's defaults).
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

// idf of a word found in `df` of `docs` documents: ln(1 + (N - df + 0.5) / (df + 0.5)).
double bm25_idf(double docs, double df);

// One word's BM25 term score for term frequency `tf` in a document of length `length`
// when the average length is `average`.
double bm25_term(double idf, double tf, double length, double average);

bool is_stop_word(std::string_view word);

// ---- template body ----
template <class F>
void for_each_word(std::string_view text, F&& each) {
  char buffer[48];
  std::size_t size = 0;
  auto flush = [&] {
    if (size > 0 && size <= sizeof buffer) {
      std::string_view word(buffer, size);
      if ((size > 1 || word == "c" || word == "r") && !is_stop_word(word)) each(word);
    }
    size = 0;
  };
  for (char raw : text) {
    char c = raw;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum || (size > 0 && (c == '+' || c == '#'))) {
      if (size < sizeof buffer) buffer[size] = c;
      ++size;  // a word longer than the buffer is dropped by flush()
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace hg::match
