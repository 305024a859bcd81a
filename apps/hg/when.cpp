#include "when.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "track/ical.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

// The zone name /etc/localtime points at ("/usr/share/zoneinfo/Europe/Berlin" -> the last
// two parts), or "" when it is not a link into a zoneinfo tree.
std::string system_zone() {
  std::error_code error;
  const std::filesystem::path target = std::filesystem::read_symlink("/etc/localtime", error);
  if (error) return {};
  const std::string text = target.string();
  const std::size_t at = text.find("zoneinfo/");
  return at == std::string::npos ? std::string() : text.substr(at + 9);
}

}  // namespace

Result<std::string> time_zone(const Session& session, std::string_view flag) {
  std::string zone(flag);
  std::string from = "--tz";
  if (zone.empty()) {
    auto config = session.config();
    if (!config) return config.error();
    zone = (*config)->get("track.time_zone").value_or("");
    from = "config track.time_zone";
  }
  if (zone.empty()) {
    const char* tz = std::getenv("TZ");
    zone = tz == nullptr ? "" : tz;
    if (zone.starts_with(":")) zone.erase(0, 1);
    from = "TZ";
  }
  if (zone.empty()) {
    zone = system_zone();
    from = "/etc/localtime";
  }
  if (zone.empty()) return std::string("UTC");
  if (!track::known_time_zone(zone)) {
    Error error = fail(Errc::invalid_argument, "{}: unknown time zone \"{}\"", from, zone);
    error.hint = "use an IANA name such as Europe/Berlin, America/New_York or UTC";
    return error;
  }
  return zone;
}

Result<util::TimePoint> parse_when(std::string_view text, std::string_view zone,
                                   const util::Clock& clock, std::string_view option) {
  const std::string word = util::to_lower(util::trim(text));
  const util::TimePoint now = clock.now();
  auto midnight = [&](util::TimePoint at) -> Result<util::TimePoint> {
    auto local = track::utc_to_local(at, zone);
    if (!local) return fail(Errc::invalid_argument, "{}: unknown time zone \"{}\"", option, zone);
    auto start = track::local_to_utc(local->substr(0, 10) + "T00:00:00", zone);
    if (!start) return fail(Errc::invalid_argument, "{}: unknown time zone \"{}\"", option, zone);
    return *start;
  };
  if (word == "now") return now;
  if (word == "today") return midnight(now);
  if (word == "yesterday") return midnight(now - std::chrono::days(1));
  const bool has_time = word.size() > 10 && (word[10] == 't' || word[10] == ' ');
  const bool has_zone = has_time && (word.back() == 'z' || word.find('+', 10) != std::string::npos ||
                                     word.find('-', 10) != std::string::npos);
  if (has_zone) {
    if (auto at = util::parse_iso(text)) return *at;
  } else if (util::parse_iso(text)) {
    std::string local(util::trim(text));
    if (!has_time) local += "T00:00:00";
    local[10] = 'T';
    if (auto at = track::local_to_utc(local, zone)) return *at;
  }
  Error error = fail(Errc::invalid_argument, "{}: cannot read \"{}\" as a time", option, text);
  error.hint = "use now, today, yesterday, 2026-12-01 or 2026-12-01T14:00 (in your time zone)";
  return error;
}

Result<std::chrono::seconds> parse_span(std::string_view text, std::string_view option) {
  const std::string word = util::to_lower(util::trim(text));
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  const std::string unit = word.substr(digits);
  auto count = util::parse_int(word.substr(0, digits));
  std::chrono::seconds per{0};
  if (unit == "m" || unit == "min") per = std::chrono::minutes(1);
  else if (unit == "h") per = std::chrono::hours(1);
  else if (unit == "d") per = std::chrono::days(1);
  else if (unit == "w") per = std::chrono::weeks(1);
  else if (unit == "mo") per = std::chrono::days(30);
  if (!count || per.count() == 0 || *count > 100'000) {
    Error error = fail(Errc::invalid_argument, "{}: cannot read \"{}\" as a span", option, text);
    error.hint = "use a number and a unit: 90m, 36h, 7d, 2w, 3mo";
    return error;
  }
  return per * *count;
}

Result<std::string> instant_iso(const Session& session, std::string_view tz,
                                const std::string& text, std::string_view option, bool past_only) {
  if (text.empty()) return session.now_iso();
  auto zone = time_zone(session, tz);
  if (!zone) return zone.error();
  auto when = parse_when(text, *zone, session.clock(), option);
  if (!when) return when.error();
  if (past_only && *when > session.clock().now()) {
    return fail(Errc::invalid_argument, "{}: {} is in the future", option, util::format_iso(*when));
  }
  return util::format_iso(*when);
}

}  // namespace hg::cli
