// Tokenizer and BM25 arithmetic shared by the index, the ranker and the reverse ranker.
#include "match/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "util/strings.hpp"

namespace hg::match {
namespace {

// Sorted: binary searched.
constexpr std::array<std::string_view, 48> kStopWords = {
    "a",    "about", "all",  "an",   "and",  "any",  "are",   "as",   "at",   "be",
    "by",   "can",   "for",  "from", "has",  "have", "in",    "is",   "it",   "its",
    "may",  "more",  "most", "must", "not",  "of",   "on",    "or",   "other", "our",
    "such", "than",  "that", "the",  "their", "them", "there", "these", "this", "to",
    "us",   "was",   "we",   "will", "with", "you",  "your",  "yours"};

}  // namespace

bool is_stop_word(std::string_view word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

std::vector<std::string> words(std::string_view text, std::size_t max_words) {
  std::vector<std::string> out;
  for_each_word(text, [&](std::string_view word) {
    if (max_words == 0 || out.size() < max_words) out.emplace_back(word);
  });
  return out;
}

std::uint64_t word_hash(std::string_view word) { return util::fnv1a64(word); }

double bm25_idf(double docs, double df) {
  return std::log(1.0 + (docs - df + 0.5) / (df + 0.5));
}

double bm25_term(double idf, double tf, double length, double average) {
  if (tf <= 0) return 0;
  const double norm = 1.0 - kBm25B + kBm25B * (average > 0 ? length / average : 1.0);
  return idf * tf * (kBm25K1 + 1.0) / (tf + kBm25K1 * norm);
}

}  // namespace hg::match
