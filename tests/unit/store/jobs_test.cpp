#include "store/jobs.hpp"

#include <algorithm>

#include <catch2/catch.hpp>

#include "store/statement.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

// GCC 12 warns when a designated initialiser leaves out a member that has no default member
// initialiser (JobFilter's strings); STYLE.md asks for designated initialisers all the same.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace hg::store {
namespace {

constexpr std::string_view kMonday = "2026-01-19T09:00:00Z";
constexpr std::string_view kTuesday = "2026-01-20T09:00:00Z";

model::Job make_job(std::string external_id, std::string title, std::string company) {
  model::Job job;
  job.source = "board";
  job.external_id = std::move(external_id);
  job.title = std::move(title);
  job.company = std::move(company);
  return job;
}

std::vector<std::string> titles(const std::vector<model::Job>& jobs) {
  std::vector<std::string> out;
  for (const model::Job& job : jobs) out.push_back(job.title);
  return out;
}

Upserted upsert(const Db& db, const model::Job& job, std::string_view now = kMonday) {
  auto writer = JobWriter::create(db);
  REQUIRE(writer);
  auto done = writer->upsert(job, now);
  REQUIRE(done);
  REQUIRE(writer->flush());  // into the full-text index, as every writer does before commit
  return *done;
}

TEST_CASE("JobWriter stores a job and find_job reads back every field", "[store]") {
  testing::TempStore store;
  model::Job job = make_job("gh-1", "Data engineer", "Acme");
  job.url = "https://jobs.example.com/1?utm_source=x";
  job.canonical_url = "https://jobs.example.com/1";
  job.location = "Berlin, Germany";
  job.city = "Berlin";
  job.country = "DE";
  job.latitude = 52.52;
  job.longitude = 13.405;
  job.remote = "hybrid";
  job.employment_type = "full_time";
  job.salary_text = "€70k–€90k";
  job.salary_min = 70000;
  job.salary_max = 90000;
  job.salary_currency = "EUR";
  job.salary_period = "year";
  job.salary_annual = 80000;
  job.visa_sponsorship = false;
  job.description = "Build pipelines.";
  job.description_html = "<p>Build pipelines.</p>";
  job.date_posted = "2026-01-10";
  job.raw = R"({"id":"gh-1"})";

  const Upserted stored = upsert(store.db(), job);
  CHECK(stored.outcome == UpsertOutcome::inserted);
  REQUIRE(stored.id > 0);

  auto found = find_job(store.db(), stored.id);
  REQUIRE(found);
  model::Job expected = job;
  expected.id = stored.id;
  expected.first_seen = std::string(kMonday);
  expected.last_seen = std::string(kMonday);
  // Compare through content_hash (every source field) plus the store's own fields.
  CHECK(content_hash(*found) == content_hash(expected));
  CHECK(found->id == stored.id);
  CHECK(found->title == "Data engineer");
  CHECK(found->latitude == 52.52);
  CHECK(found->visa_sponsorship == false);
  CHECK(found->first_seen == kMonday);
  CHECK(found->last_seen == kMonday);
  CHECK_FALSE(found->cluster_id);
}

TEST_CASE("find_job reports an unknown id as not_found with a hint", "[store]") {
  testing::TempStore store;
  auto missing = find_job(store.db(), 999);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::not_found);
  CHECK(missing.error().message == "job 999 not found");
  CHECK_FALSE(missing.error().hint.empty());
}

