// JobWriter and content_hash (declared in jobs.hpp): upserting postings, their skills and
// their full-text entries.
#include "store/jobs.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "store/statement.hpp"
#include "util/strings.hpp"

namespace hg::store {
namespace {

std::string join_regions(const std::vector<std::string>& regions) {
  std::string joined;
  for (const std::string& region : regions) joined += (joined.empty() ? "" : "|") + region;
  return joined;
}

// Binds the source-given fields at ?1..?31 (shared by INSERT and UPDATE); `hash` is
// content_hash(job), which the caller has already computed for its lookup.
void bind_fields(Statement& s, const model::Job& job, const std::string& hash) {
  s.bind(1, job.source);
  s.bind_text_or_null(2, job.external_id);
  s.bind_text_or_null(3, job.url);
  s.bind_text_or_null(4, job.canonical_url);
  s.bind(5, job.title);
  s.bind(6, job.company);
  s.bind_text_or_null(7, job.location);
  s.bind_text_or_null(8, job.city);
  s.bind_text_or_null(9, job.region);
  s.bind_text_or_null(10, job.country);
  s.bind(11, job.latitude);
  s.bind(12, job.longitude);
  s.bind_text_or_null(13, job.remote);
  s.bind_text_or_null(14, job.employment_type);
  s.bind_text_or_null(15, job.seniority);
  s.bind_text_or_null(16, job.salary_text);
  s.bind(17, job.salary_min);
  s.bind(18, job.salary_max);
  s.bind_text_or_null(19, job.salary_currency);
  s.bind_text_or_null(20, job.salary_period);
  s.bind(21, job.salary_annual);
  if (job.visa_sponsorship) s.bind(22, *job.visa_sponsorship ? 1 : 0);
  else s.bind(22, std::nullopt);
  s.bind_text_or_null(23, job.visa_evidence);
  s.bind(24, job.description);
  s.bind_text_or_null(25, job.description_html);
  s.bind_text_or_null(26, job.date_posted);
  s.bind_text_or_null(27, job.valid_through);
  s.bind_text_or_null(28, job.closed_at);
  s.bind_text_or_null(29, job.fingerprint);
  s.bind_text_or_null(30, job.raw);
  s.bind(31, hash);
  s.bind_text_or_null(36, job.title_family);
  s.bind_text_or_null(37, join_regions(job.remote_regions));
  s.bind(38, job.salary_reporting);
  s.bind_text_or_null(39, job.reporting_currency);
}

constexpr const char* kInsert =
    "INSERT INTO jobs(source, external_id, url, canonical_url, title, company, location, city, "
    "region, country, latitude, longitude, remote, employment_type, seniority, salary_text, "
    "salary_min, salary_max, salary_currency, salary_period, salary_annual, visa_sponsorship, "
    "visa_evidence, description, description_html, date_posted, valid_through, closed_at, "
    "fingerprint, raw, content_hash, company_id, first_seen, last_seen, title_family, "
    "remote_regions, salary_reporting, reporting_currency) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
    "?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?36, ?37, ?38, ?39) RETURNING id";

constexpr const char* kUpdate =
    "UPDATE jobs SET source = ?1, external_id = ?2, url = ?3, canonical_url = ?4, title = ?5, "
    "company = ?6, location = ?7, city = ?8, region = ?9, country = ?10, latitude = ?11, "
    "longitude = ?12, remote = ?13, employment_type = ?14, seniority = ?15, salary_text = ?16, "
    "salary_min = ?17, salary_max = ?18, salary_currency = ?19, salary_period = ?20, "
    "salary_annual = ?21, visa_sponsorship = ?22, visa_evidence = ?23, description = ?24, "
    "description_html = ?25, date_posted = ?26, valid_through = ?27, closed_at = ?28, "
    "fingerprint = ?29, raw = ?30, content_hash = ?31, company_id = ?32, last_seen = ?34, "
    "title_family = ?36, remote_regions = ?37, salary_reporting = ?38, reporting_currency = ?39 "
    "WHERE id = ?35";

// Company names compare without case, punctuation and legal suffixes ("Acme, Inc." = "ACME").
std::string company_key(std::string_view name) {
  std::string key;
  for (char c : util::to_lower(name)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      key.push_back(c);
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  key = std::string(util::trim(key));
  for (std::string_view suffix : {" inc", " llc", " ltd", " gmbh", " corp", " corporation",
                                  " co", " plc", " ag", " sa", " bv", " limited"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      key.resize(key.size() - suffix.size());
      break;
    }
  }
  return key;
}

}  // namespace

std::string content_hash(const model::Job& job) {
  std::uint64_t hash = util::fnv1a64("hg-job-v1");
  auto mix = [&hash](std::string_view field) {
    hash = util::fnv1a64(field, hash);
    hash = util::fnv1a64(std::string_view("\x1f", 1), hash);
  };
  auto mix_number = [&mix](const std::optional<double>& value) {
    mix(value ? fmt::format("{}", *value) : std::string("\x1e"));
  };
  for (const std::string* field :
       {&job.source, &job.external_id, &job.url, &job.canonical_url, &job.title, &job.company,
        &job.location, &job.city, &job.region, &job.country, &job.remote, &job.employment_type,
        &job.seniority, &job.salary_text, &job.salary_currency, &job.salary_period,
        &job.visa_evidence, &job.description, &job.description_html, &job.date_posted,
        &job.valid_through, &job.closed_at, &job.fingerprint, &job.title_family,
        &job.reporting_currency}) {
    mix(*field);
  }
  mix(join_regions(job.remote_regions));
  for (const model::JobSkill& skill : job.skills) {
    mix(skill.name);
    mix(skill.required ? (*skill.required ? "1" : "0") : "\x1e");
  }
  for (const auto* value : {&job.latitude, &job.longitude, &job.salary_min, &job.salary_max,
                            &job.salary_annual, &job.salary_reporting}) {
    mix_number(*value);
  }
  mix(job.visa_sponsorship ? (*job.visa_sponsorship ? "1" : "0") : "\x1e");
  return util::hex64(hash);
}

struct JobWriter::Statements {
  Statement by_external;
  Statement by_url;
  Statement by_hash;
  Statement insert;
  Statement update;
  Statement company;
  Statement skill;
  Statement clear_skills;
  Statement add_skill;
  Statement index;
  Statement index_one;
  Statement old_text;
  Statement unindex;
  std::vector<model::JobId> reindex;  // updated since the last flush, were in the index
  // Ids inserted since the last flush: consecutive, as SQLite hands out max(id) + 1 to each
  // insert and nothing else writes inside the caller's transaction.
  std::optional<model::JobId> pending_first;
  model::JobId pending_last = 0;
  std::unordered_map<std::string, std::int64_t> company_ids;
  std::unordered_map<std::string, std::int64_t> skill_ids;
  // job_skills rows not written yet, as a JSON array of [job, skill, required] for flush(),
  // and the jobs they belong to.
  std::string skill_rows;
  std::unordered_set<model::JobId> skill_jobs;
};

JobWriter::JobWriter(std::unique_ptr<Statements> statements) : statements_(std::move(statements)) {}
JobWriter::JobWriter(JobWriter&&) noexcept = default;
JobWriter::~JobWriter() = default;

Result<JobWriter> JobWriter::create(const Db& db) {
  auto by_external = Statement::prepare(
      db, "SELECT id, content_hash FROM jobs WHERE source = ?1 AND external_id = ?2");
  auto by_url = Statement::prepare(
      db, "SELECT id, content_hash FROM jobs WHERE canonical_url = ?1 ORDER BY id LIMIT 1");
  auto by_hash = Statement::prepare(
      db, "SELECT id, content_hash FROM jobs WHERE content_hash = ?1 ORDER BY id LIMIT 1");
  auto insert = Statement::prepare(db, kInsert);
  auto update = Statement::prepare(db, kUpdate);
  auto company = Statement::prepare(
      db, "INSERT INTO companies(name, name_key, created_at) VALUES (?1, ?2, ?3) "
          "ON CONFLICT(name_key) DO UPDATE SET name = name RETURNING id");
  auto skill = Statement::prepare(
      db, "INSERT INTO skills(name) VALUES (?1) ON CONFLICT(name) DO UPDATE SET name = name "
          "RETURNING id");
  auto clear_skills = Statement::prepare(db, "DELETE FROM job_skills WHERE job_id = ?1");
  // One statement per flush for all the skill rows gathered since the last: a posting has
  // six or so, and a statement each cost a 100k import two seconds.
  auto add_skill = Statement::prepare(
      db, "INSERT OR IGNORE INTO job_skills(job_id, skill_id, required) "
          "SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1)");
  auto index = Statement::prepare(
      db, "INSERT INTO jobs_fts(rowid, title, company, description) "
          "SELECT id, title, company, description FROM jobs WHERE id BETWEEN ?1 AND ?2");
  auto index_one = Statement::prepare(
      db, "INSERT INTO jobs_fts(rowid, title, company, description) "
          "SELECT id, title, company, description FROM jobs WHERE id = ?1");
  auto old_text =
      Statement::prepare(db, "SELECT title, company, description FROM jobs WHERE id = ?1");
  auto unindex = Statement::prepare(
      db, "INSERT INTO jobs_fts(jobs_fts, rowid, title, company, description) "
          "VALUES ('delete', ?1, ?2, ?3, ?4)");
  for (auto* stmt : {&by_external, &by_url, &by_hash, &insert, &update, &company, &skill,
                     &clear_skills, &add_skill, &index, &index_one, &old_text, &unindex}) {
    if (!*stmt) return stmt->error();
  }
  return JobWriter(std::make_unique<Statements>(Statements{
      std::move(*by_external), std::move(*by_url), std::move(*by_hash), std::move(*insert),
      std::move(*update), std::move(*company), std::move(*skill), std::move(*clear_skills),
      std::move(*add_skill), std::move(*index), std::move(*index_one), std::move(*old_text),
      std::move(*unindex), {}, std::nullopt, 0, {}, {}, {}, {}}));
}

namespace {

struct Existing {
  model::JobId id = 0;
  std::string hash;  // its content hash
};

// The stored job `job` updates: the same source and external id, else the same canonical
// URL, else the same content.
// The three statements select (id, content_hash) by those keys.
Result<std::optional<Existing>> find_existing(Statement& by_external, Statement& by_url,
                                              Statement& by_hash, const model::Job& job,
                                              const std::string& hash) {
  Statement* lookup = &by_hash;
  if (!job.external_id.empty()) {
    lookup = &by_external;
    lookup->bind(1, job.source);
    lookup->bind(2, job.external_id);
  } else if (!job.canonical_url.empty()) {
    lookup = &by_url;
    lookup->bind(1, job.canonical_url);
  } else {
    lookup->bind(1, hash);
  }
  auto found = lookup->step();
  if (!found) return found.error();
  std::optional<Existing> existing;
  if (*found) existing = Existing{lookup->column_int64(0), lookup->column_text(1)};
  lookup->reset();
  return existing;
}

// The companies row of `company`, found by its key or created by `upsert_company` (which
// returns its id); `known` remembers the ids for the writer's life.
Result<std::int64_t> company_id_for(Statement& upsert_company,
                                    std::unordered_map<std::string, std::int64_t>& known,
                                    const std::string& company, std::string_view now) {
  std::string key = company_key(company);
  if (key.empty()) key = util::to_lower(company);
  if (auto cached = known.find(key); cached != known.end()) return cached->second;
  upsert_company.bind(1, company);
  upsert_company.bind(2, key);
  upsert_company.bind(3, now);
  auto row = upsert_company.step();
  if (!row) return row.error();
  const std::int64_t id = upsert_company.column_int64(0);
  upsert_company.reset();
  known.emplace(std::move(key), id);
  return id;
}

}  // namespace

Result<Upserted> JobWriter::upsert(const model::Job& job, std::string_view now) {
  return upsert(job, now, content_hash(job));
}

Result<Upserted> JobWriter::upsert(const model::Job& job, std::string_view now,
                                   const std::string& hash) {
  Statements& s = *statements_;

  auto found = find_existing(s.by_external, s.by_url, s.by_hash, job, hash);
  if (!found) return found.error();
  std::optional<model::JobId> existing;
  if (*found) existing = (*found)->id;
  if (*found && (*found)->hash == hash) return Upserted{*existing, UpsertOutcome::unchanged};

  std::optional<std::int64_t> company_id;
  if (!job.company.empty()) {
    auto id = company_id_for(s.company, s.company_ids, job.company, now);
    if (!id) return id.error();
    company_id = *id;
  }

  // An indexed job's old text leaves the index now (FTS5 needs the exact old values); a
  // job inserted since the last flush is not in the index yet and goes in with its new text.
  if (existing && !(s.pending_first && *existing >= *s.pending_first)) {
    if (auto done = unindex(*existing); !done) return done.error();
  }
  Statement& write = existing ? s.update : s.insert;
  bind_fields(write, job, hash);
  write.bind(32, company_id);
  if (!existing) write.bind(33, job.first_seen.empty() ? now : std::string_view(job.first_seen));
  write.bind(34, job.last_seen.empty() ? now : std::string_view(job.last_seen));
  if (existing) write.bind(35, *existing);
  auto row = write.step();
  if (!row) return row.error();
  Upserted result{existing.value_or(0),
                  existing ? UpsertOutcome::updated : UpsertOutcome::inserted};
  if (!existing) {
    result.id = write.column_int64(0);
    if (auto done = write.step(); !done) return done.error();  // finish RETURNING
    if (!s.pending_first) s.pending_first = result.id;
    s.pending_last = result.id;
  }
  write.reset();
  if (auto done = write_skills(result.id, job.skills, existing.has_value()); !done) {
    return done.error();
  }
  return result;
}

Result<void> JobWriter::unindex(model::JobId id) {
  Statements& s = *statements_;
  if (std::find(s.reindex.begin(), s.reindex.end(), id) != s.reindex.end()) return {};
  s.old_text.bind(1, id);
  auto old = s.old_text.step();
  if (!old) return old.error();
  if (!*old) {
    s.old_text.reset();
    return {};
  }
  s.unindex.bind(1, id);
  s.unindex.bind(2, s.old_text.column_text(0));
  s.unindex.bind(3, s.old_text.column_text(1));
  s.unindex.bind(4, s.old_text.column_text(2));
  s.old_text.reset();
  auto done = s.unindex.run();
  s.unindex.reset();
  if (!done) return done.error();
  s.reindex.push_back(id);
  return {};
}

Result<void> JobWriter::flush() {
  Statements& s = *statements_;
  if (auto done = flush_skills(); !done) return done.error();
  if (s.pending_first) {
    s.index.bind(1, *s.pending_first);
    s.index.bind(2, s.pending_last);
    auto done = s.index.run();
    s.index.reset();
    if (!done) return done.error();
    s.pending_first.reset();
  }
  for (model::JobId id : s.reindex) {
    s.index_one.bind(1, id);
    auto done = s.index_one.run();
    s.index_one.reset();
    if (!done) return done.error();
  }
  s.reindex.clear();
  return {};
}

Result<void> JobWriter::flush_skills() {
  Statements& s = *statements_;
  if (s.skill_rows.empty()) return {};
  s.skill_rows.push_back(']');
  s.add_skill.bind(1, s.skill_rows);
  auto done = s.add_skill.run();
  s.add_skill.reset();
  s.skill_rows.clear();
  s.skill_jobs.clear();
  if (!done) return done.error();
  return {};
}

Result<void> JobWriter::write_skills(model::JobId id, const std::vector<model::JobSkill>& skills,
                                     bool replace) {
  Statements& s = *statements_;
  if (replace) {  // a new job has no rows to clear
    // Rows of this job still waiting for flush() go in first, so the delete clears them too.
    if (s.skill_jobs.contains(id)) {
      if (auto done = flush_skills(); !done) return done.error();
    }
    s.clear_skills.bind(1, id);
    if (auto done = s.clear_skills.run(); !done) return done.error();
    s.clear_skills.reset();
  }
  for (const model::JobSkill& skill : skills) {
    auto cached = s.skill_ids.find(skill.name);
    std::int64_t skill_id = 0;
    if (cached != s.skill_ids.end()) {
      skill_id = cached->second;
    } else {
      s.skill.bind(1, skill.name);
      auto row = s.skill.step();
      if (!row) return row.error();
      skill_id = s.skill.column_int64(0);
      s.skill.reset();
      s.skill_ids.emplace(skill.name, skill_id);
    }
    s.skill_rows.push_back(s.skill_rows.empty() ? '[' : ',');
    fmt::format_to(std::back_inserter(s.skill_rows), "[{},{},{}]", id, skill_id,
                   !skill.required ? "null" : *skill.required ? "1" : "0");
    s.skill_jobs.insert(id);
  }
  return {};
}

}  // namespace hg::store
