// Internal to normalize/salary.cpp: the first pass of parse_salary, text to at most
// kMaxTokens tokens (numbers with their multipliers, currencies, known words, dashes,
// slashes, sentence stops). salary.cpp reads candidates from them.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "normalize/currency.hpp"
#include "normalize/salary_words.hpp"

namespace hg::normalize::salary_tokens {

constexpr std::size_t kMaxTokens = 96;

enum class Kind : std::uint8_t { number, currency, word, dash, slash, plus, stop, other };

// Trivially constructible on purpose: the token array is not cleared per call.
struct Token {
  Kind kind;
  bool space_before;
  bool amount;        // number: can be a salary (not a time, percentage, code or date)
  double value;       // number: as written times `multiplier`
  double multiplier;  // number: 1, or the "k", "Mio", "lakh" that followed it
  std::span<const std::string> codes;  // currency symbol: what it can mean
  std::string_view code;               // currency: an ISO code as written ("EUR"), else ""
  const salary_words::Word* word;      // word: its entry, nullptr for an unknown word
};

class Scanner {
 public:
  // `text` must outlive the tokens, which point into it.
  Scanner(std::string_view text, const Currencies& currencies)
      : s_(text), currencies_(currencies) {}

  // The tokens of the text, at most kMaxTokens; valid until the next run() or destruction.
  std::span<const Token> run();

 private:
  std::size_t scan_one(std::size_t i, Token& token);
  // Letters glued to a figure that still leave it money: a currency ("100EUR", "500kr") or
  // a period abbreviation of two letters or more ("45000pa", "20hr").
  bool attached_unit_ok(std::size_t pos, std::string_view lower_word) const;

  std::size_t scan_number(std::size_t i, Token& token);
  std::size_t scan_word(std::size_t i, Token& token);
  void check_amount(std::size_t begin, std::size_t end, std::size_t digits, Token& token) const;

  std::string_view s_;
  const Currencies& currencies_;
  std::array<Token, kMaxTokens> tokens_;
  std::size_t count_ = 0;
};

}  // namespace hg::normalize::salary_tokens
