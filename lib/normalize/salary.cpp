#include "normalize/salary.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "model/job.hpp"
#include "normalize/currency.hpp"
#include "normalize/salary_words.hpp"

// How it works: one pass turns the text into at most kMaxTokens tokens (numbers with their
// multipliers, currencies, known words, dashes, slashes, sentence stops); then every number
// that can be an amount starts a candidate (itself, or a range with the next number), each
// candidate is scored by the clues around it, and the best one becomes the Salary.

namespace hg::normalize {
namespace {

namespace sw = salary_words;
using sw::Period;

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
  const sw::Word* word;                // word: its entry, nullptr for an unknown word
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
unsigned char byte_at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// Bytes of the Latin letter at i: ASCII, or a two-byte Latin-1 / Latin Extended-A letter
// (é, ä, ñ, ł, č); 0 for anything else.
std::size_t letter_len(std::string_view s, std::size_t i) {
  const unsigned char c = byte_at(s, i);
  if (is_ascii_letter(static_cast<char>(c))) return 1;
  const unsigned char next = byte_at(s, i + 1);
  if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && (next & 0xC0) == 0x80) {
    return c == 0xC3 && (next == 0x97 || next == 0xB7) ? 0 : 2;  // × and ÷ are not letters
  }
  return 0;
}

// Bytes of the horizontal space at i: ASCII, no-break, thin, narrow no-break ...; 0 if none.
std::size_t space_len(std::string_view s, std::size_t i) {
  const unsigned char c = byte_at(s, i);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && byte_at(s, i + 1) == 0xA0) return 2;
  if (c == 0xE2 && byte_at(s, i + 1) == 0x80) {
    const unsigned char d = byte_at(s, i + 2);
    if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) return 3;
  }
  return 0;
}

std::size_t utf8_len(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Dashes that join a range: - – — ‒ − ~
std::size_t dash_len(std::string_view s, std::size_t i) {
  const unsigned char c = byte_at(s, i);
  if (c == '-' || c == '~') return 1;
  if (c == 0xE2 && byte_at(s, i + 1) == 0x80 && byte_at(s, i + 2) >= 0x92 &&
      byte_at(s, i + 2) <= 0x94) {
    return 3;
  }
  if (c == 0xE2 && byte_at(s, i + 1) == 0x88 && byte_at(s, i + 2) == 0x92) return 3;
  return 0;
}

// Separators inside a figure: , . ' ’ and spaces (normalised to ' ').
std::size_t separator_len(std::string_view s, std::size_t i, char& kind) {
  const unsigned char c = byte_at(s, i);
  if (c == ',' || c == '.' || c == '\'') {
    kind = static_cast<char>(c);
    return 1;
  }
  if (c == 0xE2 && byte_at(s, i + 1) == 0x80 && byte_at(s, i + 2) == 0x99) {
    kind = '\'';
    return 3;
  }
  kind = ' ';
  return space_len(s, i);
}

// The lower-cased ASCII letter run at i (for multipliers and am/pm), at most 15 bytes.
std::string_view ascii_word(std::string_view s, std::size_t i, std::array<char, 16>& buffer) {
  std::size_t n = 0;
  while (i + n < s.size() && is_ascii_letter(s[i + n])) {
    if (n == buffer.size()) return {};
    buffer[n] = lower(s[i + n]);
    ++n;
  }
  if (i + n < s.size() && letter_len(s, i + n) > 0) return {};  // "kč" is no "k"
  return std::string_view(buffer.data(), n);
}

class Scanner {
 public:
  Scanner(std::string_view text, const Currencies& currencies)
      : s_(text), currencies_(currencies) {}

  std::span<const Token> run() {
    std::size_t i = 0;
    bool space = false;
    while (i < s_.size() && count_ < kMaxTokens) {
      if (std::size_t n = space_len(s_, i)) {
        i += n;
        space = true;
        continue;
      }
      Token token{};
      token.space_before = space;
      space = false;
      i = scan_one(i, token);
      tokens_[count_++] = token;
    }
    return std::span<const Token>(tokens_.data(), count_);
  }

 private:
  std::size_t scan_one(std::size_t i, Token& token) {
    const char c = s_[i];
    if (is_digit(c)) return scan_number(i, token);
    if (letter_len(s_, i) > 0) return scan_word(i, token);
    if (auto match = currencies_.match_prefix(s_.substr(i)); match.length > 0) {
      token.kind = Kind::currency;
      token.codes = match.codes;
      return i + match.length;
    }
    if (std::size_t n = dash_len(s_, i)) {
      token.kind = Kind::dash;
      return i + n;
    }
    const unsigned char u = byte_at(s_, i);
    token.kind = c == '/' ? Kind::slash : c == '+' ? Kind::plus : Kind::other;
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == '|' || c == '\n' ||
        (u == 0xE2 && byte_at(s_, i + 1) == 0x80 && byte_at(s_, i + 2) == 0xA2) ||  // •
        (u == 0xC2 && byte_at(s_, i + 1) == 0xB7)) {                                // ·
      token.kind = Kind::stop;
    }
    if (c == '%' && count_ > 0 && tokens_[count_ - 1].kind == Kind::number) {
      tokens_[count_ - 1].amount = false;
    }
    return i + std::min(utf8_len(u), s_.size() - i);
  }

  std::size_t scan_number(std::size_t i, Token& token);
  // Letters glued to a figure that still leave it money: a currency ("100EUR", "500kr") or
  // a period abbreviation of two letters or more ("45000pa", "20hr").
  bool attached_unit_ok(std::size_t pos, std::string_view lower_word) const {
    if (currencies_.match_prefix(s_.substr(pos)).length > 0) return true;
    if (lower_word.size() == 3 && currencies_.find(s_.substr(pos, 3)) != nullptr) return true;
    const sw::Word* w = sw::find_word(lower_word);
    return lower_word.size() >= 2 && w != nullptr && w->period != Period::none;
  }
  std::size_t scan_word(std::size_t i, Token& token);
  void check_amount(std::size_t begin, std::size_t end, std::size_t digits, Token& token) const;

  std::string_view s_;
  const Currencies& currencies_;
  std::array<Token, kMaxTokens> tokens_;
  std::size_t count_ = 0;
};

