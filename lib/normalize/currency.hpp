// Currencies (ISO 4217 codes, minor units, the symbols and words that name them, each
// country's currency) and Rates (dated euro reference rates) for converting salaries.
// Table formats and origins: data/currency/README.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hg::normalize {

struct CurrencyInfo {
  std::string code;                // ISO 4217, "EUR"
  std::optional<int> minor_units;  // 2 for EUR, 0 for JPY; nullopt where ISO says N.A. (XAU)
  std::string name;                // "Euro"
};

// The currency tables. Immutable once loaded, so one instance may be shared by threads.
class Currencies {
 public:
  // Parses data/currency/{currencies,symbols,countries}.tsv as built by
  // bench/build_currency_data.py. Errors: invalid_input (missing header column, bad code).
  static Result<Currencies> load(std::string_view currencies_tsv, std::string_view symbols_tsv,
                                 std::string_view countries_tsv);

  // The tables embedded in hg, parsed on first use (thread-safe) and kept for the program's
  // life. Empty tables if the build embedded none.
  static const Currencies& builtin();

  // nullptr for a code hg does not know. Codes are upper case: "eur" is not found.
  const CurrencyInfo* find(std::string_view code) const;

  // "DE" -> "EUR", "us" -> "USD"; "" for an unknown country.
  std::string_view currency_of(std::string_view country) const;

  // What a symbol or currency word ("$", "kr", "dollars") can mean, the one to assume
  // without other clues first; empty when it names no currency. Letters match in any case
  // when the table writes the symbol in lower case ("euro" = "EURO"), else exactly ("Rs").
  std::span<const std::string> codes_for_symbol(std::string_view symbol) const;

  // One code for `symbol`: the currency of `country` when the symbol can mean it ("$" in
  // "CA" is CAD), else the symbol's first code. "" when the symbol names no currency.
  std::string_view resolve(std::string_view symbol, std::string_view country) const;

  // The longest symbol at the start of `text`, for scanners. A symbol that ends in an ASCII
  // letter ("kr", "$U") matches only where no ASCII letter follows it.
  struct Match {
    std::size_t length = 0;              // 0: no symbol starts `text`
    std::span<const std::string> codes;  // as codes_for_symbol
  };
  Match match_prefix(std::string_view text) const;

 private:
  struct Symbol {
    std::string key;    // ASCII-lower-cased symbol
    bool exact = true;  // written with an upper-case letter ("Rs", "RM"): match case exactly
    std::string text;   // as written in the table
    std::vector<std::string> codes;
  };
  bool matches(const Symbol& symbol, std::string_view text) const;
  const Symbol* find_symbol(std::string_view symbol) const;

  std::vector<CurrencyInfo> currencies_;         // sorted by code
  std::vector<std::int16_t> by_code_;            // 26^3 slots: index into currencies_
  std::vector<std::array<char, 3>> by_country_;  // 26^2 slots: currency code or zeros
  std::vector<Symbol> symbols_;                  // sorted by key
  std::array<std::vector<std::uint16_t>, 256> by_first_byte_{};  // symbols_ by key[0]
};

// Dated exchange rates as "units of a currency per euro" (the ECB's reference-rate form).
// Immutable once loaded; safe to share between threads.
class Rates {
 public:
  // Reads TSV with the header columns date (YYYY-MM-DD), currency (ISO 4217) and per_eur
  // (> 0), in any order; blank lines and lines starting with '#' are skipped. Rows of
  // `override_tsv` (same format, e.g. the user's salary.rates_file) replace rows of `tsv`
  // with the same date and currency and add the rest. Errors: invalid_input naming the
  // table ("rates" or "rate overrides") and line.
  static Result<Rates> load(std::string_view tsv, std::string_view override_tsv = {});

  // Units of `code` per euro on `date` (ISO date; a date-time's first 10 characters count):
  // the latest rate on or before it, else the earliest one; "" means the latest rate. EUR
  // is always 1. nullopt for a currency without rates or a malformed date.
  std::optional<double> per_eur(std::string_view code, std::string_view date = {}) const;

  // `amount` in `from` expressed in `to`, each side rated as per_eur() picks for `date`
  // (so the two rates can come from different days when one currency lacks a day).
  // Equal codes return `amount` unchanged. nullopt when either side has no rate.
  std::optional<double> convert(double amount, std::string_view from, std::string_view to,
                                std::string_view date = {}) const;

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::array<char, 3> code;
    std::int32_t date;  // yyyymmdd
    double per_eur;
  };
  std::vector<Entry> entries_;  // sorted by (code, date), one per pair
};

// The reference rates embedded in hg (data/currency/rates.tsv), "" if there are none.
std::string_view builtin_rates_tsv();

}  // namespace hg::normalize
