#include "normalize/dates.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

#include "util/strings.hpp"

namespace hg::normalize {
namespace {

using namespace std::chrono;

// A date field is a few words; anything longer is prose, and giving up keeps this bounded.
constexpr std::size_t kMaxTokens = 16;
constexpr std::size_t kMaxLength = 200;

enum class Kind { word, number, time, offset };

struct Token {
  std::string_view text;
  Kind kind = Kind::word;
  bool plus = false;  // "30+"
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80 || c == '\'';
}

// Splits lower-cased text into words, numbers, times ("14:02:00") and UTC offsets ("+0000").
// Everything else (spaces, commas, dots, brackets) separates. nullopt past kMaxTokens.
std::optional<std::vector<Token>> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char c = s[i];
    // A zone offset follows a space: "14:02:00 +0000", never "2025-0603".
    const bool offset = (c == '+' || c == '-') && i > 0 && s[i - 1] == ' ' && i + 5 <= s.size() &&
                        is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
                        is_digit(s[i + 4]) && (i + 5 == s.size() || !is_digit(s[i + 5]));
    if (offset) {
      tokens.push_back({s.substr(start, 5), Kind::offset});
      i += 5;
    } else if (is_digit(c) || (c == '+' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      if (c == '+') ++i;
      const std::size_t digits = i;
      while (i < s.size() && (is_digit(s[i]) || (s[i] == ':' && i + 1 < s.size() &&
                                                  is_digit(s[i + 1])))) {
        ++i;
      }
      const std::string_view text = s.substr(digits, i - digits);
      Token token{text, text.find(':') == std::string_view::npos ? Kind::number : Kind::time};
      if (i < s.size() && s[i] == '+') {
        token.plus = true;
        ++i;
      }
      tokens.push_back(token);
    } else if (is_letter(c)) {
      while (i < s.size() && is_letter(s[i])) ++i;
      tokens.push_back({s.substr(start, i - start), Kind::word});
    } else {
      ++i;
      continue;
    }
    if (tokens.size() > kMaxTokens) return std::nullopt;
  }
  return tokens;
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Month names and abbreviations (lower case, UTF-8) in EN, DE, FR, ES, NL.
unsigned month_of(std::string_view word) {
  struct Name {
    std::string_view name;
    unsigned month;
  };
  static constexpr std::array<Name, 62> kMonths = {{
      {"january", 1},   {"jan", 1},       {"januar", 1},     {"janvier", 1},  {"enero", 1},
      {"januari", 1},   {"february", 2},  {"feb", 2},        {"februar", 2},  {"février", 2},
      {"fevrier", 2},   {"febrero", 2},   {"februari", 2},   {"march", 3},    {"mar", 3},
      {"märz", 3},      {"mars", 3},      {"marzo", 3},      {"maart", 3},    {"april", 4},
      {"apr", 4},       {"avril", 4},     {"abril", 4},      {"may", 5},      {"mai", 5},
      {"mayo", 5},      {"mei", 5},       {"june", 6},       {"jun", 6},      {"juni", 6},
      {"juin", 6},      {"junio", 6},     {"july", 7},       {"jul", 7},      {"juli", 7},
      {"juillet", 7},   {"julio", 7},     {"august", 8},     {"aug", 8},      {"août", 8},
      {"agosto", 8},    {"augustus", 8},  {"september", 9},  {"sep", 9},      {"sept", 9},
      {"septembre", 9}, {"septiembre", 9}, {"october", 10},  {"oct", 10},     {"oktober", 10},
      {"octobre", 10},  {"octubre", 10},  {"november", 11},  {"nov", 11},     {"novembre", 11},
      {"noviembre", 11}, {"december", 12}, {"dec", 12},      {"dezember", 12}, {"décembre", 12},
      {"diciembre", 12}, {"dez", 12},
  }};
  for (const Name& m : kMonths) {
    if (m.name == word) return m.month;
  }
  return 0;
}

// RFC 2822 §4.3 obsolete zone names, plus the European ones RSS feeds use.
std::optional<int> zone_minutes(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 16> kZones = {{{"gmt", 0},
                                                   {"utc", 0},
                                                   {"ut", 0},
                                                   {"z", 0},
                                                   {"est", -300},
                                                   {"edt", -240},
                                                   {"cst", -360},
                                                   {"cdt", -300},
                                                   {"mst", -420},
                                                   {"mdt", -360},
                                                   {"pst", -480},
                                                   {"pdt", -420},
                                                   {"bst", 60},
                                                   {"cet", 60},
                                                   {"cest", 120},
                                                   {"mez", 60}}};
  for (const Zone& zone : kZones) {
    if (zone.name == word) return zone.minutes;
  }
  return std::nullopt;
}

std::optional<std::string> from_epoch(std::string_view trimmed) {
  auto epoch = util::parse_int(trimmed);
  // Below 100,000,000 (1973) a number is more likely a year ("2024") or a compact date
  // ("20240115") than a time stamp; reading it as seconds would make it a 1970 date.
  if (!epoch || *epoch < 100'000'000) return std::nullopt;
  std::int64_t secs = *epoch;
  if (secs > 100'000'000'000) secs /= 1000;        // milliseconds
  if (secs > 32'503'680'000) return std::nullopt;  // past year 3000: not a date
  return util::format_iso(util::TimePoint{seconds{secs}});
}

std::string format_date(sys_days day) { return util::format_iso(util::TimePoint{day}).substr(0, 10); }

std::optional<std::string> make_date(int y, int m, int d, std::optional<seconds> time_of_day,
                                     minutes offset) {
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 2999) return std::nullopt;
  if (!time_of_day) return format_date(sys_days{ymd});
  return util::format_iso(util::TimePoint{sys_days{ymd}} + *time_of_day - offset);
}

// "14:02", "14:02:00" -> seconds since midnight.
std::optional<seconds> time_of_day(std::string_view text) {
  const std::vector<std::string> parts = util::split(text, ':');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  int values[3] = {0, 0, 0};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty() || parts[i].size() > 2) return std::nullopt;
    values[i] = number(parts[i]);
  }
  if (values[0] > 23 || values[1] > 59 || values[2] > 60) return std::nullopt;
  return hours{values[0]} + minutes{values[1]} + seconds{values[2]};
}

// "03.06.2025", "3.6.2025 14:00", "2025/06/03", "15/06/2025" (day-first only when it must be).
std::optional<std::string> numeric_date(std::string_view text) {
  const std::size_t space = text.find(' ');
  const std::string_view date = text.substr(0, space);
  std::optional<seconds> time;
  if (space != std::string_view::npos) {
    time = time_of_day(util::trim(text.substr(space)));
    if (!time) return std::nullopt;
  }
  const char separator = date.find('.') != std::string_view::npos ? '.' : '/';
  const std::vector<std::string> parts = util::split(date, separator);
  if (parts.size() != 3) return std::nullopt;
  for (const std::string& part : parts) {
    if (part.empty() || part.size() > 4) return std::nullopt;
    for (char c : part) {
      if (!is_digit(c)) return std::nullopt;
    }
  }
  const int a = number(parts[0]), b = number(parts[1]), c = number(parts[2]);
  if (parts[0].size() == 4) return make_date(a, b, c, time, minutes{0});  // Y/M/D
  if (parts[2].size() != 4) return std::nullopt;
  if (separator == '.' || a > 12) return make_date(c, b, a, time, minutes{0});  // D.M.Y
  if (b > 12 || a == b) return make_date(c, a, b, time, minutes{0});  // M/D/Y, unambiguous
  return std::nullopt;  // "03/06/2025": June or March, depending on who wrote it
}

// Day, month name and year in any order with optional time and zone: RFC 2822 and prose dates.
std::optional<std::string> textual_date(const std::vector<Token>& tokens) {
  int day_of_month = 0, month_number = 0, year_number = 0;
  std::optional<seconds> time;
  minutes offset{0};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind == Kind::number) {
      if (token.text.size() == 4 && year_number == 0) {
        year_number = number(token.text);
      } else if (token.text.size() <= 2 && day_of_month == 0) {
        day_of_month = number(token.text);
      } else {
        return std::nullopt;
      }
    } else if (token.kind == Kind::time) {
      if (time) return std::nullopt;
      time = time_of_day(token.text);
      if (!time) return std::nullopt;
    } else if (token.kind == Kind::offset) {
      const int value = number(token.text.substr(1));
      const minutes size{(value / 100) * 60 + value % 100};
      offset = token.text[0] == '-' ? -size : size;
    } else if (unsigned m = month_of(token.text); m != 0) {
      if (month_number != 0) return std::nullopt;
      month_number = static_cast<int>(m);
    } else if (auto zone = zone_minutes(token.text)) {
      offset = minutes{*zone};
    } else if (time && (token.text == "pm" || token.text == "am")) {
      const auto hour = duration_cast<hours>(*time).count();
      if (hour > 12) return std::nullopt;
      if (token.text == "pm" && hour < 12) *time += hours{12};
      if (token.text == "am" && hour == 12) *time -= hours{12};
    }
    // Any other word (weekday, "de", "posted", "on", ordinal "rd") is allowed and ignored.
  }
  if (day_of_month == 0 || month_number == 0 || year_number == 0) return std::nullopt;
  return make_date(year_number, month_number, day_of_month, time, offset);
}