std::size_t Scanner::scan_number(std::size_t i, Token& token) {
  // Digit groups and the separators between them.
  std::array<std::uint8_t, 8> lengths{};
  std::array<char, 8> separators{};
  std::array<char, 20> digits{};
  std::size_t groups = 0, ndigits = 0, pos = i;
  bool too_long = false;
  while (groups < lengths.size()) {
    const std::size_t start = pos;
    while (pos < s_.size() && is_digit(s_[pos])) {
      if (ndigits < digits.size())
        digits[ndigits++] = s_[pos];
      else
        too_long = true;
      ++pos;
    }
    lengths[groups++] = static_cast<std::uint8_t>(std::min<std::size_t>(pos - start, 255));
    char kind = 0;
    const std::size_t n = separator_len(s_, pos, kind);
    if (n == 0 || groups == lengths.size() || !is_digit(byte_at(s_, pos + n))) break;
    if (kind == ' ' || kind == '\'') {  // "60 000", "120'000": exactly three digits follow
      std::size_t k = pos + n;
      while (k < s_.size() && is_digit(s_[k])) ++k;
      if (k - (pos + n) != 3 || lengths[groups - 1] > 3) break;
    }
    separators[groups - 1] = kind;
    pos += n;
  }
  // One ',' or '.' as the last separator is a decimal mark unless three digits follow it
  // (then it groups thousands: "60.000"); after other separators it always is ("1.234,56").
  std::size_t fraction = 0;
  if (groups >= 2) {
    const char last = separators[groups - 2];
    bool mixed = false;
    int same = 0;
    for (std::size_t g = 0; g + 2 < groups; ++g) mixed |= separators[g] != last;
    for (std::size_t g = 0; g + 1 < groups; ++g) same += separators[g] == last;
    const bool leading_zero = lengths[0] == 1 && digits[0] == '0';
    if ((last == ',' || last == '.') &&
        (mixed || (same == 1 && (lengths[groups - 1] != 3 || leading_zero)))) {
      fraction = lengths[groups - 1];
    }
  }
  double value = 0;
  for (std::size_t d = 0; d < ndigits; ++d) value = value * 10 + (digits[d] - '0');
  for (std::size_t f = 0; f < fraction; ++f) value /= 10;
  // "60.000,-" (German: no cents)
  if ((byte_at(s_, pos) == ',' || byte_at(s_, pos) == '.') && byte_at(s_, pos + 1) == '-' &&
      !is_digit(static_cast<char>(byte_at(s_, pos + 2)))) {
    pos += byte_at(s_, pos + 2) == '-' ? 3 : 2;
  }
  token.kind = Kind::number;
  token.amount = !too_long;
  token.multiplier = 1;
  // A multiplier word right after: "120k", "120 K", "1.2M", "60 Tsd.", "12 LPA".
  const std::size_t gap = space_len(s_, pos);
  std::array<char, 16> buffer{};
  const std::string_view word = ascii_word(s_, pos + gap, buffer);
  if (const double m = sw::multiplier(word, gap == 0); m > 0 && !word.empty()) {
    token.multiplier = m;
    if (word != "lpa") {  // "LPA" also says "per year": leave it for the word scanner
      pos += gap + word.size();
      if (word == "tsd" && byte_at(s_, pos) == '.') ++pos;
    }
  }
  token.value = value * token.multiplier;
  check_amount(i, pos, ndigits, token);
  if (gap == 0 && token.multiplier == 1 && !word.empty() && !attached_unit_ok(pos, word)) {
    token.amount = false;  // "3D", "4th", "5G": a name or an ordinal, not money
  }
  if (token.multiplier == 1 && (word == "am" || word == "pm") && value <= 12) token.amount = false;
  if (value == 401 && (word == "k" || s_.substr(pos, 3) == "(k)")) token.amount = false;  // 401(k)
  return pos;
}