TEST_CASE("JobWriter::upsert inserts, then finds the same job unchanged or updated", "[store]") {
  testing::TempStore store;
  auto writer = JobWriter::create(store.db());
  REQUIRE(writer);
  model::Job job = make_job("42", "Backend engineer", "Initech");
  job.description = "Go and SQL";
  auto first = writer->upsert(job, kMonday);
  REQUIRE(writer->flush());
  REQUIRE(first);
  CHECK(first->outcome == UpsertOutcome::inserted);

  SECTION("an identical job is unchanged and not written at all") {
    auto again = writer->upsert(job, kTuesday);
    REQUIRE(writer->flush());
    REQUIRE(again);
    CHECK(again->outcome == UpsertOutcome::unchanged);
    CHECK(again->id == first->id);
    CHECK(find_job(store.db(), first->id)->last_seen == kMonday);
  }
  SECTION("a changed field updates the row in place and keeps first_seen") {
    job.title = "Senior backend engineer";
    auto again = writer->upsert(job, kTuesday);
    REQUIRE(writer->flush());
    REQUIRE(again);
    CHECK(again->outcome == UpsertOutcome::updated);
    CHECK(again->id == first->id);
    auto found = find_job(store.db(), first->id);
    REQUIRE(found);
    CHECK(found->title == "Senior backend engineer");
    CHECK(found->first_seen == kMonday);
    CHECK(found->last_seen == kTuesday);
    CHECK(count_jobs(store.db(), {}).value() == 1);
    // The full-text index follows the update.
    CHECK(titles(list_jobs(store.db(), {.text = "senior"}).value()) ==
          std::vector<std::string>{"Senior backend engineer"});
    CHECK(list_jobs(store.db(), {.text = "Backend engineer Initech"}).value().size() == 1);
  }
  SECTION("the same external id from another source is another job") {
    job.source = "other-board";
    auto again = writer->upsert(job, kTuesday);
    REQUIRE(writer->flush());
    REQUIRE(again);
    CHECK(again->outcome == UpsertOutcome::inserted);
    CHECK(again->id != first->id);
  }
}

TEST_CASE("JobWriter identifies a job without an external id by its canonical url", "[store]") {
  testing::TempStore store;
  model::Job job = make_job("", "QA engineer", "Hooli");
  job.canonical_url = "https://hooli.example/jobs/7";
  const Upserted first = upsert(store.db(), job);
  job.url = "https://www.hooli.example/jobs/7/?utm_campaign=x";
  job.title = "QA engineer (remote)";
  const Upserted second = upsert(store.db(), job, kTuesday);
  CHECK(second.outcome == UpsertOutcome::updated);
  CHECK(second.id == first.id);
  CHECK(find_job(store.db(), first.id)->title == "QA engineer (remote)");

  job.canonical_url = "https://hooli.example/jobs/8";
  CHECK(upsert(store.db(), job).outcome == UpsertOutcome::inserted);
}

TEST_CASE("JobWriter identifies a job with neither id nor url by its content", "[store]") {
  testing::TempStore store;
  model::Job job = make_job("", "Barista", "Central Perk");
  const Upserted first = upsert(store.db(), job);
  const Upserted same = upsert(store.db(), job, kTuesday);
  CHECK(same.outcome == UpsertOutcome::unchanged);
  CHECK(same.id == first.id);

  job.title = "Head barista";
  const Upserted other = upsert(store.db(), job);
  CHECK(other.outcome == UpsertOutcome::inserted);  // different content: a different job
  CHECK(other.id != first.id);
  CHECK(count_jobs(store.db(), {}).value() == 2);
}

TEST_CASE("JobWriter files spellings of one company under one company row", "[store]") {
  testing::TempStore store;
  auto writer = JobWriter::create(store.db());
  REQUIRE(writer);
  REQUIRE(writer->upsert(make_job("1", "A", "Acme, Inc."), kMonday));
  REQUIRE(writer->upsert(make_job("2", "B", "ACME"), kMonday));
  REQUIRE(writer->upsert(make_job("3", "C", "Globex"), kMonday));
  auto other_writer = JobWriter::create(store.db());  // no cache: finds the row in the store
  REQUIRE(other_writer);
  REQUIRE(other_writer->upsert(make_job("4", "D", "acme inc"), kMonday));

  auto stmt = Statement::prepare(
      store.db(), "SELECT count(DISTINCT company_id), (SELECT count(*) FROM companies) FROM jobs");
  REQUIRE(stmt);
  REQUIRE(stmt->step().value());
  CHECK(stmt->column_int64(0) == 2);
  CHECK(stmt->column_int64(1) == 2);
}

