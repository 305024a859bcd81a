// Small normalisers for the fields every source and import shares: remote mode, employment
// type, salary period, amounts, dates and descriptions. The richer parsers (salary text,
// places, skills) build on these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hg::normalize {

// "Remote", "true", "TELECOMMUTE", "fully remote" -> "remote"; "Hybrid" -> "hybrid";
// "On-site", "office", "false" -> "onsite"; anything else (incl. "unknown") -> "".
std::string remote_mode(std::string_view text);

// "Full-time", "FULL_TIME", "fulltime" -> "full_time"; also part_time, contract, temporary,
// internship, freelance, volunteer, per_diem. A one- or two-word value in German, French,
// Spanish or Dutch ("Vollzeit", "CDI", "temps partiel") is read by employment_type_from_text
// (employment.hpp). Other text is lower-cased with "_" for separators.
std::string employment_type(std::string_view text);

// "yearly", "annual", "per annum", "YEAR", "pa" -> "year"; hour, day, week, month likewise.
// "" when unknown.
std::string salary_period(std::string_view text);

// "120000", "$120,000", "120 000", "120k" -> 120000. nullopt when not a plain amount.
std::optional<double> amount(std::string_view text);

// ISO 8601 text kept canonical (date or UTC date-time); epoch seconds or milliseconds (as
// text, at least 9 digits: "2024" is not a time stamp) become a UTC date-time; RFC 2822 and
// written-out dates too. nullopt when it is none of these. Same as parse_absolute_date
// (dates.hpp); relative dates ("3 days ago") need parse_date and a fetch time.
std::optional<std::string> date(std::string_view text);

struct Description {
  std::string text;
  std::string html;  // the HTML it came from, "" when it was plain text
};
// Plain text stays; HTML (also entity-escaped HTML, as Greenhouse sends) becomes text,
// keeping the HTML.
Description description(std::string_view text);

}  // namespace hg::normalize