enum class Unit { none, minute, hour, day, week, month, year };

Unit unit_of(std::string_view word) {
  struct Name {
    std::string_view name;
    Unit unit;
  };
  static constexpr std::array<Name, 53> kUnits = {{
      {"minute", Unit::minute}, {"minutes", Unit::minute}, {"min", Unit::minute},
      {"mins", Unit::minute},   {"minuten", Unit::minute}, {"minuto", Unit::minute},
      {"minutos", Unit::minute}, {"minuut", Unit::minute}, {"hour", Unit::hour},
      {"hours", Unit::hour},    {"hr", Unit::hour},        {"hrs", Unit::hour},
      {"h", Unit::hour},        {"stunde", Unit::hour},    {"stunden", Unit::hour},
      {"heure", Unit::hour},    {"heures", Unit::hour},    {"hora", Unit::hour},
      {"horas", Unit::hour},    {"uur", Unit::hour},       {"day", Unit::day},
      {"days", Unit::day},      {"d", Unit::day},          {"tag", Unit::day},
      {"tagen", Unit::day},     {"jour", Unit::day},       {"jours", Unit::day},
      {"día", Unit::day},       {"días", Unit::day},       {"dia", Unit::day},
      {"dias", Unit::day},      {"dag", Unit::day},        {"dagen", Unit::day},
      {"week", Unit::week},     {"weeks", Unit::week},     {"woche", Unit::week},
      {"wochen", Unit::week},   {"semaine", Unit::week},   {"semaines", Unit::week},
      {"semana", Unit::week},   {"semanas", Unit::week},   {"weken", Unit::week},
      {"month", Unit::month},   {"months", Unit::month},   {"monat", Unit::month},
      {"monaten", Unit::month}, {"mois", Unit::month},     {"mes", Unit::month},
      {"meses", Unit::month},   {"maand", Unit::month},    {"maanden", Unit::month},
      {"year", Unit::year},     {"years", Unit::year},
  }};
  static constexpr std::array<Name, 10> kMoreUnits = {{{"jahr", Unit::year},
                                                       {"jahren", Unit::year},
                                                       {"an", Unit::year},
                                                       {"ans", Unit::year},
                                                       {"année", Unit::year},
                                                       {"années", Unit::year},
                                                       {"año", Unit::year},
                                                       {"años", Unit::year},
                                                       {"jaar", Unit::year},
                                                       {"jaren", Unit::year}}};
  for (const Name& n : kUnits) {
    if (n.name == word) return n.unit;
  }
  for (const Name& n : kMoreUnits) {
    if (n.name == word) return n.unit;
  }
  return Unit::none;
}