TEST_CASE("JobWriter::upsert reports a busy store as Errc::busy", "[store]") {
  testing::TempStore store;
  auto other = Db::open(store.path(), {.busy_timeout = std::chrono::milliseconds(0)});
  REQUIRE(other);
  auto writer = JobWriter::create(*other);
  REQUIRE(writer);
  auto lock = Transaction::begin(store.db());
  REQUIRE(lock);

  auto done = writer->upsert(make_job("1", "SRE", "Initech"), kMonday);
  REQUIRE_FALSE(done);
  CHECK(done.error().code == Errc::busy);

  REQUIRE(lock->commit());
  auto retried = writer->upsert(make_job("1", "SRE", "Initech"), kMonday);
  REQUIRE(retried);
  CHECK(retried->outcome == UpsertOutcome::inserted);
}

TEST_CASE("content_hash covers the mapped fields and nothing hg adds", "[store]") {
  const model::Job job = make_job("1", "SRE", "Initech");
  model::Job copy = job;
  copy.id = 5;
  copy.first_seen = "2020-01-01";
  copy.last_seen = "2021-01-01";
  copy.cluster_id = 3;
  CHECK(content_hash(copy) == content_hash(job));
  CHECK(content_hash(job).size() == 16);

  copy = job;
  copy.salary_min = 0;  // known zero is not unknown
  CHECK(content_hash(copy) != content_hash(job));
  copy = job;
  copy.visa_sponsorship = false;
  CHECK(content_hash(copy) != content_hash(job));
  copy = job;
  copy.raw = R"({"title":"SRE"})";  // the same posting read from another format
  CHECK(content_hash(copy) == content_hash(job));
  // Field boundaries count: moving text from one field to the next changes the hash.
  model::Job a = make_job("", "ab", "c");
  model::Job b = make_job("", "a", "bc");
  CHECK(content_hash(a) != content_hash(b));
}

// Four jobs that the filters tell apart (kTuesday is first_seen).
class ListedJobs {
 public:
  ListedJobs() {
    auto writer = JobWriter::create(store_.db());
    REQUIRE(writer);
    model::Job cpp = make_job("1", "Senior C++ Engineer", "Acme GmbH");
    cpp.country = "DE";
    cpp.remote = "remote";
    cpp.date_posted = "2026-01-10";
    cpp.salary_annual = 120000;
    cpp.description = "Modern C++ and/or Rust, near Berlin";
    model::Job data = make_job("2", "Data Engineer", "Initech");
    data.source = "other";
    data.country = "US";
    data.remote = "onsite";
    data.date_posted = "2025-12-01";
    data.salary_annual = 90000;
    data.description = "Spark pipelines";
    model::Job web = make_job("3", "Frontend Developer", "ACME Corp");
    web.country = "DE";
    web.remote = "hybrid";
    web.description = "React";  // no date_posted: first_seen counts
    model::Job closed = make_job("4", "Old C++ Role", "Globex");
    closed.country = "US";
    closed.remote = "remote";
    closed.date_posted = "2026-01-05";
    closed.salary_annual = 200000;
    closed.closed_at = "2026-01-15T00:00:00Z";
    for (const model::Job* job : {&cpp, &data, &web, &closed}) {
      REQUIRE(writer->upsert(*job, kTuesday));
      REQUIRE(writer->flush());
    }
  }
  std::vector<std::string> list(const JobFilter& filter) {
    auto jobs = list_jobs(store_.db(), filter);
    REQUIRE(jobs);
    auto count = count_jobs(store_.db(), filter);
    REQUIRE(count);
    if (filter.limit <= 0 && filter.offset == 0) CHECK(*count == std::ssize(*jobs));
    return titles(*jobs);
  }
  const Db& db() { return store_.db(); }

 private:
  testing::TempStore store_;
};

using Titles = std::vector<std::string>;

