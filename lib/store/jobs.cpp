#include "store/jobs.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "store/statement.hpp"
#include "util/strings.hpp"

namespace hg::store {
namespace {

// Column order of every SELECT of a whole job; read_job() depends on it.
#define HG_JOB_COLUMNS                                                                         \
  "j.id, j.source, j.external_id, j.url, j.canonical_url, j.title, j.company, j.location, "   \
  "j.city, j.region, j.country, j.latitude, j.longitude, j.remote, j.employment_type, "        \
  "j.seniority, j.salary_text, j.salary_min, j.salary_max, j.salary_currency, "                \
  "j.salary_period, j.salary_annual, j.visa_sponsorship, j.visa_evidence, j.description, "     \
  "j.description_html, j.date_posted, j.valid_through, j.first_seen, j.last_seen, "            \
  "j.closed_at, j.fingerprint, (SELECT c.cluster_id FROM job_clusters c WHERE c.job_id = j.id), j.raw, j.title_family, j.remote_regions, "        \
  "j.salary_reporting, j.reporting_currency"

model::Job read_job(const Statement& s) {
  model::Job job;
  job.id = s.column_int64(0);
  job.source = s.column_text(1);
  job.external_id = s.column_text(2);
  job.url = s.column_text(3);
  job.canonical_url = s.column_text(4);
  job.title = s.column_text(5);
  job.company = s.column_text(6);
  job.location = s.column_text(7);
  job.city = s.column_text(8);
  job.region = s.column_text(9);
  job.country = s.column_text(10);
  job.latitude = s.column_opt_double(11);
  job.longitude = s.column_opt_double(12);
  job.remote = s.column_text(13);
  job.employment_type = s.column_text(14);
  job.seniority = s.column_text(15);
  job.salary_text = s.column_text(16);
  job.salary_min = s.column_opt_double(17);
  job.salary_max = s.column_opt_double(18);
  job.salary_currency = s.column_text(19);
  job.salary_period = s.column_text(20);
  job.salary_annual = s.column_opt_double(21);
  if (auto visa = s.column_opt_int64(22)) job.visa_sponsorship = *visa != 0;
  job.visa_evidence = s.column_text(23);
  job.description = s.column_text(24);
  job.description_html = s.column_text(25);
  job.date_posted = s.column_text(26);
  job.valid_through = s.column_text(27);
  job.first_seen = s.column_text(28);
  job.last_seen = s.column_text(29);
  job.closed_at = s.column_text(30);
  job.fingerprint = s.column_text(31);
  job.cluster_id = s.column_opt_int64(32);
  job.raw = s.column_text(33);
  job.title_family = s.column_text(34);
  for (std::string& region : util::split(s.column_text(35), '|')) {
    if (!region.empty()) job.remote_regions.push_back(std::move(region));
  }
  job.salary_reporting = s.column_opt_double(36);
  job.reporting_currency = s.column_text(37);
  return job;
}

// One FTS5 string: user text in double quotes, its own quotes doubled, so it is never read
// as query syntax (FTS5 tokenizes it: "full-time" is the phrase "full time").
std::string fts_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Letters and digits in `token` (any byte of a multi-byte character counts).
std::size_t letters_in(std::string_view token) {
  return static_cast<std::size_t>(std::count_if(token.begin(), token.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  }));
}

// The user's search words as an FTS5 query: words and "quoted phrases" are all required (any
// one with `any`); a word or phrase after '-' rules jobs out. "c++ developer -senior" ->
// ("c++" "developer") NOT "senior". Errors: invalid_argument for exclusions alone.
Result<std::string> fts_query(std::string_view text, bool any) {
  std::vector<std::string> wanted, excluded;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const bool exclude = text[i] == '-' && i + 1 < text.size() &&
                         !std::isspace(static_cast<unsigned char>(text[i + 1]));
    if (exclude) ++i;
    std::size_t end;
    std::string_view token;
    if (text[i] == '"') {  // a phrase, to the closing quote or the end
      end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      token = text.substr(i + 1, end - i - 1);
      i = std::min(text.size(), end + 1);
    } else {
      end = i;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
      token = text.substr(i, end - i);
      i = end;
    }
    if (letters_in(token) == 0) continue;
    // With OR, a one-letter token ("C#" reads as "c") matches nearly every posting and only
    // drowns the ranking.
    if (any && !exclude && letters_in(token) < 2) continue;
    (exclude ? excluded : wanted).push_back(fts_string(token));
  }
  if (wanted.empty() && !excluded.empty()) {
    return fail(Errc::invalid_argument,
                "search: give at least one word to look for, not only words to leave out");
  }
  std::string query = fmt::format("{}", fmt::join(wanted, any ? " OR " : " "));
  if (!excluded.empty()) {
    query = "(" + query + ")";
    for (const std::string& word : excluded) query += " NOT " + word;
  }
  return query;
}

#define HG_JOB_FILTER                                                          \
  " (?2 IS NULL OR instr(lower(j.company), lower(?2)) > 0)"                    \
  " AND (?3 IS NULL OR j.country = upper(?3))"                                 \
  " AND (?4 IS NULL OR j.remote = ?4)"                                         \
  " AND (?5 IS NULL OR coalesce(j.date_posted, j.first_seen) >= ?5)"          \
  " AND (?6 IS NULL OR j.salary_annual >= ?6)"                                 \
  " AND (?7 IS NULL OR j.source = ?7)"                                         \
  " AND (?8 OR j.closed_at IS NULL)"                                           \
  " AND (NOT ?9 OR NOT EXISTS (SELECT 1 FROM job_clusters c"                   \
  "                            WHERE c.job_id = j.id AND c.cluster_id != j.id))"