// "a", "an", "one", "un", "une", "ein(e|em|er|en)", "una", "uno", "een" count as 1.
bool is_one(std::string_view word) {
  for (std::string_view one : {"a", "an", "one", "un", "une", "ein", "eine", "einem", "einer",
                               "einen", "una", "uno", "een"}) {
    if (word == one) return true;
  }
  return false;
}

bool has_word(const std::vector<Token>& tokens, std::string_view word) {
  for (const Token& token : tokens) {
    if (token.kind == Kind::word && token.text == word) return true;
  }
  return false;
}

// A word that means "now-ish" or a whole-day offset: today 0, yesterday 1, ... ; -1 if none.
int day_word(const std::vector<Token>& tokens) {
  static constexpr std::array<std::pair<std::string_view, int>, 22> kDays = {{
      {"today", 0},      {"now", 0},        {"just", 0},       {"moments", 0},
      {"heute", 0},      {"gerade", 0},     {"aujourd'hui", 0}, {"aujourd’hui", 0},
      {"instant", 0},    {"hoy", 0},        {"ahora", 0},      {"vandaag", 0},
      {"zojuist", 0},    {"yesterday", 1},  {"gestern", 1},    {"hier", 1},
      {"ayer", 1},       {"gisteren", 1},   {"vorgestern", 2}, {"anteayer", 2},
      {"eergisteren", 2}, {"avant-hier", 2},
  }};
  for (const auto& [word, days] : kDays) {
    if (!has_word(tokens, word)) continue;
    if (word == "hier" && has_word(tokens, "avant")) return 2;
    return days;
  }
  return -1;
}

