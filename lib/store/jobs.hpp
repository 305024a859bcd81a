// The jobs repository: insert-or-update by identity, find, filtered listing, streaming export.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/job.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

enum class UpsertOutcome { inserted, updated, unchanged };

struct Upserted {
  model::JobId id = 0;
  UpsertOutcome outcome = UpsertOutcome::inserted;
};

// Writes jobs with statements prepared once, for batches. The caller owns the transaction
// (store::Transaction) so it decides how many jobs one commit holds, and must call flush()
// before committing it: new jobs reach the full-text index there, all at once.
// Identity: (source, external_id) when external_id is set, else canonical_url, else the
// content hash. A job whose mapped content is unchanged is not written at all.
class JobWriter {
 public:
  static Result<JobWriter> create(const Db& db);
  JobWriter(JobWriter&&) noexcept;
  ~JobWriter();

  // `now` (ISO 8601 UTC) fills first_seen / last_seen when the job has none.
  // Errors: busy, failed.
  Result<Upserted> upsert(const model::Job& job, std::string_view now);
  // The same, with content_hash(job) already computed (on another thread, say).
  Result<Upserted> upsert(const model::Job& job, std::string_view now, const std::string& hash);

  // Adds the jobs inserted or updated since the last flush to the full-text index and writes
  // their job_skills rows. Call it inside the transaction, before its commit: until then
  // those jobs are not found by text search nor have skills (never wrongly found, and the
  // index stays consistent). Errors: busy, failed.
  Result<void> flush();

 private:
  struct Statements;
  explicit JobWriter(std::unique_ptr<Statements> statements);
  // Takes an indexed job's current text out of the full-text index; flush() puts it back.
  Result<void> unindex(model::JobId id);
  // Gathers the job's rows for job_skills (written by flush()), first clearing the old ones
  // when `replace`; skills rows are created as needed.
  Result<void> write_skills(model::JobId id, const std::vector<model::JobSkill>& skills,
                            bool replace);
  // Writes the gathered job_skills rows.
  Result<void> flush_skills();
  std::unique_ptr<Statements> statements_;
};

// Hash of every mapped field a source gives (not id, first/last seen, cluster, nor `raw`):
// equal hashes mean re-importing the record would change nothing. `raw` stays out so the
// same posting read from another format (CSV, or hg's own export) is not an update.
std::string content_hash(const model::Job& job);

// Errors: not_found (with a hint), failed.
Result<model::Job> find_job(const Db& db, model::JobId id);

struct JobFilter {
  std::string text;           // full-text query over title, company, description
  bool any_word = false;      // match jobs with any word of `text` (default: all of them)
  std::string company;        // company name contains (case-insensitive)
  std::string country;        // ISO 3166-1 alpha-2
  std::string remote;         // "onsite" | "hybrid" | "remote"
  std::string since;          // posted (or first seen) on or after this ISO date
  std::optional<double> min_salary;  // salary_annual (annualised midpoint) at least this
  std::string source;
  bool include_closed = false;
  bool one_per_cluster = true;  // hide non-canonical members of a dedup cluster
  int limit = 50;               // <= 0: no limit
  int offset = 0;
};

// Newest first, or best full-text match first when `text` is set. Errors: failed,
// invalid_argument for a text query SQLite cannot read.
Result<std::vector<model::Job>> list_jobs(const Db& db, const JobFilter& filter);
Result<std::int64_t> count_jobs(const Db& db, const JobFilter& filter);

// Calls `each` for every job in id order without holding them all in memory. Stops at and
// returns the first error `each` returns.
Result<void> for_each_job(const Db& db, const std::function<Result<void>(const model::Job&)>& each);

}  // namespace hg::store