TEST_CASE("list_jobs lists open jobs newest first and filters them", "[store]") {
  ListedJobs jobs;
  CHECK(jobs.list({}) == Titles{"Frontend Developer", "Senior C++ Engineer", "Data Engineer"});
  CHECK(jobs.list({.include_closed = true}) ==
        Titles{"Frontend Developer", "Senior C++ Engineer", "Old C++ Role", "Data Engineer"});
  CHECK(jobs.list({.company = "acme"}) == Titles{"Frontend Developer", "Senior C++ Engineer"});
  CHECK(jobs.list({.country = "de"}) == Titles{"Frontend Developer", "Senior C++ Engineer"});
  CHECK(jobs.list({.remote = "remote"}) == Titles{"Senior C++ Engineer"});
  CHECK(jobs.list({.remote = "remote", .include_closed = true}) ==
        Titles{"Senior C++ Engineer", "Old C++ Role"});
  CHECK(jobs.list({.since = "2026-01-10"}) == Titles{"Frontend Developer", "Senior C++ Engineer"});
  CHECK(jobs.list({.since = "2026-01-21"}).empty());
  CHECK(jobs.list({.min_salary = 100000}) == Titles{"Senior C++ Engineer"});
  CHECK(jobs.list({.min_salary = 100000, .include_closed = true}) ==
        Titles{"Senior C++ Engineer", "Old C++ Role"});
  CHECK(jobs.list({.source = "other"}) == Titles{"Data Engineer"});
  CHECK(jobs.list({.company = "acme", .country = "US"}).empty());
}

TEST_CASE("list_jobs pages with limit and offset", "[store]") {
  ListedJobs jobs;
  CHECK(jobs.list({.limit = 1}) == Titles{"Frontend Developer"});
  CHECK(jobs.list({.limit = 1, .offset = 1}) == Titles{"Senior C++ Engineer"});
  CHECK(jobs.list({.limit = 0}).size() == 3);               // no limit
  CHECK(count_jobs(jobs.db(), {.limit = 1}).value() == 3);  // count ignores paging
}

TEST_CASE("list_jobs searches text literally, whatever FTS5 syntax it holds", "[store]") {
  ListedJobs jobs;
  CHECK(jobs.list({.text = "c++"}) == Titles{"Senior C++ Engineer"});
  CHECK(jobs.list({.text = "c++", .include_closed = true}).size() == 2);
  CHECK(jobs.list({.text = "  RUST  berlin "}) == Titles{"Senior C++ Engineer"});
  CHECK(jobs.list({.text = "initech"}) == Titles{"Data Engineer"});  // company is indexed
  CHECK(jobs.list({.text = "engineer", .country = "US"}) == Titles{"Data Engineer"});

  SECTION("operators and quotes are words, not syntax") {
    // c, and, or, near: all in the first job's description.
    CHECK(jobs.list({.text = R"(c++ AND OR NEAR())"}) == Titles{"Senior C++ Engineer"});
    for (const char* hostile :
         {"\"", "\"\"", "*", "NEAR(a b)", "title:engineer", "^data", "a OR", "(", ")",
          "{title}: x", "AND", "'; DROP TABLE", "engineer*", "-", "- -", "\"-x", "x \"y"}) {
      INFO(hostile);
      auto found = list_jobs(jobs.db(), {.text = hostile});
      CHECK(found);
      CHECK(count_jobs(jobs.db(), {.text = hostile}));
    }
    CHECK(jobs.list({.text = "title:engineer"}).empty());  // no column filter
  }
  SECTION("a quoted phrase wants its words in a row") {
    CHECK(jobs.list({.text = R"("and/or rust")"}) == Titles{"Senior C++ Engineer"});
    CHECK(jobs.list({.text = R"("rust and")"}).empty());
    CHECK(jobs.list({.text = R"("rust and)"}).empty());  // unclosed: to the end
  }
  SECTION("-word leaves out the jobs that hold it") {
    CHECK(jobs.list({.text = "engineer -rust"}) == Titles{"Data Engineer"});
    CHECK(jobs.list({.text = R"(engineer -"near berlin")"}) == Titles{"Data Engineer"});
    Titles either = jobs.list({.text = "engineer developer -rust", .any_word = true});
    std::sort(either.begin(), either.end());
    CHECK(either == Titles{"Data Engineer", "Frontend Developer"});
    CHECK(count_jobs(jobs.db(), {.text = "engineer -rust"}).value() == 1);
    CHECK(jobs.list({.text = "full-time"}).empty());  // a '-' inside a word is part of it
    auto alone = list_jobs(jobs.db(), {.text = "-rust"});
    REQUIRE_FALSE(alone);
    CHECK(alone.error().code == Errc::invalid_argument);
  }
}

}  // namespace
}  // namespace hg::store