// Times ("5:30"), dates ("2024-01-15", "1/15"), codes ("A11", "Q3") are not amounts.
void Scanner::check_amount(std::size_t begin, std::size_t end, std::size_t digits,
                           Token& token) const {
  const char before = begin > 0 ? s_[begin - 1] : ' ';
  const char before2 = begin > 1 ? s_[begin - 2] : ' ';
  const char after = static_cast<char>(byte_at(s_, end));
  const char after2 = static_cast<char>(byte_at(s_, end + 1));
  if (is_ascii_letter(before) && count_ > 0 && tokens_[count_ - 1].kind != Kind::currency) {
    token.amount = false;
  }
  if ((before == ':' || before == '/') && is_digit(before2)) token.amount = false;
  if ((after == ':' || after == '/') && is_digit(after2)) token.amount = false;
  if (digits == 4 && token.value >= 1900 && token.value <= 2100 && after == '-' &&
      is_digit(after2)) {
    token.amount = false;
  }
}

std::size_t Scanner::scan_word(std::size_t i, Token& token) {
  std::size_t end = i;
  while (std::size_t n = letter_len(s_, end)) end += n;
  // ISO code: three capitals hg knows, minus a few that are also English words.
  static constexpr std::array<std::string_view, 14> kNotCodes = {"ALL", "AMD", "BAM", "BOB", "BTN",
                                                                 "CUP", "ERN", "GEL", "MAD", "MOP",
                                                                 "PEN", "SOS", "TOP", "TRY"};
  const std::string_view word = s_.substr(i, end - i);
  if (word.size() == 3 && currencies_.find(word) != nullptr &&
      std::find(kNotCodes.begin(), kNotCodes.end(), word) == kNotCodes.end()) {
    token.kind = Kind::currency;
    token.code = word;
    return end;
  }
  // Symbols made of letters ("kr", "Rs.", "zł", "euros") or ending in "$" ("US$", "R$").
  if (auto match = currencies_.match_prefix(s_.substr(i)); match.length >= word.size()) {
    token.kind = Kind::currency;
    token.codes = match.codes;
    std::size_t next = i + match.length;
    if (byte_at(s_, next) == '.' && s_[next - 1] != '.') ++next;  // "Rs." "Fr."
    return next;
  }
  token.kind = Kind::word;
  std::array<char, 32> key{};
  std::size_t n = 0;
  for (std::size_t k = i; k < end && n < key.size(); ++k) key[n++] = lower(s_[k]);
  // "p.a.", "p.m.", "p.h.": one letter, a dot, one letter, maybe a dot.
  if (end - i == 1 && byte_at(s_, end) == '.' &&
      is_ascii_letter(static_cast<char>(byte_at(s_, end + 1))) && letter_len(s_, end + 2) == 0) {
    key[n++] = lower(s_[end + 1]);
    end += 2;
    if (byte_at(s_, end) == '.') ++end;
  }
  token.word = end - i < key.size() ? sw::find_word(std::string_view(key.data(), n)) : nullptr;
  return end;
}

// A figure or range the text may mean, with what was found around it.
struct Candidate {
  std::size_t first = 0, last = 0;  // token indexes of its number(s)
  std::size_t begin = 0, end = 0;   // token span with attached currencies: [begin, end)
  double low = 0, high = 0;
  bool range = false;
  int currency = -1;      // token index of the currency it uses, -1 none
  bool attached = false;  // that currency touches a figure
  Period period = Period::none;
  bool from = false, upto = false, salary_word = false;
  bool counts_time = false;  // "5 years", "25 days": a period noun right after, no "per"
  int score = 0;
};

bool has(const Token& t, std::uint16_t flag) {
  return t.kind == Kind::word && t.word != nullptr && (t.word->flags & flag) != 0;
}

