#include "track/ical.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "support/temp_dir.hpp"
#include "util/strings.hpp"

namespace hg::track {
namespace {

util::TimePoint at(std::string_view iso) { return *util::parse_iso(iso); }

struct FreeComponent {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, FreeComponent>;

Component parse(const std::string& text) {
  return Component(icalparser_parse_string(text.c_str()));
}

// Every X-LIC-ERROR libical added while parsing, anywhere in the tree.
void collect_errors(icalcomponent* component, std::vector<std::string>& errors) {
  for (icalproperty* p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
    errors.emplace_back(icalproperty_get_xlicerror(p));
  }
  for (icalcomponent* c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT);
       c != nullptr; c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
    collect_errors(c, errors);
  }
}

std::vector<icalcomponent*> children(icalcomponent* parent, icalcomponent_kind kind) {
  std::vector<icalcomponent*> out;
  for (icalcomponent* c = icalcomponent_get_first_component(parent, kind); c != nullptr;
       c = icalcomponent_get_next_component(parent, kind)) {
    out.push_back(c);
  }
  return out;
}

// The physical lines, each without its CRLF; fails the test on a bare LF or CR.
std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // the last line ends in CRLF too
    lines.push_back(text.substr(start, end - start));
    CHECK(lines.back().find_first_of("\r\n") == std::string::npos);
    start = end + 2;
  }
  return lines;
}

TEST_CASE("local_to_utc and utc_to_local agree with the zone's offsets", "[track]") {
  struct Case {
    const char* local;
    const char* tzid;
    const char* utc;
  };
  const Case cases[] = {
      {"2026-01-15T10:00:00", "Europe/Berlin", "2026-01-15T09:00:00Z"},     // CET, +01:00
      {"2026-07-15T10:00:00", "Europe/Berlin", "2026-07-15T08:00:00Z"},     // CEST, +02:00
      {"2026-01-15T10:00:00", "America/New_York", "2026-01-15T15:00:00Z"},  // EST, -05:00
      {"2026-07-15T10:00:00", "America/New_York", "2026-07-15T14:00:00Z"},  // EDT, -04:00
      {"2026-07-15T10:00:00", "UTC", "2026-07-15T10:00:00Z"},
      // Past 2037, zoneinfo has rules instead of a list of transitions.
      {"2045-07-15T10:00:00", "Europe/Berlin", "2045-07-15T08:00:00Z"},
  };
  for (const Case& c : cases) {
    INFO(c.local << " " << c.tzid);
    const auto utc = local_to_utc(c.local, c.tzid);
    REQUIRE(utc);
    CHECK(util::format_iso(*utc) == c.utc);
    CHECK(utc_to_local(*utc, c.tzid) == c.local);
  }
  CHECK(local_to_utc("2026-01-15T10:00", "Europe/Berlin") == at("2026-01-15T09:00:00Z"));
}

TEST_CASE("local_to_utc reads DST edge times as RFC 5545 does", "[track]") {
  SECTION("a skipped time uses the offset from before the gap") {
    CHECK(local_to_utc("2026-03-29T02:30", "Europe/Berlin") == at("2026-03-29T01:30:00Z"));
    CHECK(utc_to_local(at("2026-03-29T01:30:00Z"), "Europe/Berlin") == "2026-03-29T03:30:00");
  }
  SECTION("a repeated time is its first occurrence") {
    CHECK(local_to_utc("2026-10-25T02:30", "Europe/Berlin") == at("2026-10-25T00:30:00Z"));
    CHECK(utc_to_local(at("2026-10-25T01:30:00Z"), "Europe/Berlin") == "2026-10-25T02:30:00");
  }
}

TEST_CASE("unknown zones and malformed times give nullopt", "[track]") {
  CHECK(known_time_zone("Europe/Berlin"));
  CHECK(known_time_zone("UTC"));
  CHECK_FALSE(known_time_zone("Mars/Olympus_Mons"));
  CHECK_FALSE(known_time_zone(""));
  CHECK_FALSE(known_time_zone("../../etc/passwd"));
  CHECK_FALSE(local_to_utc("2026-01-15T10:00", "Mars/Olympus_Mons"));
  CHECK_FALSE(utc_to_local(at("2026-01-15T10:00:00Z"), "Mars/Olympus_Mons"));
  CHECK_FALSE(local_to_utc("2026-02-30T10:00", "Europe/Berlin"));
  CHECK_FALSE(local_to_utc("2026-01-15T24:00", "Europe/Berlin"));
  CHECK_FALSE(local_to_utc("2026-01-15 10:00", "Europe/Berlin"));
  CHECK_FALSE(local_to_utc("tomorrow", "Europe/Berlin"));
}

const std::string kSummary = "Interview (phone), round 1; bring C:\\notes\nand a smile";

std::vector<CalendarEvent> sample_events() {
  return {
      CalendarEvent{.uid = "interview-1@hg",
                    .local_start = "2026-11-23T14:30",
                    .time_zone = "Europe/Berlin",
                    .duration_minutes = 45,
                    .summary = kSummary,
                    .description = "Line one\nLine two, with a comma\r\nLine three",
                    .location = "Acme GmbH, Friedrichstraße 1; Berlin",
                    .updated = "2026-11-21T07:10:49Z"},
      CalendarEvent{.uid = "interview-2@hg",
                    .local_start = "2026-07-01T09:00:00",
                    .time_zone = "America/New_York",
                    .summary = "Onsite: Staff Engineer at Initech",
                    .description = "",
                    .location = "",
                    .updated = "2026-11-21T07:10:49Z"},
      CalendarEvent{.uid = "interview-3@hg",
                    .local_start = "2026-12-01T16:00",
                    .time_zone = "UTC",
                    .summary = "Video call",
                    .description = "",
                    .location = "",
                    .updated = "2026-11-21T07:10:49Z"},
      CalendarEvent{.uid = "interview-4@hg",
                    .local_start = "2026-12-02T16:00",
                    .time_zone = "Europe/Berlin",
                    .summary = "Second round: Zoë Łukasz Ångström, Søren Kierkegaard, "
                               "Björk Guðmundsdóttir and Dvořák",
                    .description = "",
                    .location = "",
                    .updated = "2026-11-21T07:10:49Z"},
  };
}

