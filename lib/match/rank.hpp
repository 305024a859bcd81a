// Ranking: jobs for a seeker (forward), seekers for a job (reverse), and the skills whose
// absence costs the most matches (gaps). Every result carries its explanation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "match/factors.hpp"
#include "match/index.hpp"
#include "match/query.hpp"
#include "model/profile.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::match {

// Hard filters: a job failing one is not ranked at all.
struct Filters {
  std::uint8_t remote = 0;             // 3: remote only; 2: remote or hybrid; 1: onsite or hybrid
  std::string country;                 // job in this country, or remote and open to it
  std::optional<double> near_lat, near_lon;  // with radius_km: jobs with a place that close
  double radius_km = 50;
  std::optional<double> min_salary;    // drop jobs whose known range tops out below it
  bool visa = false;                   // drop jobs that say they do not sponsor
  std::optional<std::int32_t> since_day;  // posted (or first seen) on or after this day
  std::vector<std::uint8_t> types;     // employment_number()s; empty: any
  bool include_closed = false;
};

struct RankOptions {
  Weights weights;
  Filters filters;
  std::size_t limit = 20;
  std::size_t per_company = 3;   // at most this many results per company; 0: no cap
  double min_score = 0;
  std::int32_t today = 0;        // day_number() of "now", for recency
  // Jobs whose description relevance may be read (best upper bounds first). The ranking is
  // exact when the bound proves no other job can enter the top `limit` (Ranking::exact).
  std::size_t max_rescored = 2000;
};

// Why a job scored what it did. contribution[f] = weights.share(f) * factors[f].value, and
// score is their sum.
struct Explanation {
  std::array<FactorValue, kFactorCount> factors;
  std::array<double, kFactorCount> contribution = {};
  double score = 0;
  std::vector<std::string> matching;  // the job's skills the seeker has
  std::vector<std::string> implied;   // ... through another skill (React -> JavaScript)
  std::vector<std::string> missing;   // the job's skills the seeker lacks, required first
  // The two or three factors that did most for the score, as short phrases.
  std::vector<std::string> reasons;
};

struct Match {
  std::int64_t job_id = 0;
  std::uint32_t cluster_size = 1;
  Explanation explanation;
};

struct Ranking {
  std::vector<Match> matches;   // best first
  std::size_t eligible = 0;     // jobs that passed the hard filters
  std::size_t rescored = 0;     // descriptions read
  bool exact = true;            // false: max_rescored stopped the text pass early
};

// Errors: busy, failed (reading descriptions).
Result<Ranking> rank_jobs(const store::Db& db, const JobIndex& index, const Query& query,
                          const RankOptions& options);

// One sentence on why `upper` ranks above `lower`: the factors where it gains most, and any
// where it loses ("skills +0.120 (5/6 vs 3/6 skills), location +0.040; salary -0.020").
std::string why_above(const Explanation& upper, const Explanation& lower);

struct Gap {
  std::string skill;
  std::size_t asked = 0;  // relevant jobs that list it while the seeker lacks it
  std::size_t added = 0;  // of those, below the threshold now and at or above with it
};

struct Gaps {
  std::vector<Gap> skills;    // most added first, then most asked
  std::size_t relevant = 0;   // jobs that could reach the threshold with one more skill
  std::size_t above = 0;      // of those, already at or above it
  double threshold = 0.7;
  bool exact = true;          // false: more than max_rescored jobs were relevant
};

// Which missing skills would lift the most jobs to `threshold`: for every eligible job that
// one skill (with what it implies) could lift to the threshold, the score with each of its
// missing skills added. Errors: busy, failed.
Result<Gaps> skill_gaps(const store::Db& db, const JobIndex& index, const Query& query,
                        const RankOptions& options, double threshold);

struct Candidate {
  model::ProfileId profile_id = 0;
  std::string name;
  Explanation explanation;
};

// A stored profile's query, for reverse ranking.
struct NamedQuery {
  model::ProfileId id = 0;
  std::string name;
  Query query;
};

// Ranks `seekers` for the stored job `job_id`, with the same factors and weights as forward
// ranking (options.limit and min_score apply; filters do not). `stats` (optional) gives the
// word statistics for text relevance; without them every word counts the same. Errors:
// not_found (no such job), busy, failed.
Result<std::vector<Candidate>> rank_seekers(const store::Db& db, std::int64_t job_id,
                                            const std::vector<NamedQuery>& seekers,
                                            const JobIndex* stats, const RankOptions& options);

}  // namespace hg::match
