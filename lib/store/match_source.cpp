#include "store/match_source.hpp"

#include "store/statement.hpp"

namespace hg::store {
namespace {

// Steps `s` to the end, calling `on_row` on each row.
template <class OnRow>
Result<void> each_row(Statement& s, OnRow&& on_row) {
  while (true) {
    auto row = s.step();
    if (!row) return row.error();
    if (!*row) return {};
    on_row(s);
  }
}

// Cluster heads and lone jobs: a job is left out only when job_clusters puts it in another
// job's cluster.
constexpr const char* kMatchJobs =
    "SELECT j.id, j.title, j.company_id, j.company, j.country, j.latitude, j.longitude, "
    "j.remote, j.employment_type, j.seniority, j.salary_min, j.salary_max, j.salary_period, "
    "j.salary_annual, j.visa_sponsorship, j.date_posted, j.first_seen, j.closed_at, "
    "j.description, j.title_family, j.remote_regions, j.salary_reporting, c.visa_sponsor "
    "FROM jobs j LEFT JOIN companies c ON c.id = j.company_id WHERE "
    "NOT EXISTS (SELECT 1 FROM job_clusters k WHERE k.job_id = j.id AND k.cluster_id != j.id) "
    "ORDER BY j.id";

// Column 18 (the description) is read only when `description` is set: most descriptions
// of a big store are skipped, and reading one can mean reading its overflow pages.
MatchJobRow match_job_of(const Statement& s, bool description) {
  MatchJobRow job;
  job.id = s.column_int64(0);
  job.title = s.column_text(1);
  job.company_id = s.column_opt_int64(2);
  job.company = s.column_text(3);
  job.country = s.column_text(4);
  job.latitude = s.column_opt_double(5);
  job.longitude = s.column_opt_double(6);
  job.remote = s.column_text(7);
  job.employment_type = s.column_text(8);
  job.seniority = s.column_text(9);
  job.salary_min = s.column_opt_double(10);
  job.salary_max = s.column_opt_double(11);
  job.salary_period = s.column_text(12);
  job.salary_annual = s.column_opt_double(13);
  if (auto visa = s.column_opt_int64(14)) job.visa_sponsorship = *visa != 0;
  job.date_posted = s.column_text(15);
  job.first_seen = s.column_text(16);
  job.closed_at = s.column_text(17);
  if (description) job.description = s.column_text(18);
  job.title_family = s.column_text(19);
  job.remote_regions = s.column_text(20);
  job.salary_reporting = s.column_opt_double(21);
  job.company_sponsors_visas = s.column_opt_int64(22).value_or(0) != 0;
  return job;
}

}  // namespace

Result<MatchSignature> match_signature(const Db& db) {
  MatchSignature sig;
  struct Query {
    const char* sql;
    void (*read)(const Statement&, MatchSignature&);
  };
  // Each one cheap on 1M jobs: max() seeks the end of an index, count(*) walks the smallest
  // one (jobs_open_last_seen for open jobs, the cluster index for clusters).
  const Query queries[] = {
      {"SELECT max(id), count(*) FROM jobs",
       [](const Statement& s, MatchSignature& m) {
         m.max_id = s.column_int64(0);
         m.jobs = s.column_int64(1);
       }},
      {"SELECT count(*) FROM jobs WHERE closed_at IS NULL",
       [](const Statement& s, MatchSignature& m) { m.open_jobs = s.column_int64(0); }},
      {"SELECT max(last_seen) FROM jobs WHERE closed_at IS NULL",
       [](const Statement& s, MatchSignature& m) { m.last_seen = s.column_text(0); }},
      {"SELECT count(*), total(cluster_id) FROM job_clusters",
       [](const Statement& s, MatchSignature& m) {
         m.clustered = s.column_int64(0);
         m.cluster_sum = s.column_double(1);
       }},
      {"SELECT count(*) FROM skills",
       [](const Statement& s, MatchSignature& m) { m.skills = s.column_int64(0); }},
  };
  for (const Query& query : queries) {
    auto s = Statement::prepare(db, query.sql);
    if (!s) return s.error();
    auto row = s->step();
    if (!row) return row.error();
    if (*row) query.read(*s, sig);
  }
  return sig;
}

Result<void> for_each_match_skill(const Db& db, const std::function<void(MatchSkill&&)>& on_skill) {
  auto s = Statement::prepare(db, "SELECT id, name FROM skills ORDER BY id");
  if (!s) return s.error();
  return each_row(*s, [&](const Statement& r) { on_skill({r.column_int64(0), r.column_text(1)}); });
}

Result<void> for_each_match_job_skill(const Db& db,
                                      const std::function<void(const MatchJobSkill&)>& on_row) {
  auto s = Statement::prepare(db, "SELECT job_id, skill_id, required FROM job_skills");
  if (!s) return s.error();
  return each_row(*s, [&](const Statement& r) {
    MatchJobSkill row;
    row.job = r.column_int64(0);
    row.skill = r.column_int64(1);
    if (auto required = r.column_opt_int64(2)) row.required = *required != 0;
    on_row(row);
  });
}

Result<void> for_each_match_cluster_size(
    const Db& db, const std::function<void(const MatchClusterSize&)>& on_cluster) {
  auto s =
      Statement::prepare(db, "SELECT cluster_id, count(*) FROM job_clusters GROUP BY cluster_id");
  if (!s) return s.error();
  return each_row(*s, [&](const Statement& r) {
    on_cluster({.cluster = r.column_int64(0), .members = r.column_int64(1)});
  });
}

Result<void> for_each_match_job(const Db& db, const MatchJobsOptions& options,
                                const std::function<void(MatchJobRow&&)>& on_job) {
  auto s = Statement::prepare(db, kMatchJobs);
  if (!s) return s.error();
  const std::int64_t every = options.description_every < 1 ? 1 : options.description_every;
  std::int64_t read = 0;
  return each_row(*s, [&](const Statement& r) { on_job(match_job_of(r, read++ % every == 0)); });
}

JobDescriptionReader::JobDescriptionReader(std::unique_ptr<Statement> statement)
    : statement_(std::move(statement)) {}
JobDescriptionReader::JobDescriptionReader(JobDescriptionReader&&) noexcept = default;
JobDescriptionReader& JobDescriptionReader::operator=(JobDescriptionReader&&) noexcept = default;
JobDescriptionReader::~JobDescriptionReader() = default;

Result<JobDescriptionReader> JobDescriptionReader::create(const Db& db) {
  auto s = Statement::prepare(db, "SELECT description FROM jobs WHERE id = ?1");
  if (!s) return s.error();
  return JobDescriptionReader(std::make_unique<Statement>(std::move(*s)));
}

Result<std::string> JobDescriptionReader::read(std::int64_t id) {
  Statement& s = *statement_;
  s.bind(1, id);
  auto row = s.step();
  if (!row) return row.error();
  std::string text = *row ? s.column_text(0) : std::string();
  s.reset();
  return text;
}

Result<bool> company_sponsors_visas(const Db& db, std::int64_t id) {
  auto s = Statement::prepare(
      db,
      "SELECT c.visa_sponsor FROM jobs j JOIN companies c ON c.id = j.company_id WHERE j.id = ?1");
  if (!s) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row) return row.error();
  return *row && s->column_opt_int64(0).value_or(0) != 0;
}

}  // namespace hg::store
