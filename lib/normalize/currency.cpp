#include "normalize/currency.hpp"

#include <algorithm>
#include <cmath>

#include "util/embedded.hpp"
#include "util/strings.hpp"

namespace hg::normalize {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_letter(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

// Index of an upper-case ISO 4217 code in a 26^3 table, or -1.
int code_slot(std::string_view code) {
  if (code.size() != 3 || !is_upper(code[0]) || !is_upper(code[1]) || !is_upper(code[2])) {
    return -1;
  }
  return ((code[0] - 'A') * 26 + (code[1] - 'A')) * 26 + (code[2] - 'A');
}

int country_slot(std::string_view country) {
  if (country.size() != 2) return -1;
  const char a = static_cast<char>(lower(country[0]) - 'a' + 'A');
  const char b = static_cast<char>(lower(country[1]) - 'a' + 'A');
  if (!is_upper(a) || !is_upper(b)) return -1;
  return (a - 'A') * 26 + (b - 'A');
}

// A tab-separated table with a header line: rows() hands each data line's fields to `row`,
// addressed by the header's column names. Blank lines and '#' comments are skipped.
class Tsv {
 public:
  Tsv(std::string_view text, std::string_view what) : text_(text), what_(what) {}

  // Column positions for `names`, or an error naming the first one missing.
  template <std::size_t N>
  Result<std::array<std::size_t, N>> header(const std::array<std::string_view, N>& names) {
    std::string_view line = next_line();
    while (skip(line) && !done()) line = next_line();
    const std::vector<std::string> columns = util::split(strip_cr(line), '\t');
    std::array<std::size_t, N> index{};
    for (std::size_t i = 0; i < N; ++i) {
      auto it = std::find(columns.begin(), columns.end(), names[i]);
      if (it == columns.end()) {
        return fail(Errc::invalid_input, "{}: no \"{}\" column in the header", what_, names[i]);
      }
      index[i] = static_cast<std::size_t>(it - columns.begin());
    }
    return index;
  }

  // The next data line's fields (at least `min_fields` of them), or nullopt at the end.
  std::optional<Result<std::vector<std::string>>> next(std::size_t min_fields) {
    while (!done()) {
      std::string_view line = next_line();
      if (skip(line)) continue;
      std::vector<std::string> fields = util::split(strip_cr(line), '\t');
      if (fields.size() < min_fields) {
        return Result<std::vector<std::string>>(fail(Errc::invalid_input,
                                                     "{} line {}: {} fields, expected {}", what_,
                                                     line_, fields.size(), min_fields));
      }
      return Result<std::vector<std::string>>(std::move(fields));
    }
    return std::nullopt;
  }

  Error error(std::string_view why) const {
    return fail(Errc::invalid_input, "{} line {}: {}", what_, line_, why);
  }

 private:
  bool done() const { return pos_ >= text_.size(); }
  static bool skip(std::string_view line) {
    return util::trim(line).empty() || line.front() == '#';
  }
  static std::string_view strip_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }
  std::string_view next_line() {
    const std::size_t end = std::min(text_.find('\n', pos_), text_.size());
    std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++line_;
    return line;
  }

  std::string_view text_;
  std::string_view what_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
};

std::string_view embedded_or_empty(std::string_view name) {
  return util::embedded_data(name).value_or(std::string_view{});
}

// "2024-03-01" (or a date-time starting so) -> 20240301; nullopt otherwise.
std::optional<std::int32_t> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  std::int32_t value = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  const int month = (value / 100) % 100;
  const int day = value % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return value;
}

}  // namespace