std::optional<std::string> relative_date(const std::vector<Token>& tokens,
                                         util::TimePoint fetched_at) {
  const bool marked = has_word(tokens, "ago") || has_word(tokens, "vor") ||
                      has_word(tokens, "il") || has_word(tokens, "hace") ||
                      has_word(tokens, "geleden");
  const sys_days today = floor<days>(fetched_at);
  for (std::size_t i = 0; marked && i + 1 < tokens.size(); ++i) {
    const Token& count = tokens[i];
    int n = 0;
    if (count.kind == Kind::number && count.text.size() <= 4) {
      n = number(count.text);
    } else if (count.kind == Kind::word && is_one(count.text)) {
      n = 1;
    } else {
      continue;
    }
    const Unit unit = tokens[i + 1].kind == Kind::word ? unit_of(tokens[i + 1].text) : Unit::none;
    switch (unit) {
      case Unit::none:
        continue;
      case Unit::minute:
        return util::format_iso(fetched_at - minutes{n});
      case Unit::hour:
        return util::format_iso(fetched_at - hours{n});
      case Unit::day:
        return format_date(today - days{n});
      case Unit::week:
        return format_date(today - days{7 * n});
      case Unit::month:
      case Unit::year: {
        const year_month_day ymd{today};
        year_month ym = ymd.year() / ymd.month();
        ym -= unit == Unit::month ? months{n} : months{12 * n};
        const year_month_day last{ym / std::chrono::last};
        const year_month_day back{ym / std::min(ymd.day(), last.day())};
        return format_date(sys_days{back});
      }
    }
  }
  if (const int back = day_word(tokens); back >= 0) return format_date(today - days{back});
  return std::nullopt;
}

std::optional<std::string> absolute(std::string_view trimmed, const std::vector<Token>& tokens) {
  if (auto iso = util::canonical_date(trimmed)) return iso;
  for (std::string_view suffix : {" UTC", " GMT", " utc", " gmt"}) {
    if (trimmed.ends_with(suffix)) {
      if (auto iso = util::canonical_date(trimmed.substr(0, trimmed.size() - suffix.size()))) {
        return iso;
      }
    }
  }
  if (auto epoch = from_epoch(trimmed)) return epoch;
  if (!trimmed.empty() && is_digit(trimmed[0])) {
    if (auto numeric = numeric_date(trimmed)) return numeric;
  }
  return textual_date(tokens);
}

}  // namespace

std::optional<std::string> parse_absolute_date(std::string_view text) {
  const std::string_view trimmed = util::trim(text);
  if (trimmed.empty() || trimmed.size() > kMaxLength) return std::nullopt;
  const std::string lower = util::to_lower(trimmed);
  auto tokens = tokenize(lower);
  if (!tokens) return std::nullopt;
  return absolute(trimmed, *tokens);
}

std::optional<std::string> parse_date(std::string_view text, util::TimePoint fetched_at) {
  const std::string_view trimmed = util::trim(text);
  if (trimmed.empty() || trimmed.size() > kMaxLength) return std::nullopt;
  const std::string lower = util::to_lower(trimmed);
  auto tokens = tokenize(lower);
  if (!tokens) return std::nullopt;
  if (auto date = absolute(trimmed, *tokens)) return date;
  return relative_date(*tokens, fetched_at);
}

}  // namespace hg::normalize
