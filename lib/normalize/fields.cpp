#include "normalize/fields.hpp"

#include <algorithm>
#include <chrono>

#include "normalize/dates.hpp"
#include "normalize/employment.hpp"
#include "normalize/html_text.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

namespace hg::normalize {
namespace {

// Lower case with every run of non-alphanumerics turned into one "_".
std::string slug(std::string_view text) {
  std::string out;
  for (char c : util::to_lower(util::trim(text))) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

}  // namespace

std::string remote_mode(std::string_view text) {
  const std::string s = slug(text);
  if (s.empty() || s == "unknown" || s == "n_a" || s == "none") return {};
  if (contains(s, "hybrid")) return "hybrid";
  if (s == "true" || s == "yes" || s == "1" || contains(s, "remote") || s == "telecommute" ||
      contains(s, "work_from_home") || s == "wfh" || s == "anywhere") {
    return "remote";
  }
  if (s == "false" || s == "no" || s == "0" || contains(s, "onsite") || contains(s, "on_site") ||
      contains(s, "office") || s == "in_person") {
    return "onsite";
  }
  return {};
}

std::string employment_type(std::string_view text) {
  const std::string s = slug(text);
  std::string joined;
  for (char c : s) {
    if (c != '_') joined.push_back(c);
  }
  if (joined.empty()) return {};
  if (joined == "fulltime" || joined == "permanent" || joined == "fte") return "full_time";
  if (joined == "parttime") return "part_time";
  if (joined == "contract" || joined == "contractor") return "contract";
  if (joined == "freelance" || joined == "freelancer") return "freelance";
  if (joined == "temporary" || joined == "temp") return "temporary";
  if (joined == "internship" || joined == "intern" || joined == "werkstudent") return "internship";
  if (joined == "volunteer") return "volunteer";
  if (joined == "perdiem") return "per_diem";
  // One type named in another language ("Vollzeit", "CDI", "temps plein", "media jornada").
  // Longer values stay as they are: "Full-time, Contract" names two, and choosing is the
  // caller's business.
  if (std::count(s.begin(), s.end(), '_') <= 1) {
    if (std::string code = employment_type_from_text(text); !code.empty()) return code;
  }
  return s;
}

std::string salary_period(std::string_view text) {
  const std::string s = slug(text);
  if (s.empty()) return {};
  for (std::string_view year : {"year", "annual", "annum", "jahr"}) {
    if (s.starts_with(year) || s.ends_with(year)) return "year";  // yearly, per_annum
  }
  // Abbreviations only as whole words: "paid_hourly" starts with "pa" but is not yearly.
  for (std::string_view year : {"pa", "p_a", "yr"}) {
    if (s == year || s.ends_with(std::string("_") + std::string(year))) return "year";
  }
  if (contains(s, "hour") || s == "hr" || s == "h" || s == "per_hour") return "hour";
  if (contains(s, "month") || s == "mo" || s == "monat") return "month";
  if (contains(s, "week") || s == "wk") return "week";
  if (contains(s, "day") || contains(s, "daily") || s == "tag") return "day";
  return {};
}

std::optional<double> amount(std::string_view text) {
  std::string digits;
  double scale = 1;
  std::string_view rest = util::trim(text);
  if (!rest.empty() && (rest.back() == 'k' || rest.back() == 'K')) {
    scale = 1000;
    rest.remove_suffix(1);
  }
  for (char c : rest) {
    if ((c >= '0' && c <= '9') || c == '.') {
      digits.push_back(c);
    } else if (c == ',' || c == ' ' || c == '$' || c == '\'' || c == '_') {
      continue;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      continue;  // currency signs such as € £ ¥
    } else if (std::isalpha(static_cast<unsigned char>(c)) && digits.empty()) {
      continue;  // a currency code before the figure: "USD 90000"
    } else {
      return std::nullopt;
    }
  }
  // "85.000" and "1.250.000" use the dot to group thousands (European style): when every
  // group after a dot has exactly three digits, the dots are not a decimal point.
  if (digits.find('.') != std::string::npos) {
    const std::vector<std::string> groups = util::split(digits, '.');
    const bool thousands = groups.front().size() <= 3 && !groups.front().empty() &&
                           std::all_of(groups.begin() + 1, groups.end(),
                                       [](const std::string& group) { return group.size() == 3; });
    if (thousands) digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  }
  auto value = util::parse_double(digits);
  if (!value || *value < 0) return std::nullopt;
  return *value * scale;
}

std::optional<std::string> date(std::string_view text) { return parse_absolute_date(text); }

Description description(std::string_view text) {
  const std::string_view trimmed = util::trim(text);
  if (!looks_like_html(trimmed)) return {std::string(trimmed), {}};
  std::string html(trimmed);
  // Entity-escaped HTML ("&lt;p&gt;"): unescape once, then read it as HTML.
  if (html.find('<') == std::string::npos && html.find("&lt;") != std::string::npos) {
    html = html_to_text(html);
    if (!looks_like_html(html)) return {html, std::string(trimmed)};
  }
  return {html_to_text(html), html};
}

}  // namespace hg::normalize