Result<Currencies> Currencies::load(std::string_view currencies_tsv, std::string_view symbols_tsv,
                                    std::string_view countries_tsv) {
  Currencies table;
  table.by_code_.assign(26 * 26 * 26, -1);
  table.by_country_.assign(26 * 26, std::array<char, 3>{});

  Tsv currencies(currencies_tsv, "currencies");
  auto columns = currencies.header(std::array<std::string_view, 3>{"code", "minor_units", "name"});
  if (!columns) return columns.error();
  const auto [code_at, units_at, name_at] = *columns;
  const std::size_t needed = std::max({code_at, units_at, name_at}) + 1;
  while (auto row = currencies.next(needed)) {
    if (!*row) return row->error();
    std::vector<std::string>& fields = **row;
    if (code_slot(fields[code_at]) < 0) {
      return currencies.error(fmt::format("\"{}\" is not an ISO 4217 code", fields[code_at]));
    }
    CurrencyInfo info{.code = fields[code_at], .minor_units = {}, .name = fields[name_at]};
    if (auto units = util::parse_int(fields[units_at]); units && *units >= 0 && *units < 10) {
      info.minor_units = static_cast<int>(*units);
    }
    table.currencies_.push_back(std::move(info));
  }
  std::sort(table.currencies_.begin(), table.currencies_.end(),
            [](const CurrencyInfo& a, const CurrencyInfo& b) { return a.code < b.code; });
  for (std::size_t i = 0; i < table.currencies_.size(); ++i) {
    table.by_code_[static_cast<std::size_t>(code_slot(table.currencies_[i].code))] =
        static_cast<std::int16_t>(i);
  }

  Tsv symbols(symbols_tsv, "currency symbols");
  auto symbol_columns = symbols.header(std::array<std::string_view, 2>{"symbol", "codes"});
  if (!symbol_columns) return symbol_columns.error();
  const auto [symbol_at, codes_at] = *symbol_columns;
  while (auto row = symbols.next(std::max(symbol_at, codes_at) + 1)) {
    if (!*row) return row->error();
    std::vector<std::string>& fields = **row;
    Symbol symbol{.key = lower_ascii(fields[symbol_at]),
                  .exact = lower_ascii(fields[symbol_at]) != fields[symbol_at],
                  .text = fields[symbol_at],
                  .codes = util::split(fields[codes_at], ',')};
    if (symbol.key.empty() || symbol.codes.empty()) return symbols.error("empty symbol or codes");
    for (const std::string& code : symbol.codes) {
      if (code_slot(code) < 0) return symbols.error(fmt::format("bad code \"{}\"", code));
    }
    table.symbols_.push_back(std::move(symbol));
  }
  std::sort(table.symbols_.begin(), table.symbols_.end(),
            [](const Symbol& a, const Symbol& b) { return a.key < b.key; });
  for (std::size_t i = 0; i < table.symbols_.size(); ++i) {
    const auto first = static_cast<unsigned char>(table.symbols_[i].key.front());
    table.by_first_byte_[first].push_back(static_cast<std::uint16_t>(i));
  }

  Tsv countries(countries_tsv, "currency countries");
  auto country_columns = countries.header(std::array<std::string_view, 2>{"country", "currency"});
  if (!country_columns) return country_columns.error();
  const auto [country_at, currency_at] = *country_columns;
  while (auto row = countries.next(std::max(country_at, currency_at) + 1)) {
    if (!*row) return row->error();
    std::vector<std::string>& fields = **row;
    const int slot = country_slot(fields[country_at]);
    if (slot < 0 || code_slot(fields[currency_at]) < 0) {
      return countries.error(fmt::format("bad country or code \"{}\" \"{}\"", fields[country_at],
                                         fields[currency_at]));
    }
    std::copy_n(fields[currency_at].begin(), 3,
                table.by_country_[static_cast<std::size_t>(slot)].begin());
  }
  return table;
}

const Currencies& Currencies::builtin() {
  static const Currencies table = [] {
    auto loaded = load(embedded_or_empty("currency/currencies.tsv"),
                       embedded_or_empty("currency/symbols.tsv"),
                       embedded_or_empty("currency/countries.tsv"));
    // The embedded tables are checked by the unit tests; a broken build gets empty tables.
    if (loaded) return std::move(*loaded);
    auto empty = load("code\tminor_units\tname\n", "symbol\tcodes\n", "country\tcurrency\n");
    return std::move(*empty);
  }();
  return table;
}

const CurrencyInfo* Currencies::find(std::string_view code) const {
  const int slot = code_slot(code);
  if (slot < 0 || by_code_.empty()) return nullptr;
  const std::int16_t index = by_code_[static_cast<std::size_t>(slot)];
  return index < 0 ? nullptr : &currencies_[static_cast<std::size_t>(index)];
}

std::string_view Currencies::currency_of(std::string_view country) const {
  const int slot = country_slot(country);
  if (slot < 0 || by_country_.empty()) return {};
  const std::array<char, 3>& code = by_country_[static_cast<std::size_t>(slot)];
  if (code[0] == 0) return {};
  return std::string_view(code.data(), code.size());
}

const Currencies::Symbol* Currencies::find_symbol(std::string_view symbol) const {
  if (symbol.empty() || symbol.size() > 16) return nullptr;
  std::array<char, 16> key{};
  for (std::size_t i = 0; i < symbol.size(); ++i) key[i] = lower(symbol[i]);
  const std::string_view wanted(key.data(), symbol.size());
  auto it = std::lower_bound(symbols_.begin(), symbols_.end(), wanted,
                             [](const Symbol& s, std::string_view k) { return s.key < k; });
  // Keys can repeat ("Rs" and "rs" would share one); try each.
  for (; it != symbols_.end() && it->key == wanted; ++it) {
    if (matches(*it, symbol)) return &*it;
  }
  return nullptr;
}

bool Currencies::matches(const Symbol& symbol, std::string_view text) const {
  const std::size_t n = symbol.key.size();
  if (n > text.size()) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (symbol.exact ? text[i] != symbol.text[i] : lower(text[i]) != symbol.key[i]) return false;
  }
  return true;
}

