#include "track/ical.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <libical/ical.h>

#include "util/strings.hpp"

namespace hg::track {
namespace {

using std::chrono::seconds;

constexpr std::size_t kMaxLineOctets = 75;  // RFC 5545 §3.1, not counting the CRLF
constexpr std::int64_t kDay = 24 * 60 * 60;

// IANA names are ASCII letters, digits and "/_+-". Checking that first keeps odd text
// (quotes, ';', "..") out of the TZID parameter and out of libical's zoneinfo file lookup.
bool plausible_tzid(std::string_view tzid) {
  if (tzid.empty() || tzid.size() > 64 || tzid.front() == '/' ||
      tzid.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(tzid.begin(), tzid.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '+' || c == '-';
  });
}

// Borrowed from libical's cache: never freed by us. UTC is libical's static zone.
icaltimezone* find_zone(std::string_view tzid) {
  if (tzid == "UTC") return icaltimezone_get_utc_timezone();
  if (!plausible_tzid(tzid)) return nullptr;
  return icaltimezone_get_builtin_timezone(std::string(tzid).c_str());
}

// The zone's UTC offset, in seconds, at the instant `utc` (unambiguous, unlike local times).
std::int64_t offset_at(icaltimezone* zone, std::int64_t utc) {
  icaltimetype time =
      icaltime_from_timet_with_zone(static_cast<time_t>(utc), 0, icaltimezone_get_utc_timezone());
  int is_daylight = 0;
  return icaltimezone_get_utc_offset_of_utc_time(zone, &time, &is_daylight);
}

// "YYYY-MM-DDTHH:MM[:SS]" as seconds since the epoch, reading the wall clock as if UTC.
std::optional<std::int64_t> parse_wall_clock(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  const auto number = [&text](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      (text.size() == 19 && text[16] != ':')) {
    return std::nullopt;
  }
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const auto hour = number(11, 2), minute = number(14, 2);
  const auto second = text.size() == 19 ? number(17, 2) : std::optional<int>(0);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  const auto days = std::chrono::sys_days(date).time_since_epoch().count();
  return std::int64_t{days} * kDay + *hour * 3600 + *minute * 60 + *second;
}

// RFC 5545 §3.3.5: a wall-clock time that occurs twice means the first occurrence, and one
// skipped by a DST gap is read with the offset from before the gap. Zones change their
// offset at most once in two days, so the offsets a day either side are the only candidates.
std::int64_t wall_clock_to_utc(icaltimezone* zone, std::int64_t wall) {
  const std::int64_t before = offset_at(zone, wall - kDay);
  const std::int64_t after = offset_at(zone, wall + kDay);
  const std::int64_t early = wall - std::max(before, after);
  const std::int64_t late = wall - std::min(before, after);
  if (early + offset_at(zone, early) == wall) return early;
  if (late + offset_at(zone, late) == wall) return late;
  return wall - before;
}

std::string format_wall_clock(std::int64_t wall, bool basic) {
  const util::TimePoint point{seconds{wall}};
  const auto days = std::chrono::floor<std::chrono::days>(point);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{point - days};
  const int year = static_cast<int>(date.year());
  const auto month = static_cast<unsigned>(date.month());
  const auto day = static_cast<unsigned>(date.day());
  if (basic) {
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", year, month, day, time.hours().count(),
                       time.minutes().count(), time.seconds().count());
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

// Invalid UTF-8 becomes U+FFFD, so the calendar is always UTF-8 (RFC 5545 §3.1.4).
std::string valid_utf8(std::string_view text) {
  std::string out;
  while (auto bad = util::first_invalid_utf8(text)) {
    out.append(text.substr(0, *bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

// TEXT values, RFC 5545 §3.3.11: escape '\\' ';' ',' and line breaks; other control
// characters are not allowed in TEXT at all, so they are dropped.
std::string escape_text(std::string_view raw) {
  const std::string text = valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\r' || c == '\n') {
      out.append("\\n");
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      continue;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// RFC 5545 §3.1: a line longer than 75 octets continues on the next line after a CRLF and a
// space. Breaks go only before a UTF-8 lead byte, so no character is split across lines.
void append_folded(std::string& out, std::string_view line) {
  std::size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out.append("\r\n ");
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;  // the leading space counts
  }
  out.append(line);
  out.append("\r\n");
}

// libical folds and ends lines its own way; unfolding first lets append_folded apply one rule.
void append_unfolded(std::string& out, std::string_view ical) {
  std::string logical;
  const auto flush = [&] {
    if (!logical.empty()) append_folded(out, logical);
    logical.clear();
  };
  for (std::string_view line : util::split(ical, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      logical.append(line.substr(1));
    } else {
      flush();
      logical.assign(line);
    }
  }
  flush();
}

// The zone's VTIMEZONE with its TZID set to the plain IANA name: libical's own TZIDs carry
// a "/freeassociation.sourceforge.net/" prefix, which DTSTART would then have to repeat.
void append_vtimezone(std::string& out, icaltimezone* zone, const std::string& tzid) {
  icalcomponent* copy = icalcomponent_new_clone(icaltimezone_get_component(zone));
  if (copy == nullptr) return;
  icalproperty* property = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY);
  if (property != nullptr) icalproperty_set_tzid(property, tzid.c_str());
  char* text = icalcomponent_as_ical_string_r(copy);
  if (text != nullptr) {
    append_unfolded(out, text);
    icalmemory_free_buffer(text);
  }
  icalcomponent_free(copy);
}

struct Start {
  std::string tzid;       // empty: written in UTC with a "Z"
  std::int64_t wall = 0;  // the DTSTART wall clock, as seconds
  std::int64_t utc = 0;
};

std::optional<Start> resolve_start(const CalendarEvent& event) {
  const auto wall = parse_wall_clock(event.local_start);
  if (!wall) return std::nullopt;
  icaltimezone* zone = event.time_zone == "UTC" ? nullptr : find_zone(event.time_zone);
  if (zone == nullptr || zone == icaltimezone_get_utc_timezone()) return Start{{}, *wall, *wall};
  return Start{event.time_zone, *wall, wall_clock_to_utc(zone, *wall)};
}

void append_event(std::string& out, const CalendarEvent& event, const Start& start) {
  const auto line = [&out](std::string_view text) { append_folded(out, text); };
  line("BEGIN:VEVENT");
  std::string uid = event.uid;
  if (uid.empty()) {
    uid = util::hex64(util::fnv1a64(event.local_start + event.time_zone + event.summary)) + "@hg";
  }
  line("UID:" + escape_text(uid));
  // DTSTAMP must be UTC; an unreadable `updated` falls back to the start, which is stable.
  const auto stamp = util::parse_iso(event.updated);
  const std::int64_t stamp_seconds = stamp ? stamp->time_since_epoch().count() : start.utc;
  line("DTSTAMP:" + format_wall_clock(stamp_seconds, true) + "Z");
  if (start.tzid.empty()) {
    line("DTSTART:" + format_wall_clock(start.utc, true) + "Z");
  } else {
    line("DTSTART;TZID=" + start.tzid + ":" + format_wall_clock(start.wall, true));
  }
  // DURATION is elapsed time, so an interview across a DST change keeps its length.
  line(fmt::format("DURATION:PT{}M", std::max(event.duration_minutes, 0)));
  line("SUMMARY:" + escape_text(event.summary));
  if (!event.description.empty()) line("DESCRIPTION:" + escape_text(event.description));
  if (!event.location.empty()) line("LOCATION:" + escape_text(event.location));
  line("END:VEVENT");
}

}  // namespace

bool known_time_zone(std::string_view tzid) { return find_zone(tzid) != nullptr; }

std::optional<util::TimePoint> local_to_utc(std::string_view local, std::string_view tzid) {
  icaltimezone* zone = find_zone(tzid);
  const auto wall = parse_wall_clock(local);
  if (zone == nullptr || !wall) return std::nullopt;
  return util::TimePoint{seconds{wall_clock_to_utc(zone, *wall)}};
}

std::optional<std::string> utc_to_local(util::TimePoint instant, std::string_view tzid) {
  icaltimezone* zone = find_zone(tzid);
  if (zone == nullptr) return std::nullopt;
  const std::int64_t utc = instant.time_since_epoch().count();
  return format_wall_clock(utc + offset_at(zone, utc), false);
}

std::string to_icalendar(std::span<const CalendarEvent> events, std::string_view product) {
  std::vector<std::optional<Start>> starts;
  std::vector<std::string> zones;  // in order of first use, each once
  for (const CalendarEvent& event : events) {
    starts.push_back(resolve_start(event));
    const auto& start = starts.back();
    if (start && !start->tzid.empty() &&
        std::find(zones.begin(), zones.end(), start->tzid) == zones.end()) {
      zones.push_back(start->tzid);
    }
  }

  std::string out;
  append_folded(out, "BEGIN:VCALENDAR");
  append_folded(out, "VERSION:2.0");
  append_folded(out, "PRODID:" + escape_text(product));
  append_folded(out, "CALSCALE:GREGORIAN");
  for (const std::string& tzid : zones) append_vtimezone(out, find_zone(tzid), tzid);
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (starts[i]) append_event(out, events[i], *starts[i]);
  }
  append_folded(out, "END:VCALENDAR");
  return out;
}

}  // namespace hg::track