namespace hg::store {
namespace {

TEST_CASE("an update keeps the full-text index in step, before and after a flush", "[store]") {
  testing::TempStore store;
  auto writer = JobWriter::create(store.db());
  REQUIRE(writer);
  model::Job job;
  job.source = "board";
  job.external_id = "fts-1";
  job.title = "Pastry chef";
  job.company = "Bakery";
  job.description = "croissants";
  REQUIRE(writer->upsert(job, "2026-01-05T09:00:00Z"));
  job.description = "baguettes";  // updated before the first flush: indexed once, new text
  REQUIRE(writer->upsert(job, "2026-01-05T09:00:00Z"));
  REQUIRE(writer->flush());
  job.description = "brioche";  // updated after it: the old text leaves the index
  REQUIRE(writer->upsert(job, "2026-01-05T09:00:00Z"));
  REQUIRE(writer->flush());

  auto found = [&store](const char* text) {
    auto jobs = list_jobs(store.db(), JobFilter{.text = text, .any_word = false, .company = {},
                                                .country = {}, .remote = {}, .since = {},
                                                .min_salary = {}, .source = {},
                                                .include_closed = false, .one_per_cluster = true,
                                                .limit = 50, .offset = 0});
    REQUIRE(jobs);
    return jobs->size();
  };
  CHECK(found("brioche") == 1);
  CHECK(found("croissants") == 0);
  CHECK(found("baguettes") == 0);
  CHECK(check_integrity(store.db()));
  auto stmt = Statement::prepare(store.db(),
                                 "INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)");
  REQUIRE(stmt);
  CHECK(stmt->run());
}

TEST_CASE("job_skills rows wait for flush and an update before it replaces them", "[store]") {
  testing::TempStore store;
  auto writer = JobWriter::create(store.db());
  REQUIRE(writer);
  auto skills_of = [&store](model::JobId id) {
    auto stmt = Statement::prepare(
        store.db(),
        "SELECT s.name || ':' || coalesce(js.required, '-') FROM job_skills js "
        "JOIN skills s ON s.id = js.skill_id WHERE js.job_id = ?1 ORDER BY s.name");
    REQUIRE(stmt);
    stmt->bind(1, id);
    std::vector<std::string> out;
    while (stmt->step().value()) out.push_back(stmt->column_text(0));
    return out;
  };
  model::Job job = make_job("sk-1", "Data engineer", "Acme");
  job.skills = {{.name = "python", .required = true}, {.name = "sql", .required = std::nullopt}};
  auto first = writer->upsert(job, kMonday);
  REQUIRE(first);
  model::Job other = make_job("sk-2", "Analyst", "Acme");
  other.skills = {{.name = "sql", .required = false}};
  auto second = writer->upsert(other, kMonday);
  REQUIRE(second);
  CHECK(skills_of(first->id).empty());  // gathered, not written yet

  job.description = "now with Go";  // updated before the flush: its old rows must go
  job.skills = {{.name = "go", .required = false}};
  auto again = writer->upsert(job, kMonday);
  REQUIRE(again);
  CHECK(again->outcome == UpsertOutcome::updated);
  REQUIRE(writer->flush());
  CHECK(skills_of(first->id) == std::vector<std::string>{"go:0"});
  CHECK(skills_of(second->id) == std::vector<std::string>{"sql:0"});

  job.skills = {{.name = "rust", .required = true}};  // and after it
  job.description = "now with Rust";
  REQUIRE(writer->upsert(job, kMonday));
  REQUIRE(writer->flush());
  CHECK(skills_of(first->id) == std::vector<std::string>{"rust:1"});
}

}  // namespace
}  // namespace hg::store
