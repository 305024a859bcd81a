// Posting dates as job boards write them -> canonical ISO 8601 text (util::canonical_date form).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "util/time.hpp"

namespace hg::normalize {

// A date written without reference to "now", as canonical ISO text: a date ("2025-06-03") when
// the text has no time of day, else a UTC date-time ("2025-06-03T14:02:00Z"). Reads
//  - ISO 8601 (util::parse_iso), also with a trailing " UTC" / " GMT" ("2023-07-25 16:04:54 UTC");
//  - epoch seconds or milliseconds as text of at least 9 digits ("2024" is a year, not a time);
//  - RFC 2822 / RSS ("Tue, 03 Jun 2025 14:02:00 +0000", "Mon, 2 Jun 2025 09:00:00 GMT", US zones);
//  - month names in English, German, French, Spanish and Dutch ("June 3, 2025", "3 June 2025",
//    "3. Juni 2025", "3 juin 2025", "3 de junio de 2025");
//  - numeric day-first dates with dots ("03.06.2025", German) and Y/M/D with slashes.
// nullopt for anything else, for impossible dates and for slashed dates that could be either
// day-first or month-first ("03/06/2025"). Linear in the input; no allocation beyond the result.
std::optional<std::string> parse_absolute_date(std::string_view text);

// parse_absolute_date, plus dates relative to `fetched_at` (when the page was read), in English,
// German, French, Spanish and Dutch: "3 days ago", "30+ days ago" (read as 30: the latest date
// it can be), "a month ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 días", "2 dagen geleden",
// "today", "just posted", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "hoy", "ayer".
// Day, week, month and year offsets give a date; hour and minute offsets give a UTC date-time.
std::optional<std::string> parse_date(std::string_view text, util::TimePoint fetched_at);

}  // namespace hg::normalize
