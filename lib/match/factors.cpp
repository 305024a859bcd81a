// The factor functions: each turns what is known about a job and a seeker into [0, 1].
#include "match/factors.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "util/time.hpp"

namespace hg::match {
namespace {

constexpr std::array<std::string_view, kFactorCount> kFactorNames = {
    "skills", "title", "text", "seniority", "location", "salary", "visa", "recency"};

constexpr std::string_view kFamilies[] = {
    "",
    "software engineering", "devops/sre", "qa/testing", "security", "data engineering",
    "data science", "data analysis", "business analysis", "product management", "design",
    "project management", "it support", "sales", "marketing", "finance", "human resources",
    "legal", "operations", "customer support", "healthcare", "education", "hospitality",
    "sports and recreation", "civil engineering", "construction", "environmental",
    "mechanical engineering", "electrical engineering", "energy"};

// Families close enough that a move between them is plausible (both directions).
constexpr std::pair<std::string_view, std::string_view> kRelated[] = {
    {"software engineering", "devops/sre"},  {"software engineering", "qa/testing"},
    {"software engineering", "security"},    {"software engineering", "data engineering"},
    {"devops/sre", "security"},              {"devops/sre", "it support"},
    {"data engineering", "data science"},    {"data engineering", "data analysis"},
    {"data science", "data analysis"},       {"data analysis", "business analysis"},
    {"business analysis", "product management"}, {"product management", "project management"},
    {"product management", "design"},        {"sales", "marketing"},
    {"sales", "customer support"},           {"finance", "business analysis"},
    {"civil engineering", "construction"},   {"civil engineering", "environmental"},
    {"mechanical engineering", "electrical engineering"}, {"electrical engineering", "energy"},
    {"environmental", "energy"},             {"operations", "project management"}};

// Rungs with the years of experience they usually ask for.
constexpr std::string_view kRungs[] = {"intern", "junior", "mid", "senior", "staff",
                                       "principal", "lead", "manager", "director", "executive"};
constexpr double kRungYears[] = {0, 1, 3, 6, 9, 12, 7, 8, 12, 15};

constexpr std::string_view kEmployment[] = {"",          "full_time",  "part_time", "contract",
                                            "temporary", "internship", "volunteer", "per_diem",
                                            "other"};

// Remote regions hg's location parser writes, with the countries they contain. Countries
// not listed under a region simply do not match it (a remote job is then scored as closed
// to the seeker's country).
struct RegionCountries {
  std::string_view region;
  std::string_view countries;  // space-separated ISO alpha-2
};
constexpr std::string_view kEu =
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";
constexpr std::string_view kEurope =
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB NO CH "
    "IS UA RS BA AL MK ME MD LI MC AD SM";
constexpr RegionCountries kRegions[] = {
    {"EU", kEu},
    {"Europe", kEurope},
    {"EMEA", ""},  // special-cased: Europe + Middle East + Africa
    {"North America", "US CA MX"},
    {"Americas", ""},  // special-cased: North + Latin America
    {"LATAM", "MX GT BZ SV HN NI CR PA CU DO HT PR CO VE EC PE BO CL AR UY PY BR"},
    {"Latin America", "MX GT BZ SV HN NI CR PA CU DO HT PR CO VE EC PE BO CL AR UY PY BR"},
    {"APAC", "AU NZ JP KR CN HK TW SG MY TH VN PH ID IN PK BD LK NP"},
    {"Asia", "JP KR CN HK TW SG MY TH VN PH ID IN PK BD LK NP AE SA IL TR QA KW BH OM"},
    {"Middle East", "AE SA IL TR QA KW BH OM JO LB EG IR IQ"},
    {"Africa", "ZA NG KE EG MA GH TZ UG ET TN DZ RW SN CI CM"},
    {"UK", "GB"},
    {"DACH", "DE AT CH"},
    {"Nordics", "DK FI IS NO SE"},
    {"Benelux", "BE NL LU"},
    {"Oceania", "AU NZ"},
    {"Worldwide", "*"},
    {"Global", "*"},
    {"Anywhere", "*"},
};

bool listed(std::string_view list, std::string_view country) {
  if (list == "*") return true;
  for (std::size_t at = 0; at + 2 <= list.size(); at += 3) {
    if (list.substr(at, 2) == country) return true;
  }
  return false;
}

bool region_contains(std::string_view region, std::string_view country) {
  if (region == "EMEA") {
    return region_contains("Europe", country) || region_contains("Middle East", country) ||
           region_contains("Africa", country);
  }
  if (region == "Americas") {
    return region_contains("North America", country) || region_contains("LATAM", country);
  }
  for (const RegionCountries& entry : kRegions) {
    if (entry.region.size() == region.size() &&
        std::equal(region.begin(), region.end(), entry.region.begin(),
                   [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
      return listed(entry.countries, country);
    }
  }
  return false;
}

double clamp01(double value) { return std::clamp(value, 0.0, 1.0); }

std::string money(double amount) {
  return amount >= 1000 ? fmt::format("{:.0f}k", amount / 1000) : fmt::format("{:.0f}", amount);
}

}  // namespace

std::string_view factor_name(Factor factor) { return kFactorNames[static_cast<std::size_t>(factor)]; }

double Weights::share(Factor factor) const {
  double total = 0;
  for (double weight : raw) total += std::max(0.0, weight);
  if (total <= 0) return 0;
  return std::max(0.0, raw[static_cast<std::size_t>(factor)]) / total;
}

std::span<const std::string_view> families() { return kFamilies; }
std::span<const std::string_view> seniority_rungs() { return kRungs; }
std::span<const std::string_view> employment_types() { return kEmployment; }

std::uint8_t family_number(std::string_view family) {
  for (std::size_t i = 1; i < std::size(kFamilies); ++i) {
    if (kFamilies[i] == family) return static_cast<std::uint8_t>(i);
  }
  return 0;
}

std::int8_t seniority_number(std::string_view seniority) {
  for (std::size_t i = 0; i < std::size(kRungs); ++i) {
    if (kRungs[i] == seniority) return static_cast<std::int8_t>(i);
  }
  return -1;
}

std::uint8_t employment_number(std::string_view type) {
  for (std::size_t i = 1; i < std::size(kEmployment); ++i) {
    if (kEmployment[i] == type) return static_cast<std::uint8_t>(i);
  }
  return type.empty() ? 0 : static_cast<std::uint8_t>(std::size(kEmployment) - 1);
}

std::uint8_t remote_number(std::string_view mode) {
  if (mode == "onsite") return 1;
  if (mode == "hybrid") return 2;
  if (mode == "remote") return 3;
  return 0;
}

std::string_view remote_name(std::uint8_t number) {
  constexpr std::string_view kNames[] = {"", "onsite", "hybrid", "remote"};
  return number < 4 ? kNames[number] : "";
}

namespace {

constexpr std::size_t kFamilyCount = std::size(kFamilies);
using FamilyTable = std::array<std::array<double, kFamilyCount>, kFamilyCount>;

// Immutable once built (on first use): the ranking loop looks families up, never compares names.
const FamilyTable& family_table() {
  static const FamilyTable table = [] {
    FamilyTable t{};
    for (std::size_t a = 1; a < kFamilyCount; ++a) {
      t[a][a] = 1;
      for (std::size_t b = 1; b < kFamilyCount; ++b) {
        for (const auto& [p, q] : kRelated) {
          if ((p == kFamilies[a] && q == kFamilies[b]) || (p == kFamilies[b] && q == kFamilies[a])) t[a][b] = 0.5;
        }
      }
    }
    return t;
  }();
  return table;
}

// 0.5^(days / 30) for 0..kRecencyDays days: pow() once per day, not once per job.
constexpr int kRecencyDays = 4096;
const std::array<double, kRecencyDays>& recency_table() {
  static const std::array<double, kRecencyDays> table = [] {
    std::array<double, kRecencyDays> t{};
    for (int day = 0; day < kRecencyDays; ++day) t[static_cast<std::size_t>(day)] = std::pow(0.5, day / 30.0);
    return t;
  }();
  return table;
}

}  // namespace

double family_similarity(std::uint8_t a, std::uint8_t b) {
  if (a >= kFamilyCount || b >= kFamilyCount) return 0;
  return family_table()[a][b];
}

bool region_admits(std::span<const std::string> regions, std::string_view country) {
  if (regions.empty()) return true;
  if (country.empty()) return true;  // nothing says the seeker is outside
  for (const std::string& region : regions) {
    if (region.size() == 2 && region == country) return true;
    if (region_contains(region, country)) return true;
  }
  return false;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

std::optional<std::int32_t> day_number(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  auto time = util::parse_iso(iso.substr(0, 10));
  if (!time) return std::nullopt;
  return static_cast<std::int32_t>(time->time_since_epoch().count() / 86400);
}

// Skills: how much of the job's skill weight the seeker covers, and how much of the seeker's
// skill set the job uses. A required skill weighs 2, an unsaid one 1.5, a nice-to-have 1. A
// skill only implied by the seeker's skills (React implies JavaScript) counts 0.8; one held
// for under a year counts 0.8 as well. Coverage is smoothed, (covered + 0.5) / (total + 2),
// so a job naming one skill is not a perfect fit on that alone; depth is the matched skills
// over min(4, the seeker's skills). Value = 0.7 coverage + 0.3 depth. A job that lists no
// skills gets 0.25: no evidence either way.
FactorValue skills_value(std::span<const SkillHit> hits, std::size_t seeker_skills, bool detail) {
  FactorValue out;
  if (hits.empty()) {
    out.value = 0.25;
    if (detail) out.note = "the job lists no skills";
    return out;
  }
  double total = 0, covered = 0;
  int have = 0, required = 0, required_have = 0;
  for (const SkillHit& hit : hits) {
    const double weight = hit.required == 1 ? 2.0 : hit.required == 0 ? 1.0 : 1.5;
    total += weight;
    if (hit.required == 1) ++required;
    if (hit.has == Has::no) continue;
    ++have;
    if (hit.required == 1) ++required_have;
    double credit = hit.has == Has::yes ? 1.0 : 0.8;
    if (hit.years >= 0 && hit.years < 1) credit *= 0.8;
    covered += weight * credit;
  }
  const double coverage = (covered + 0.5) / (total + 2.0);
  const double wanted = static_cast<double>(std::min<std::size_t>(4, seeker_skills));
  const double depth = wanted > 0 ? std::min(1.0, have / wanted) : 0.0;
  out.value = clamp01(0.7 * coverage + 0.3 * depth);
  if (detail) {
    out.note = fmt::format("{}/{} skills", have, hits.size());
    if (required > 0) out.note += fmt::format(", {}/{} required", required_have, required);
  }
  return out;
}

// Seniority: the years the job's rung usually asks for against the seeker's. Short of them
// costs 0.2 a year. For intern, junior and mid roles, more than five years over costs 0.1 a
// year, down to 0.4 (senior and higher roles take any number of years). Unknown rung: 0.7
// (most postings without one are mid-level); unknown years: 0.5.
FactorValue seniority_value(const Seeker& seeker, const JobFacts& job, bool detail) {
  FactorValue out;
  if (!seeker.years) {
    out.value = 0.5;
    if (detail) out.note = "years of experience unknown";
    return out;
  }
  if (job.seniority < 0) {
    out.value = 0.7;
    if (detail) out.note = "the job does not say its level";
    return out;
  }
  const double wanted = kRungYears[static_cast<std::size_t>(job.seniority)];
  const double gap = wanted - *seeker.years;
  if (gap > 0) out.value = clamp01(1.0 - 0.2 * gap);
  else if (job.seniority > seniority_number("mid") || -gap <= 5) out.value = 1.0;
  else out.value = std::max(0.4, 1.0 - 0.1 * (-gap - 5));
  if (detail) {
    out.note = fmt::format("{} role, {:.0f} years", kRungs[static_cast<std::size_t>(job.seniority)],
                           *seeker.years);
  }
  return out;
}

// Location: remote jobs open to the seeker's country score 1 (0.1 when their regions exclude
// it; 0.8 for a seeker who wants to be on site). Other jobs by distance: 1 within 25 km,
// then halving every 50 km, down to 0.05; a seeker who wants remote work gets 0.3 of that
// for on-site jobs and 0.6 for hybrid ones. Without coordinates: same country 0.5, another
// country 0.1, unknown 0.4.
FactorValue location_value(const Seeker& seeker, const JobFacts& job, bool regions_admit,
                           bool detail) {
  FactorValue out;
  const std::string_view country(job.country, job.country[0] == 0 ? 0 : 2);
  if (job.remote == 3) {
    if (!regions_admit) {
      out.value = 0.1;
      if (detail) out.note = "remote, but not from " + seeker.country;
    } else {
      out.value = seeker.remote == 1 ? 0.8 : 1.0;
      if (detail) out.note = "remote";
    }
    return out;
  }
  double base = 0.4;
  std::string why = "place unknown";
  if (!std::isnan(job.lat) && !std::isnan(seeker.lat)) {
    // The latitude difference alone bounds the distance from below; past ~241 km the value
    // is at its floor, so the trigonometry is skipped for far jobs (same value either way).
    const double at_least = std::abs(static_cast<double>(job.lat) - seeker.lat) * 111.0;
    const double km = detail || at_least < 300 ? distance_km(seeker.lat, seeker.lon, job.lat, job.lon) : at_least;
    base = km <= 25 ? 1.0 : std::max(0.05, std::pow(0.5, (km - 25) / 50));
    if (detail) why = fmt::format("{:.0f} km away", km);
  } else if (!country.empty() && !seeker.country.empty()) {
    base = country == seeker.country ? 0.5 : 0.1;
    if (detail) why = country == seeker.country ? "same country" : "another country";
  }
  double mode = 1.0;
  if (seeker.remote == 3) mode = job.remote == 2 ? 0.6 : 0.3;
  out.value = clamp01(base * mode);
  if (detail) {
    out.note = why;
    if (job.remote == 2) out.note += ", hybrid";
    else if (job.remote == 1) out.note += ", on site";
  }
  return out;
}

// Salary: the job's annual range (reporting currency) against the seeker's floor. 1 when
// the top of the range reaches it, falling linearly to 0 at half of it. Unknown on either
// side: 0.5.
FactorValue salary_value(const Seeker& seeker, const JobFacts& job, bool detail) {
  FactorValue out;
  const bool known = !std::isnan(job.salary_hi);
  if (!seeker.min_salary || !known) {
    out.value = 0.5;
    if (detail) {
      out.note = known ? fmt::format("pays up to {}", money(job.salary_hi))
                       : "salary not given";
    }
    return out;
  }
  const double want = *seeker.min_salary;
  const double top = job.salary_hi;
  out.value = top >= want ? 1.0 : clamp01(1.0 - (want - top) / (0.5 * want));
  if (detail) {
    out.note = top >= want ? fmt::format("up to {} (want {})", money(top), money(want))
                           : fmt::format("up to {}, below {}", money(top), money(want));
  }
  return out;
}

// Visa: 1 for a seeker who needs none (or did not say). For one who needs sponsorship: 1
// when the job offers it, 0.8 when the company is on a sponsor register, 0.4 when unknown,
// 0 when the job says it does not sponsor.
FactorValue visa_value(const Seeker& seeker, const JobFacts& job, bool detail) {
  FactorValue out;
  if (!seeker.needs_visa.value_or(false)) {
    out.value = 1.0;
    if (detail) out.note = "no sponsorship needed";
    return out;
  }
  if (job.visa == 1) out.value = 1.0;
  else if (job.visa == 0) out.value = 0.0;
  else out.value = job.sponsor ? 0.8 : 0.4;
  if (detail) {
    out.note = job.visa == 1 ? "sponsors visas"
               : job.visa == 0 ? "does not sponsor"
               : job.sponsor    ? "company on a sponsor register"
                                : "sponsorship not stated";
  }
  return out;
}

// Recency: halves every 30 days since the job was posted (or first seen); 0.3 when unknown.
FactorValue recency_value(const JobFacts& job, std::int32_t today, bool detail) {
  FactorValue out;
  if (job.posted_day == INT32_MIN) {
    out.value = 0.3;
    if (detail) out.note = "date unknown";
    return out;
  }
  const int age = std::max(0, today - job.posted_day);
  out.value = age < kRecencyDays ? recency_table()[static_cast<std::size_t>(age)] : 0.0;
  if (detail) {
    out.note = job.first_seen_only ? fmt::format("first seen {} days ago (no posting date)", age)
                                   : fmt::format("{} days old", age);
  }
  return out;
}

FactorValue title_value(const Seeker& seeker, const JobFacts& job, double title_relevance,
                        bool detail) {
  FactorValue out;
  const double family = family_similarity(seeker.family, job.family);
  out.value = clamp01(0.4 * family + 0.6 * clamp01(title_relevance));
  if (detail) {
    const std::string_view name = kFamilies[job.family];
    out.note = family >= 1    ? fmt::format("same family ({})", name)
               : family > 0   ? fmt::format("related family ({})", name)
               : job.family   ? fmt::format("other family ({})", name)
                              : std::string("family unknown");
    out.note += fmt::format(", title words {:.0f}%", 100 * clamp01(title_relevance));
  }
  return out;
}

}  // namespace hg::match