// The better of two currency tokens: a written-out ISO code beats a symbol.
int better_currency(std::span<const Token> t, int a, int b) {
  if (a < 0) return b;
  if (b < 0) return a;
  return t[static_cast<std::size_t>(a)].code.empty() && !t[static_cast<std::size_t>(b)].code.empty()
             ? b
             : a;
}

// Extends `c` from its first number over attached currencies and, when one follows, a
// range connector and a second number. Applies "70-90K" multiplier sharing.
void read_range(std::span<const Token> t, Candidate& c) {
  const std::size_t n = t.size();
  std::size_t k = c.first + 1;
  while (k < n && t[k].kind == Kind::currency)
    c.currency = better_currency(t, c.currency, static_cast<int>(k++));
  c.end = k;
  std::size_t j = k;
  if (j + 1 < n && t[j].kind == Kind::slash && t[j + 1].kind == Kind::word) j += 2;  // "/hr - "
  const bool between = c.begin > 0 && has(t[c.begin - 1], sw::kBetween);
  if (j >= n ||
      !(t[j].kind == Kind::dash || has(t[j], sw::kConnector) || (between && has(t[j], sw::kAnd)))) {
    return;
  }
  std::size_t u = j + 1;
  int second_currency = -1;
  while (u < n && t[u].kind == Kind::currency) second_currency = static_cast<int>(u++);
  if (u >= n || t[u].kind != Kind::number || !t[u].amount) return;
  double low = t[c.first].value, high = t[u].value;
  const double m1 = t[c.first].multiplier, m2 = t[u].multiplier;
  if (m1 == 1 && m2 > 1 && low * m2 <= high) low *= m2;                  // "60-70K"
  if (m2 == 1 && m1 > 1 && high < 1000 && high * m1 >= low) high *= m1;  // "$120k-150"
  if (high < low) return;
  c.low = low;
  c.high = high;
  c.range = true;
  c.last = u;
  c.currency = better_currency(t, c.currency, second_currency);
  k = u + 1;
  while (k < n && t[k].kind == Kind::currency)
    c.currency = better_currency(t, c.currency, static_cast<int>(k++));
  c.end = k;
}

// Clues after the figure: the period ("per hour", "/Jahr", "pa") and "+", "or more", "and up".
void read_after(std::span<const Token> t, Candidate& c) {
  std::size_t words = 0;  // words other than fillers and "per" words seen so far
  for (std::size_t k = c.end; k < t.size() && k < c.end + 8; ++k) {
    const Token& tok = t[k];
    if (tok.kind == Kind::stop || tok.kind == Kind::number) break;
    if (tok.kind == Kind::plus && k == c.end) c.from = true;
    if (tok.kind != Kind::word) continue;
    const Token* prev = k > c.end ? &t[k - 1] : nullptr;
    const bool after_per = prev != nullptr && (prev->kind == Kind::slash || has(*prev, sw::kPer));
    if (c.period == Period::none && tok.word != nullptr && tok.word->period != Period::none) {
      const std::uint16_t f = tok.word->flags;
      if ((f & sw::kNoun) && !after_per && words == 0) c.counts_time = true;
      if (((f & sw::kWeak) && words == 0) || ((f & sw::kNoun) && after_per) ||
          !(f & (sw::kWeak | sw::kNoun))) {
        c.period = tok.word->period;
        continue;  // "$16.50/hr or more": keep looking for "or more"
      }
    }
    if (c.period == Period::none && has(tok, sw::kParAn) && prev != nullptr &&
        (prev->kind == Kind::slash || (prev->word != nullptr && prev->word->text == "par"))) {
      c.period = Period::year;
      continue;
    }
    if (has(tok, sw::kMore) || (has(tok, sw::kUp) && prev != nullptr && has(*prev, sw::kAnd))) {
      c.from = true;
    }
    if (!has(tok, sw::kPer | sw::kFiller)) ++words;
  }
}

// Clues before the figure: a period word ("Hourly wage", "Jahresgehalt"), "from", "up to",
// a word about pay, a currency a few tokens back ("Salary (USD): 100-120k").
void read_before(std::span<const Token> t, Candidate& c) {
  bool modifier_seen = false;
  for (std::size_t k = c.begin; k > 0 && k + 8 > c.begin;) {
    const Token& tok = t[--k];
    if (tok.kind == Kind::stop || tok.kind == Kind::number) break;
    if (tok.kind == Kind::currency && c.currency < 0 && k + 4 > c.begin)
      c.currency = static_cast<int>(k);
    if (tok.kind != Kind::word || tok.word == nullptr) continue;
    const std::uint16_t f = tok.word->flags;
    if (c.period == Period::none && tok.word->period != Period::none && !(f & sw::kWeak)) {
      c.period = tok.word->period;
    }
    c.salary_word |= (f & sw::kSalary) != 0;
    if (modifier_seen) continue;
    const bool up_to = (f & sw::kTo) && k > 0 && has(t[k - 1], sw::kUp);
    if ((f & sw::kFrom) || (f & sw::kUpto) || up_to) {
      c.from = (f & sw::kFrom) != 0;
      c.upto = !c.from;
      modifier_seen = true;
    }
  }
}

