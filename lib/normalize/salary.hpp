// Salary text -> numbers: "$120k–150k", "€60.000 - €75.000 brutto/Jahr", "£45,000 pa",
// "₹ 12,00,000 per annum", "$45 - $55 an hour", "Up to $150,000" ...
//
// Conventions (what parse_salary returns):
// - The figure or range it reads is the most salary-like one in the text: one with a
//   currency next to it beats one without, a range or a "k" beats a lone number, a period
//   word right after it ("per hour", "/Jahr") counts; ties go to the first. Percentages,
//   times ("5:30"), codes ("A11", "401k") and dates are not salaries.
// - A range fills min and max; a single figure fills both with the same value; "from",
//   "starting at", "ab", "à partir de", "desde", "minimum", "+" and "or more" fill only
//   min; "up to", "max", "bis zu", "jusqu'à", "hasta", "under" fill only max.
// - Amounts: "," "." "'" "’" and spaces group thousands ("60.000", "120'000", "60 000",
//   Indian "12,00,000"); one "," or "." followed by 1, 2 or 4+ digits is a decimal mark
//   ("20.50", "22,5"). "k"/"K"/"Tsd" x1000, "m"/"M"/"Mio"/"million" x1e6, "lakh"/"lac"
//   x1e5, "crore"/"cr" x1e7; "70-90K" and "$120k-150" carry the multiplier across.
// - Currency: an ISO code ("EUR", "USD 100-120k") wins over a symbol; "$", "£", "kr", "¥",
//   "dollars" ... resolve through Currencies (the hint's country when the symbol can mean
//   its currency, else the symbol's usual one: "$" is USD). With no currency in the text,
//   the hint country's currency; else "".
// - Period from words in English, German, French, Spanish and Dutch ("per hour", "hourly",
//   "/hr", "an hour", "Stundenlohn", "par mois", "al año", "per jaar", "p.a.", "pcm").
//   Without one the period is inferred from the larger amount (after multipliers):
//   < 300 -> "hour", < 20,000 -> "month", else "year"; period_inferred says so.
// - annual = model::annualise(midpoint) in the posting's currency (hour x2080, day x260,
//   week x52, month x12); the midpoint of a min-only or max-only salary is that figure.
//
// Bounded: only the first kMaxSalaryText bytes are read; one pass, no allocation beyond the
// returned strings (which fit the small-string buffer), no regex. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hg::normalize {

inline constexpr std::size_t kMaxSalaryText = 2000;

struct SalaryHints {
  std::string country{};         // ISO 3166 alpha-2 of the posting: picks "$" = CAD in "CA"
  std::string default_period{};  // used instead of the magnitude rule when the text has none
};

struct Salary {
  std::optional<double> min;
  std::optional<double> max;
  std::string currency;          // ISO 4217; "" when neither the text nor the hint says
  std::string period;            // "hour" | "day" | "week" | "month" | "year"
  bool period_inferred = false;  // period came from the hint or the magnitude rule
  std::optional<double> annual;  // annualised midpoint in `currency`
};

// nullopt when the text holds no salary figure ("competitive", "DOE", "").
std::optional<Salary> parse_salary(std::string_view text, const SalaryHints& hints = {});

}  // namespace hg::normalize