constexpr const char* kListText = "SELECT " HG_JOB_COLUMNS
                                  " FROM jobs_fts f JOIN jobs j ON j.id = f.rowid"
                                  " WHERE jobs_fts MATCH ?1 AND" HG_JOB_FILTER
                                  " ORDER BY f.rank, j.id LIMIT ?10 OFFSET ?11";
constexpr const char* kList = "SELECT " HG_JOB_COLUMNS " FROM jobs j WHERE ?1 IS NULL AND"
                              HG_JOB_FILTER
                              " ORDER BY coalesce(j.date_posted, j.first_seen) DESC, j.id DESC"
                              " LIMIT ?10 OFFSET ?11";
constexpr const char* kCountText = "SELECT count(*) FROM jobs_fts f JOIN jobs j ON j.id = f.rowid"
                                   " WHERE jobs_fts MATCH ?1 AND" HG_JOB_FILTER;
constexpr const char* kCount = "SELECT count(*) FROM jobs j WHERE ?1 IS NULL AND" HG_JOB_FILTER;

Result<Statement> prepare_filter(const Db& db, const JobFilter& filter, bool count) {
  auto parsed = fts_query(filter.text, filter.any_word);
  if (!parsed) return parsed.error();
  const std::string& query = *parsed;
  const bool text = !query.empty();
  auto stmt = Statement::prepare(db, count ? (text ? kCountText : kCount)
                                           : (text ? kListText : kList));
  if (!stmt) return stmt.error();
  if (text) stmt->bind(1, query);
  else stmt->bind(1, std::nullopt);
  stmt->bind_text_or_null(2, filter.company);
  stmt->bind_text_or_null(3, filter.country);
  stmt->bind_text_or_null(4, filter.remote);
  stmt->bind_text_or_null(5, filter.since);
  stmt->bind(6, filter.min_salary);
  stmt->bind_text_or_null(7, filter.source);
  stmt->bind(8, filter.include_closed ? 1 : 0);
  stmt->bind(9, filter.one_per_cluster ? 1 : 0);
  if (!count) {
    stmt->bind(10, filter.limit > 0 ? filter.limit : -1);
    stmt->bind(11, filter.offset);
  }
  return stmt;
}

}  // namespace

// Reads the skills of jobs, in the order they were written, with one prepared statement.
class SkillReader {
 public:
  static Result<SkillReader> create(const Db& db) {
    auto stmt = Statement::prepare(
        db, "SELECT s.name, js.required FROM job_skills js JOIN skills s ON s.id = js.skill_id "
            "WHERE js.job_id = ?1 ORDER BY js.rowid");
    if (!stmt) return stmt.error();
    return SkillReader(std::move(*stmt));
  }
  Result<void> fill(model::Job& job) {
    stmt_.bind(1, job.id);
    while (true) {
      auto row = stmt_.step();
      if (!row) return row.error();
      if (!*row) break;
      model::JobSkill skill{stmt_.column_text(0), std::nullopt};
      if (auto required = stmt_.column_opt_int64(1)) skill.required = *required != 0;
      job.skills.push_back(std::move(skill));
    }
    stmt_.reset();
    return {};
  }

 private:
  explicit SkillReader(Statement stmt) : stmt_(std::move(stmt)) {}
  Statement stmt_;
};

Result<model::Job> find_job(const Db& db, model::JobId id) {
  auto stmt = Statement::prepare(db, "SELECT " HG_JOB_COLUMNS " FROM jobs j WHERE j.id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) {
    Error error = fail(Errc::not_found, "job {} not found", id);
    error.hint = "`hg jobs list` shows the ids in this store";
    return error;
  }
  model::Job job = read_job(*stmt);
  auto skills = SkillReader::create(db);
  if (!skills) return skills.error();
  if (auto done = skills->fill(job); !done) return done.error();
  return job;
}

Result<std::vector<model::Job>> list_jobs(const Db& db, const JobFilter& filter) {
  auto stmt = prepare_filter(db, filter, false);
  if (!stmt) return stmt.error();
  auto skills = SkillReader::create(db);
  if (!skills) return skills.error();
  std::vector<model::Job> jobs;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return jobs;
    jobs.push_back(read_job(*stmt));
    if (auto done = skills->fill(jobs.back()); !done) return done.error();
  }
}

Result<std::int64_t> count_jobs(const Db& db, const JobFilter& filter) {
  auto stmt = prepare_filter(db, filter, true);
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return stmt->column_int64(0);
}

Result<void> for_each_job(const Db& db,
                          const std::function<Result<void>(const model::Job&)>& each) {
  auto stmt = Statement::prepare(db, "SELECT " HG_JOB_COLUMNS " FROM jobs j ORDER BY j.id");
  if (!stmt) return stmt.error();
  auto skills = SkillReader::create(db);
  if (!skills) return skills.error();
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return {};
    model::Job job = read_job(*stmt);
    if (auto done = skills->fill(job); !done) return done.error();
    if (auto done = each(job); !done) return done.error();
  }
}

}  // namespace hg::store
