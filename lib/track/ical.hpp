// iCalendar (RFC 5545) for interviews, and the time-zone arithmetic they need (libical's
// time-zone data, read from the system's zoneinfo).
// Not thread-safe: libical loads zones into a global, unsynchronised cache on first use (and
// keeps them until exit), so call these from one thread at a time.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "util/time.hpp"

namespace hg::track {

struct CalendarEvent {
  std::string uid{};            // stable across exports (interviews.uid)
  std::string local_start{};    // wall-clock "YYYY-MM-DDTHH:MM[:SS]" in time_zone
  std::string time_zone{};      // IANA name, e.g. "Europe/Berlin"; "UTC" allowed
  int duration_minutes = 60;
  std::string summary{};        // "Interview (phone): Staff Engineer at Acme"
  std::string description{};    // free text, may hold newlines
  std::string location{};       // may be empty
  std::string updated{};        // DTSTAMP: when hg last changed it, ISO UTC ("...Z")
};

// Whether `tzid` names a zone the system knows ("Europe/Berlin", "UTC").
bool known_time_zone(std::string_view tzid);

// The instant of wall-clock `local` ("YYYY-MM-DDTHH:MM[:SS]") in `tzid`; nullopt when either is
// not valid. A time skipped by a DST change is taken as the instant after it, read with the
// offset from before the gap as RFC 5545 §3.3.5 has calendar clients do (Berlin 02:30 on the
// spring-forward day is 01:30Z = 03:30 CEST); a time that occurs twice is the first one.
std::optional<util::TimePoint> local_to_utc(std::string_view local, std::string_view tzid);

// The wall-clock "YYYY-MM-DDTHH:MM:SS" of `instant` in `tzid`; nullopt for an unknown zone.
std::optional<std::string> utc_to_local(util::TimePoint instant, std::string_view tzid);

// One VCALENDAR (CRLF line ends, lines folded at 75 octets, text escaped) holding every event
// as a VEVENT with DTSTART;TZID=… and one VTIMEZONE for each zone used. Events whose zone is
// unknown are written in UTC. `product` is the PRODID value. Events whose local_start does
// not parse are left out (check with local_to_utc first). DTSTAMP falls back to the start when
// `updated` does not parse, and an empty uid to a hash of start, zone and summary, so the
// output never depends on the clock. Each event gets DURATION (elapsed time), not DTEND.
std::string to_icalendar(std::span<const CalendarEvent> events, std::string_view product);

}  // namespace hg::track
