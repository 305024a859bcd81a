#include "support/ical_check.hpp"

#include <memory>
#include <set>

#include <libical/ical.h>

namespace hg::testing {
namespace {

struct FreeComponent {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

void collect_errors(icalcomponent* component, std::vector<std::string>& out) {
  for (icalproperty* p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
    out.emplace_back(std::string("libical: ") + icalproperty_get_xlicerror(p));
  }
  for (icalcomponent* c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT);
       c != nullptr; c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
    collect_errors(c, out);
  }
}

}  // namespace

IcalSummary check_icalendar(const std::string& text) {
  IcalSummary summary;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    if (end == std::string::npos) {
      summary.problems.push_back("last line does not end in CRLF");
      break;
    }
    const std::string line = text.substr(start, end - start);
    if (line.find('\n') != std::string::npos) summary.problems.push_back("bare LF in: " + line);
    if (line.size() > 75) summary.problems.push_back("line over 75 octets: " + line);
    start = end + 2;
  }
  std::unique_ptr<icalcomponent, FreeComponent> calendar(icalparser_parse_string(text.c_str()));
  if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
    summary.problems.push_back("not a VCALENDAR");
    return summary;
  }
  collect_errors(calendar.get(), summary.problems);
  if (icalrestriction_check(calendar.get()) != 1) {
    summary.problems.push_back("icalrestriction_check failed");
    collect_errors(calendar.get(), summary.problems);
  }
  std::set<std::string> zones;
  for (icalcomponent* zone = icalcomponent_get_first_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
       zone != nullptr; zone = icalcomponent_get_next_component(calendar.get(), ICAL_VTIMEZONE_COMPONENT)) {
    icalproperty* tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY);
    if (tzid == nullptr) {
      summary.problems.push_back("VTIMEZONE without TZID");
      continue;
    }
    zones.insert(icalproperty_get_tzid(tzid));
    summary.time_zones.emplace_back(icalproperty_get_tzid(tzid));
  }
  for (icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
       event != nullptr; event = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
    ++summary.events;
    const char* text_summary = icalcomponent_get_summary(event);
    summary.summaries.emplace_back(text_summary == nullptr ? "" : text_summary);
    icalproperty* dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (dtstart == nullptr) {
      summary.problems.push_back("VEVENT without DTSTART");
      continue;
    }
    icalparameter* tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER);
    if (tzid != nullptr && !zones.contains(icalparameter_get_tzid(tzid))) {
      summary.problems.push_back(std::string("TZID without VTIMEZONE: ") + icalparameter_get_tzid(tzid));
    }
    const icaltimetype time = icalcomponent_get_dtstart(event);
    summary.starts.push_back(static_cast<long long>(icaltime_as_timet_with_zone(time, time.zone)));
  }
  return summary;
}

}  // namespace hg::testing
