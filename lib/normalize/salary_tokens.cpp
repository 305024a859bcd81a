#include "normalize/salary_tokens.hpp"

#include <algorithm>

namespace hg::normalize::salary_tokens {
namespace {

namespace sw = salary_words;
using sw::Period;

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

}  // namespace

std::span<const Token> Scanner::run() {
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

std::size_t Scanner::scan_one(std::size_t i, Token& token) {
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

// Letters glued to a figure that still leave it money: a currency ("100EUR", "500kr") or
// a period abbreviation of two letters or more ("45000pa", "20hr").
bool Scanner::attached_unit_ok(std::size_t pos, std::string_view lower_word) const {
  if (currencies_.match_prefix(s_.substr(pos)).length > 0) return true;
  if (lower_word.size() == 3 && currencies_.find(s_.substr(pos, 3)) != nullptr) return true;
  const sw::Word* w = sw::find_word(lower_word);
  return lower_word.size() >= 2 && w != nullptr && w->period != Period::none;
}

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

}  // namespace hg::normalize::salary_tokens