std::span<const std::string> Currencies::codes_for_symbol(std::string_view symbol) const {
  const Symbol* found = find_symbol(symbol);
  if (found == nullptr) return {};
  return found->codes;
}

std::string_view Currencies::resolve(std::string_view symbol, std::string_view country) const {
  const std::span<const std::string> codes = codes_for_symbol(symbol);
  if (codes.empty()) return {};
  const std::string_view own = currency_of(country);
  for (const std::string& code : codes) {
    if (code == own) return code;
  }
  return codes.front();
}

Currencies::Match Currencies::match_prefix(std::string_view text) const {
  Match best;
  if (text.empty()) return best;
  for (std::uint16_t index : by_first_byte_[static_cast<unsigned char>(lower(text.front()))]) {
    const Symbol& symbol = symbols_[index];
    const std::size_t n = symbol.key.size();
    if (n <= best.length || !matches(symbol, text)) continue;
    if (is_ascii_letter(symbol.key.back()) && n < text.size() && is_ascii_letter(text[n])) continue;
    best = Match{.length = n, .codes = symbol.codes};
  }
  return best;
}

Result<Rates> Rates::load(std::string_view tsv, std::string_view override_tsv) {
  Rates rates;
  for (const auto& [text, what] :
       {std::pair{tsv, "rates"}, std::pair{override_tsv, "rate overrides"}}) {
    if (util::trim(text).empty()) continue;
    Tsv table(text, what);
    auto columns = table.header(std::array<std::string_view, 3>{"date", "currency", "per_eur"});
    if (!columns) return columns.error();
    const auto [date_at, code_at, rate_at] = *columns;
    std::vector<Entry> added;
    while (auto row = table.next(std::max({date_at, code_at, rate_at}) + 1)) {
      if (!*row) return row->error();
      std::vector<std::string>& fields = **row;
      const auto date = parse_date(util::trim(fields[date_at]));
      const std::string_view code = util::trim(fields[code_at]);
      const auto rate = util::parse_double(fields[rate_at]);
      if (!date || fields[date_at].size() != 10) {
        return table.error(fmt::format("bad date \"{}\" (want YYYY-MM-DD)", fields[date_at]));
      }
      if (code_slot(code) < 0) return table.error(fmt::format("bad currency \"{}\"", code));
      if (!rate || !std::isfinite(*rate) || *rate <= 0) {
        return table.error(fmt::format("bad per_eur \"{}\"", fields[rate_at]));
      }
      added.push_back(Entry{{code[0], code[1], code[2]}, *date, *rate});
    }
    // Later rows win: stable-sort the new rows after the old ones, keep each key's last.
    rates.entries_.insert(rates.entries_.end(), added.begin(), added.end());
    std::stable_sort(rates.entries_.begin(), rates.entries_.end(),
                     [](const Entry& a, const Entry& b) {
                       return a.code != b.code ? a.code < b.code : a.date < b.date;
                     });
    std::vector<Entry> unique;
    for (const Entry& entry : rates.entries_) {
      if (!unique.empty() && unique.back().code == entry.code && unique.back().date == entry.date) {
        unique.back() = entry;
      } else {
        unique.push_back(entry);
      }
    }
    rates.entries_ = std::move(unique);
  }
  return rates;
}

std::optional<double> Rates::per_eur(std::string_view code, std::string_view date) const {
  if (code == "EUR") return 1.0;
  if (code_slot(code) < 0) return std::nullopt;
  std::int32_t when = 99991231;
  if (!date.empty()) {
    auto parsed = parse_date(date);
    if (!parsed) return std::nullopt;
    when = *parsed;
  }
  const std::array<char, 3> key{code[0], code[1], code[2]};
  auto first =
      std::lower_bound(entries_.begin(), entries_.end(), key,
                       [](const Entry& e, const std::array<char, 3>& k) { return e.code < k; });
  auto last =
      std::upper_bound(first, entries_.end(), key,
                       [](const std::array<char, 3>& k, const Entry& e) { return k < e.code; });
  if (first == last) return std::nullopt;
  // The first entry dated after `when`; the one before it is the latest on or before.
  auto after = std::upper_bound(first, last, when,
                                [](std::int32_t d, const Entry& e) { return d < e.date; });
  return after == first ? first->per_eur : std::prev(after)->per_eur;
}

std::optional<double> Rates::convert(double amount, std::string_view from, std::string_view to,
                                     std::string_view date) const {
  if (from == to && code_slot(from) >= 0) return amount;
  const auto from_rate = per_eur(from, date);
  const auto to_rate = per_eur(to, date);
  if (!from_rate || !to_rate) return std::nullopt;
  return amount / *from_rate * *to_rate;
}

std::string_view builtin_rates_tsv() { return embedded_or_empty("currency/rates.tsv"); }

}  // namespace hg::normalize
