#include "normalize/salary.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "model/job.hpp"
#include "normalize/currency.hpp"
#include "normalize/salary_tokens.hpp"
#include "normalize/salary_words.hpp"

// How it works: one pass turns the text into at most kMaxTokens tokens (numbers with their
// multipliers, currencies, known words, dashes, slashes, sentence stops); then every number
// that can be an amount starts a candidate (itself, or a range with the next number), each
// candidate is scored by the clues around it, and the best one becomes the Salary.

namespace hg::normalize {
namespace {

namespace sw = salary_words;
using salary_tokens::Kind;
using salary_tokens::Scanner;
using salary_tokens::Token;
using sw::Period;

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