TEST_CASE("to_icalendar writes a calendar libical parses without complaint", "[track]") {
  const auto events = sample_events();
  const std::string text = to_icalendar(events, "-//hg//hg 0.1//EN");
  INFO(text);
  Component calendar = parse(text);
  REQUIRE(calendar);
  REQUIRE(icalcomponent_isa(calendar.get()) == ICAL_VCALENDAR_COMPONENT);

  std::vector<std::string> errors;
  collect_errors(calendar.get(), errors);
  CHECK(errors.empty());
  CHECK(icalrestriction_check(calendar.get()) == 1);
  errors.clear();
  collect_errors(calendar.get(), errors);  // the restriction check reports by adding these
  CHECK(errors.empty());

  const auto vevents = children(calendar.get(), ICAL_VEVENT_COMPONENT);
  REQUIRE(vevents.size() == events.size());

  SECTION("every TZID used has exactly one VTIMEZONE, and UTC needs none") {
    std::multiset<std::string> defined;
    for (icalcomponent* zone : children(calendar.get(), ICAL_VTIMEZONE_COMPONENT)) {
      defined.insert(
          icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY)));
    }
    CHECK(defined == std::multiset<std::string>{"America/New_York", "Europe/Berlin"});
    CHECK_THAT(text, Catch::Contains("DTSTART;TZID=Europe/Berlin:20261123T143000\r\n"));
    CHECK_THAT(text, Catch::Contains("DTSTART:20261201T160000Z\r\n"));
  }

  SECTION("DTSTART resolved through the VTIMEZONE is the instant local_to_utc gives") {
    for (std::size_t i = 0; i < events.size(); ++i) {
      INFO(events[i].uid);
      const icaltimetype start = icalcomponent_get_dtstart(vevents[i]);
      REQUIRE(start.zone != nullptr);
      const auto expected = local_to_utc(events[i].local_start, events[i].time_zone);
      REQUIRE(expected);
      CHECK(icaltime_as_timet_with_zone(start, start.zone) == expected->time_since_epoch().count());
      CHECK(icaldurationtype_as_int(icalcomponent_get_duration(vevents[i])) ==
            events[i].duration_minutes * 60);
    }
  }

  SECTION("escaped text comes back unchanged") {
    CHECK(icalcomponent_get_uid(vevents[0]) == std::string("interview-1@hg"));
    CHECK(icalcomponent_get_summary(vevents[0]) == kSummary);
    CHECK(icalcomponent_get_description(vevents[0]) ==
          std::string("Line one\nLine two, with a comma\nLine three"));
    CHECK(icalcomponent_get_location(vevents[0]) ==
          std::string("Acme GmbH, Friedrichstraße 1; Berlin"));
    CHECK(icalcomponent_get_summary(vevents[3]) == events[3].summary);
    CHECK_THAT(text,
               Catch::Contains("SUMMARY:Interview (phone)\\, round 1\\; bring C:\\\\notes\\nand"));
  }

  SECTION("lines end in CRLF, fit in 75 octets and never split a UTF-8 character") {
    const auto lines = crlf_lines(text);
    bool folded_non_ascii = false;
    for (const std::string& line : lines) {
      INFO(line);
      CHECK(line.size() <= 75);
      CHECK_FALSE(util::first_invalid_utf8(line));
      const bool non_ascii = std::any_of(line.begin(), line.end(), [](char c) { return c & 0x80; });
      folded_non_ascii = folded_non_ascii || (line.starts_with(" ") && non_ascii);
    }
    CHECK(folded_non_ascii);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
  }
}

TEST_CASE("to_icalendar writes events in unknown zones in UTC", "[track]") {
  CalendarEvent event;
  event.uid = "x@hg";
  event.local_start = "2026-12-01T16:00";
  event.time_zone = "Mars/Olympus_Mons";
  event.summary = "Call";
  event.updated = "2026-11-21T07:10:49Z";
  const std::string text = to_icalendar(std::span(&event, 1), "-//hg//EN");
  CHECK_THAT(text, Catch::Contains("DTSTART:20261201T160000Z\r\n"));
  CHECK_THAT(text, !Catch::Contains("VTIMEZONE"));
  Component calendar = parse(text);
  REQUIRE(calendar);
  CHECK(icalrestriction_check(calendar.get()) == 1);
}

TEST_CASE("python's icalendar reads what to_icalendar writes", "[track]") {
  if (std::system("python3 -c 'import icalendar' >/dev/null 2>&1") != 0) {
    WARN("python3-icalendar is not installed: skipped");
    return;
  }
  testing::TempDir dir;
  const auto path = dir.write("hg.ics", to_icalendar(sample_events(), "-//hg//EN"));
  const std::string script =
      "import sys, icalendar\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
      "events = [c for c in cal.walk('VEVENT')]\n"
      "assert len(events) == 4, len(events)\n"
      "start = events[0].decoded('DTSTART')\n"
      "assert start.utcoffset().total_seconds() == 3600, start\n"
      "assert str(events[0]['SUMMARY']).startswith('Interview (phone), round 1;')\n";
  const auto script_path = dir.write("check.py", script);
  CHECK(std::system(("python3 '" + script_path.string() + "' '" + path.string() + "'").c_str()) ==
        0);
}

}  // namespace
}  // namespace hg::track
