// A strict check of iCalendar text with libical: what an integration test asks of `hg track
// ics` output.
#pragma once

#include <string>
#include <vector>

namespace hg::testing {

struct IcalSummary {
  std::vector<std::string> problems;  // empty: valid
  std::size_t events = 0;
  std::vector<std::string> time_zones;  // TZIDs of the VTIMEZONEs
  std::vector<std::string> summaries;   // of the VEVENTs, in order
  std::vector<long long> starts;        // DTSTART of each VEVENT as Unix time
};

// Parses `text` and lists every problem: not a VCALENDAR, any X-LIC-ERROR libical adds while
// parsing or in icalrestriction_check (RFC 5545 property restrictions), a TZID without its
// VTIMEZONE, a line not ending in CRLF or over 75 octets.
IcalSummary check_icalendar(const std::string& text);

}  // namespace hg::testing
