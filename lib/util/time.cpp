#include "util/time.hpp"

#include <cctype>

#include <fmt/format.h>

namespace hg::util {
namespace {

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  std::optional<int> digits(std::size_t count) {
    if (pos + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      char c = text[pos + i];
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
  }
};

struct Parsed {
  TimePoint time;
  bool has_time = false;
};

std::optional<Parsed> parse(std::string_view text) {
  Cursor in{text};
  auto year = in.digits(4);
  if (!year || !in.take('-')) return std::nullopt;
  auto month = in.digits(2);
  if (!month || !in.take('-')) return std::nullopt;
  auto day = in.digits(2);
  if (!day) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*year},
                                  std::chrono::month{static_cast<unsigned>(*month)},
                                  std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  TimePoint time{std::chrono::sys_days{ymd}};
  if (in.done()) return Parsed{time, false};
  if (!in.take('T') && !in.take(' ')) return std::nullopt;
  auto hour = in.digits(2);
  if (!hour || !in.take(':')) return std::nullopt;
  auto minute = in.digits(2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (in.take(':')) {
    auto s = in.digits(2);
    if (!s) return std::nullopt;
    second = *s;
    if (in.take('.')) {
      while (std::isdigit(static_cast<unsigned char>(in.peek()))) ++in.pos;
    }
  }
  if (*hour > 23 || *minute > 59 || second > 60) return std::nullopt;
  time += std::chrono::hours{*hour} + std::chrono::minutes{*minute} + std::chrono::seconds{second};
  if (in.take('Z') || in.done()) {
    if (!in.done()) return std::nullopt;
    return Parsed{time, true};
  }
  int sign = in.take('+') ? 1 : (in.take('-') ? -1 : 0);
  if (sign == 0) return std::nullopt;
  auto off_hour = in.digits(2);
  if (!off_hour) return std::nullopt;
  in.take(':');
  auto off_minute = in.digits(2);
  if (!off_minute || !in.done() || *off_hour > 23 || *off_minute > 59) return std::nullopt;
  time -= sign * (std::chrono::hours{*off_hour} + std::chrono::minutes{*off_minute});
  return Parsed{time, true};
}

}  // namespace

Clock::Clock()
    : now_([] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }) {}

Clock::Clock(TimePoint fixed) : now_([fixed] { return fixed; }) {}

std::string format_iso(TimePoint time) {
  const auto days = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{time - days};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::optional<TimePoint> parse_iso(std::string_view text) {
  auto parsed = parse(text);
  if (!parsed) return std::nullopt;
  return parsed->time;
}

std::optional<std::string> canonical_date(std::string_view text) {
  auto parsed = parse(text);
  if (!parsed) return std::nullopt;
  std::string iso = format_iso(parsed->time);
  if (!parsed->has_time) iso.resize(10);
  return iso;
}

}  // namespace hg::util