Candidate read_candidate(std::span<const Token> t, std::size_t first) {
  Candidate c;
  c.first = c.last = first;
  c.begin = first;
  c.low = c.high = t[first].value;
  while (c.begin > 0 && t[c.begin - 1].kind == Kind::currency) {
    c.currency = better_currency(t, c.currency, static_cast<int>(--c.begin));
  }
  read_range(t, c);
  c.attached = c.currency >= 0;
  read_after(t, c);
  const Period after = c.period;
  read_before(t, c);
  if (c.range) c.from = c.upto = false;
  for (std::size_t k = c.end; c.currency < 0 && k < t.size() && k < c.end + 3; ++k) {
    if (t[k].kind == Kind::stop || t[k].kind == Kind::number) break;
    if (t[k].kind == Kind::currency) c.currency = static_cast<int>(k);
  }
  const bool multiplied = t[c.first].multiplier > 1 || t[c.last].multiplier > 1;
  c.score = (c.attached        ? 8
             : c.currency >= 0 ? 4
                               : 0) +
            (c.range ? 3 : 0) + (multiplied ? 2 : 0) + (after != Period::none ? 2 : 0) +
            ((c.from || c.upto || c.salary_word) ? 1 : 0);
  // Without a currency a lone number needs a clue that it is money.
  const bool clue =
      c.currency >= 0 || c.range || multiplied || after != Period::none || c.from || c.upto;
  if (!clue || (c.counts_time && c.currency < 0)) c.score = 0;
  if (c.high <= 0) c.score = -1;
  return c;
}

std::string_view period_name(Period p) {
  switch (p) {
    case Period::hour:
      return "hour";
    case Period::day:
      return "day";
    case Period::week:
      return "week";
    case Period::month:
      return "month";
    case Period::year:
      return "year";
    case Period::none:
      break;
  }
  return {};
}

std::string choose_currency(std::span<const Token> t, const Candidate& c, const SalaryHints& hints,
                            const Currencies& currencies) {
  if (c.currency < 0) return std::string(currencies.currency_of(hints.country));
  const Token& tok = t[static_cast<std::size_t>(c.currency)];
  if (!tok.code.empty()) return std::string(tok.code);
  const std::string_view own = currencies.currency_of(hints.country);
  for (const std::string& code : tok.codes) {
    if (code == own) return code;
  }
  return tok.codes.empty() ? std::string() : tok.codes.front();
}

}  // namespace

std::optional<Salary> parse_salary(std::string_view text, const SalaryHints& hints) {
  const Currencies& currencies = Currencies::builtin();
  Scanner scanner(text.substr(0, std::min(text.size(), kMaxSalaryText)), currencies);
  const std::span<const Token> tokens = scanner.run();

  bool bare = true;  // no words hg does not know: "95000", "Salary: 45-60"
  for (const Token& t : tokens) bare &= !(t.kind == Kind::word && t.word == nullptr);
  std::optional<Candidate> best;
  std::size_t skip_until = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (k < skip_until || tokens[k].kind != Kind::number || !tokens[k].amount) continue;
    Candidate c = read_candidate(tokens, k);
    if (c.range) skip_until = c.last + 1;
    if (c.score == 0 && bare && !c.counts_time) c.score = 1;
    if (c.score > 0 && (!best || c.score > best->score)) best = c;
  }
  if (!best) return std::nullopt;

  Salary salary;
  if (!best->upto) salary.min = best->low;
  if (!best->from) salary.max = best->high;
  salary.currency = choose_currency(tokens, *best, hints, currencies);
  salary.period = std::string(period_name(best->period));
  if (salary.period.empty()) {
    salary.period_inferred = true;
    const std::string_view hinted = hints.default_period;
    if (hinted == "hour" || hinted == "day" || hinted == "week" || hinted == "month" ||
        hinted == "year") {
      salary.period = std::string(hinted);
    } else {
      salary.period = best->high < 300 ? "hour" : best->high < 20000 ? "month" : "year";
    }
  }
  salary.annual = model::annualise((best->low + best->high) / 2, salary.period);
  return salary;
}

}  // namespace hg::normalize
