// The scoring model: eight factors, each a value in [0, 1], weighted into one score in [0, 1].
// Every factor of a job is computed by one function here, for forward and reverse ranking.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hg::match {

enum class Factor : std::uint8_t {
  skills, title, text, seniority, location, salary, visa, recency
};
inline constexpr std::size_t kFactorCount = 8;
// "skills", "title", ... as in config keys (match.weight.NAME) and output fields.
std::string_view factor_name(Factor factor);
inline constexpr std::array<Factor, kFactorCount> kFactors = {
    Factor::skills,    Factor::title,  Factor::text, Factor::seniority,
    Factor::location, Factor::salary, Factor::visa, Factor::recency};

// Relative weights (any non-negative numbers; they are divided by their sum). Defaults are
// the config defaults of match.weight.* (see `man hg-match`).
struct Weights {
  std::array<double, kFactorCount> raw = {35, 20, 10, 10, 10, 5, 5, 5};
  // The weight of `factor` divided by the sum of all weights (0 when they sum to 0).
  double share(Factor factor) const;
  double& operator[](Factor factor) { return raw[static_cast<std::size_t>(factor)]; }
};

// What is known about a job, compact: the index holds one per job.
inline constexpr float kUnknown = NAN;
struct JobFacts {
  std::int64_t id = 0;
  float lat = kUnknown, lon = kUnknown;
  float salary_lo = kUnknown, salary_hi = kUnknown;  // annual, reporting currency
  std::int32_t posted_day = INT32_MIN;  // days since 1970-01-01; INT32_MIN unknown
  std::uint32_t company = 0;            // index's company key number (for diversity)
  std::uint32_t cluster_size = 1;       // postings in the dedup cluster
  std::uint32_t skills_begin = 0;       // into the index's skill entries
  std::uint32_t title_begin = 0;        // into the index's title words
  std::uint16_t skills_count = 0;
  std::uint16_t regions = 0;            // index's remote-region set number; 0 none
  std::uint8_t title_count = 0;
  std::uint8_t remote = 0;              // 0 unknown, 1 onsite, 2 hybrid, 3 remote
  std::uint8_t family = 0;              // number in families(); 0 unknown
  std::int8_t seniority = -1;           // number in seniority_rungs(); -1 unknown
  std::int8_t visa = -1;                // 1 sponsors, 0 does not, -1 unknown
  std::uint8_t sponsor = 0;             // company is on a visa sponsor register
  std::uint8_t employment = 0;          // number in employment_types(); 0 unknown
  std::uint8_t closed = 0;
  std::uint8_t first_seen_only = 0;     // posted_day is when hg first saw it (no posting date)
  char country[2] = {0, 0};             // ISO 3166-1 alpha-2; zeros unknown
};

// Families of normalize::parse_title (index 0 is ""), rungs of seniority, employment types
// and remote modes by number.
std::span<const std::string_view> families();
std::span<const std::string_view> seniority_rungs();
std::span<const std::string_view> employment_types();
std::uint8_t family_number(std::string_view family);
std::int8_t seniority_number(std::string_view seniority);
std::uint8_t employment_number(std::string_view type);
std::uint8_t remote_number(std::string_view mode);
std::string_view remote_name(std::uint8_t number);
// "software engineering" ~ "devops/sre": 1 same, 0.5 related, 0 unrelated.
double family_similarity(std::uint8_t a, std::uint8_t b);

// Does a remote job open to `regions` ("US", "EU", "EMEA", ...) admit someone in `country`?
// True when the list is empty or names the country or a region containing it.
bool region_admits(std::span<const std::string> regions, std::string_view country);

// How a candidate stands on one skill a job lists.
enum class Has : std::uint8_t { no = 0, implied = 1, yes = 2 };
struct SkillHit {
  Has has = Has::no;
  std::int8_t required = -1;  // 1 must have, 0 nice to have, -1 unsaid
  float years = -1;           // candidate's years with it; -1 unknown
};

// The candidate side: what the ranking compares jobs to (built by query.hpp).
struct Seeker {
  std::optional<double> years;            // of experience
  float lat = kUnknown, lon = kUnknown;   // where they live
  std::string country;                    // ISO alpha-2; "" unknown
  std::uint8_t remote = 0;                // preference: 0 any, 1 onsite, 2 hybrid, 3 remote
  std::optional<double> min_salary;       // annual, reporting currency
  std::optional<bool> needs_visa;
  std::uint8_t family = 0;                // wanted title family; 0 unknown
};

// One factor's value with a short human note ("4/5 skills, 2/2 required").
struct FactorValue {
  double value = 0;  // in [0, 1]
  std::string note;
};

// Factor functions. `detail` false skips the note (hot loop).
// `seeker_skills`: how many skills the seeker lists (for depth).
FactorValue skills_value(std::span<const SkillHit> hits, std::size_t seeker_skills, bool detail);
FactorValue seniority_value(const Seeker& seeker, const JobFacts& job, bool detail);
// `regions_admit`: region_admits(the job's remote regions, seeker.country), which callers
// compute once per region set.
FactorValue location_value(const Seeker& seeker, const JobFacts& job, bool regions_admit,
                           bool detail);
FactorValue salary_value(const Seeker& seeker, const JobFacts& job, bool detail);
FactorValue visa_value(const Seeker& seeker, const JobFacts& job, bool detail);
FactorValue recency_value(const JobFacts& job, std::int32_t today, bool detail);
// title = 0.4 family similarity + 0.6 title-word relevance (normalised BM25, in [0, 1]).
FactorValue title_value(const Seeker& seeker, const JobFacts& job, double title_relevance,
                        bool detail);

// Great-circle distance in km.
double distance_km(double lat1, double lon1, double lat2, double lon2);

// Days since 1970-01-01 of an ISO date or date-time ("2026-11-21..."); nullopt unreadable.
std::optional<std::int32_t> day_number(std::string_view iso);

}  // namespace hg::match
