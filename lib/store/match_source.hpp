// What matching reads from the store: the signature that dates a cached match index, the rows
// the index is built from (skills, job skills, cluster sizes, jobs), and the per-job reads of
// ranking (descriptions, the company's visa sponsorship).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

class Statement;

// A cheap summary of the jobs, skills and clusters, read with a few indexed aggregate
// queries: it changes with every insert, close, reopen, dedup decision, and update (updates
// move last_seen).
struct MatchSignature {
  std::int64_t max_id = 0;     // highest job id, 0 for none
  std::int64_t jobs = 0;       // rows in jobs
  std::int64_t open_jobs = 0;  // jobs not closed
  std::string last_seen;       // newest last_seen of an open job, "" for none
  std::int64_t clustered = 0;  // rows in job_clusters
  double cluster_sum = 0;      // sum of their cluster ids
  std::int64_t skills = 0;     // rows in skills
};

// The store's current signature. Errors: busy, failed.
Result<MatchSignature> match_signature(const Db& db);

struct MatchSkill {
  std::int64_t id = 0;
  std::string name;
};

// Calls `on_skill` for every skill in id order. Errors: busy, failed.
Result<void> for_each_match_skill(const Db& db, const std::function<void(MatchSkill&&)>& on_skill);

struct MatchJobSkill {
  std::int64_t job = 0;
  std::int64_t skill = 0;
  std::optional<bool> required;  // nullopt: the posting does not say
};

// Calls `on_row` for every row of job_skills in table order (not sorted by job).
// Errors: busy, failed.
Result<void> for_each_match_job_skill(const Db& db,
                                      const std::function<void(const MatchJobSkill&)>& on_row);

struct MatchClusterSize {
  std::int64_t cluster = 0;  // the canonical job's id
  std::int64_t members = 0;  // postings in the cluster (rows in job_clusters)
};

// Calls `on_cluster` once per dedup cluster, in no particular order. Errors: busy, failed.
Result<void> for_each_match_cluster_size(
    const Db& db, const std::function<void(const MatchClusterSize&)>& on_cluster);

// One job as the match index reads it. Text columns are "" for NULL.
struct MatchJobRow {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::int64_t> company_id;
  std::string company, country;
  std::optional<double> latitude, longitude;
  std::string remote, employment_type, seniority;
  std::optional<double> salary_min, salary_max;
  std::string salary_period;
  std::optional<double> salary_annual;
  std::optional<bool> visa_sponsorship;  // what the posting says
  std::string date_posted, first_seen, closed_at;
  std::string description;  // "" too on rows skipped by description_every
  std::string title_family;
  std::string remote_regions;  // '|'-separated
  std::optional<double> salary_reporting;
  bool company_sponsors_visas = false;  // the company is a known visa sponsor
};

struct MatchJobsOptions {
  // Read the description of every n-th row only (the 1st, the n+1-th, ...); others get "".
  // Values below 1 read every description.
  std::int64_t description_every = 1;
};

// Calls `on_job` for every job that heads its dedup cluster or is in none, closed ones
// included, in id order, one row at a time. Errors: busy, failed.
Result<void> for_each_match_job(const Db& db, const MatchJobsOptions& options,
                                const std::function<void(MatchJobRow&&)>& on_job);

// Reads job descriptions by id with one statement prepared once. Move-only; must not outlive
// the Db. Not safe to share between threads.
class JobDescriptionReader {
 public:
  // Errors: busy, failed.
  static Result<JobDescriptionReader> create(const Db& db);
  JobDescriptionReader(JobDescriptionReader&&) noexcept;
  JobDescriptionReader& operator=(JobDescriptionReader&&) noexcept;
  ~JobDescriptionReader();

  // The description of job `id`, "" when it has none or there is no such job.
  // Errors: busy, failed.
  Result<std::string> read(std::int64_t id);

 private:
  explicit JobDescriptionReader(std::unique_ptr<Statement> statement);
  std::unique_ptr<Statement> statement_;
};

// Whether the company of job `id` is a known visa sponsor: false when the job has no company
// (or there is no such job) or the company's visa_sponsor is NULL or 0. Errors: busy, failed.
Result<bool> company_sponsors_visas(const Db& db, std::int64_t id);

}  // namespace hg::store
