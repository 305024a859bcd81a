// Time for lib/: an injectable clock and ISO 8601 text, the store's only time format.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hg::util {

using TimePoint = std::chrono::sys_seconds;

// What lib/ asks for "now". Tests pass a fixed one; apps/ passes system_clock.
class Clock {
 public:
  // The real clock.
  Clock();
  // A clock that always says `fixed`.
  explicit Clock(TimePoint fixed);
  TimePoint now() const { return now_(); }

 private:
  std::function<TimePoint()> now_;
};

// "2026-11-21T07:10:49Z".
std::string format_iso(TimePoint time);

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z", "+hh:mm", "+hhmm" or nothing
// (taken as UTC), and a space instead of "T". nullopt for anything else or an impossible date.
std::optional<TimePoint> parse_iso(std::string_view text);

// Parses with parse_iso and prints the canonical form: a date stays a date ("2026-11-21"),
// a date-time becomes UTC "YYYY-MM-DDTHH:MM:SSZ". nullopt when parse_iso would fail.
std::optional<std::string> canonical_date(std::string_view text);

}  // namespace hg::util
