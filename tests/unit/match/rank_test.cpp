// Ranking on a real temp store: the index, forward and reverse ranking, explanations, filters,
// diversity, dedup clusters, exactness of the bounded text pass, the cache and skill gaps.
#include "match/rank.hpp"

#include <algorithm>
#include <random>

#include <catch2/catch.hpp>

#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "store/statement.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::match {
namespace {

constexpr const char* kNow = "2026-11-21T12:00:00Z";

model::Job make_job(std::string id, std::string title, std::string company,
                    std::vector<model::JobSkill> skills) {
  model::Job job;
  job.source = "test";
  job.external_id = std::move(id);
  job.title = std::move(title);
  job.company = std::move(company);
  job.skills = std::move(skills);
  job.description = job.title + " at " + job.company + ".";
  job.date_posted = "2026-11-20";
  job.country = "US";
  return job;
}

std::vector<std::int64_t> store_jobs(const store::Db& db, const std::vector<model::Job>& jobs) {
  auto writer = store::JobWriter::create(db);
  REQUIRE(writer);
  auto tx = store::Transaction::begin(db);
  REQUIRE(tx);
  std::vector<std::int64_t> ids;
  for (const model::Job& job : jobs) {
    auto done = writer->upsert(job, kNow);
    REQUIRE(done);
    ids.push_back(done->id);
  }
  REQUIRE(writer->flush());
  REQUIRE(tx->commit());
  return ids;
}

// Puts `members` in the dedup cluster headed by `head` (table job_clusters, migration 006).
void mark_cluster(const store::Db& db, std::int64_t head, const std::vector<std::int64_t>& members) {
  auto insert = store::Statement::prepare(
      db, "INSERT OR REPLACE INTO job_clusters(job_id, cluster_id) VALUES (?1, ?2)");
  REQUIRE(insert);
  for (std::int64_t member : members) {
    insert->bind(1, member);
    insert->bind(2, head);
    REQUIRE(insert->run());
    insert->reset();
  }
}

const skills::Taxonomy& taxonomy() {
  static const skills::Taxonomy loaded = [] {
    auto t = skills::Taxonomy::load_builtin();
    REQUIRE(t);
    return std::move(*t);
  }();
  return loaded;
}

Query query_for(std::vector<std::string> skill_names, std::string title) {
  model::Profile profile;
  profile.name = "t";
  Overrides overrides;
  overrides.skills = std::move(skill_names);
  overrides.title = std::move(title);
  overrides.years = 6;
  auto query = make_query(profile, overrides, taxonomy(), nullptr);
  REQUIRE(query);
  return std::move(*query);
}

RankOptions options_at_now() {
  RankOptions options;
  options.today = *day_number(kNow);
  return options;
}

double sum_of(const Explanation& e) {
  double sum = 0;
  for (double c : e.contribution) sum += c;
  return sum;
}

TEST_CASE("the factor contributions add up to the score", "[match]") {
  testing::TempStore store;
  model::Job remote = make_job("1", "Senior Data Engineer", "Acme",
                               {{"Python", true}, {"SQL", true}, {"Kubernetes", false}});
  remote.remote = "remote";
  remote.salary_min = 150000;
  remote.salary_max = 170000;
  remote.salary_period = "year";
  remote.salary_annual = 160000;
  remote.salary_reporting = 160000;
  store_jobs(store.db(), {remote, make_job("2", "Civil Engineer", "Bridges Inc", {{"AutoCAD", true}}),
                          make_job("3", "Data Analyst", "Contoso", {{"SQL", std::nullopt}})});
  auto index = JobIndex::build(store.db());
  REQUIRE(index);
  CHECK(index->jobs().size() == 3);
  const Query query = query_for({"Python", "SQL"}, "data engineer");
  RankOptions options = options_at_now();
  SECTION("default weights") {}
  SECTION("other weights") {
    options.weights.raw = {1, 2, 3, 4, 5, 6, 7, 8};
  }
  auto ranking = rank_jobs(store.db(), *index, query, options);
  REQUIRE(ranking);
  REQUIRE(ranking->matches.size() == 3);
  for (const Match& match : ranking->matches) {
    CHECK(sum_of(match.explanation) == Approx(match.explanation.score).margin(1e-12));
    for (Factor factor : kFactors) {
      const auto f = static_cast<std::size_t>(factor);
      CHECK(match.explanation.contribution[f] ==
            Approx(options.weights.share(factor) * match.explanation.factors[f].value));
      CHECK(match.explanation.factors[f].value >= 0);
      CHECK(match.explanation.factors[f].value <= 1);
    }
  }
  CHECK(ranking->matches.front().explanation.matching == std::vector<std::string>{"Python", "SQL"});
  CHECK(ranking->matches.front().explanation.missing == std::vector<std::string>{"Kubernetes"});
  CHECK(ranking->exact);
}

TEST_CASE("rank_jobs orders by score and explains why one ranks above the next", "[match]") {
  testing::TempStore store;
  store_jobs(store.db(), {make_job("a", "Data Engineer", "A", {{"Python", true}, {"SQL", true}}),
                          make_job("b", "Data Engineer", "B", {{"Python", true}, {"Scala", true}}),
                          make_job("c", "Nurse", "C", {{"Patient care", true}})});
  auto index = JobIndex::build(store.db());
  REQUIRE(index);
  auto ranking = rank_jobs(store.db(), *index, query_for({"Python", "SQL"}, "Data Engineer"), options_at_now());
  REQUIRE(ranking);
  REQUIRE(ranking->matches.size() == 3);
  const auto& m = ranking->matches;
  CHECK(m[0].explanation.score >= m[1].explanation.score);
  CHECK(m[1].explanation.score >= m[2].explanation.score);
  CHECK(m[0].explanation.matching.size() == 2);
  const std::string why = why_above(m[0].explanation, m[1].explanation);
  CHECK(why.find("skills +") == 0);
  CHECK_FALSE(m[0].explanation.reasons.empty());
}

TEST_CASE("implied skills count: TypeScript covers a JavaScript requirement", "[match]") {
  testing::TempStore store;
  store_jobs(store.db(), {make_job("a", "Frontend Developer", "A", {{"JavaScript", true}})});
  auto index = JobIndex::build(store.db());
  REQUIRE(index);
  auto ranking = rank_jobs(store.db(), *index, query_for({"TypeScript"}, "developer"), options_at_now());
  REQUIRE(ranking);
  REQUIRE(ranking->matches.size() == 1);
  CHECK(ranking->matches[0].explanation.implied == std::vector<std::string>{"JavaScript"});
  CHECK(ranking->matches[0].explanation.factors[0].value == Approx(0.7 * 2.1 / 4 + 0.3));
}

TEST_CASE("hard filters, closed jobs, clusters and the per-company cap", "[match]") {
  testing::TempStore store;
  model::Job remote = make_job("r", "Data Engineer", "Acme", {{"Python", true}});
  remote.remote = "remote";
  model::Job old = make_job("o", "Data Engineer", "Acme", {{"Python", true}});
  old.date_posted = "2026-09-01";
  model::Job german = make_job("g", "Data Engineer", "Acme", {{"Python", true}});
  german.country = "DE";
  model::Job closed = make_job("x", "Data Engineer", "Initech", {{"Python", true}});
  closed.closed_at = "2026-11-01T00:00:00Z";
  model::Job nosponsor = make_job("v", "Data Engineer", "Globex", {{"Python", true}});
  nosponsor.visa_sponsorship = false;
  model::Job contract = make_job("k", "Data Engineer", "Umbrella", {{"Python", true}});
  contract.employment_type = "contract";
  model::Job dup = make_job("d", "Data Engineer", "Umbrella", {{"Python", true}});
  const auto ids = store_jobs(store.db(), {remote, old, german, closed, nosponsor, contract, dup});
  // "d" is a duplicate of "k": only the cluster's head is ranked, with the cluster's size.
  mark_cluster(store.db(), ids[5], {ids[5], ids[6]});
  auto index = JobIndex::build(store.db());
  REQUIRE(index);
  const Query query = query_for({"Python"}, "Data Engineer");
  auto ranked_ids = [&](const RankOptions& options) {
    auto ranking = rank_jobs(store.db(), *index, query, options);
    REQUIRE(ranking);
    std::vector<std::int64_t> out;
    for (const Match& m : ranking->matches) out.push_back(m.job_id);
    std::sort(out.begin(), out.end());
    return out;
  };
  RankOptions options = options_at_now();
  options.per_company = 0;
  CHECK(ranked_ids(options) == std::vector<std::int64_t>{ids[0], ids[1], ids[2], ids[4], ids[5]});
  {
    auto ranking = rank_jobs(store.db(), *index, query, options);
    REQUIRE(ranking);
    for (const Match& m : ranking->matches) CHECK(m.cluster_size == (m.job_id == ids[5] ? 2u : 1u));
  }
  SECTION("--all includes closed jobs") {
    options.filters.include_closed = true;
    CHECK(ranked_ids(options).size() == 6);
  }
  SECTION("--remote remote") {
    options.filters.remote = 3;
    CHECK(ranked_ids(options) == std::vector<std::int64_t>{ids[0]});
  }
  SECTION("--country DE") {
    options.filters.country = "DE";
    CHECK(ranked_ids(options) == std::vector<std::int64_t>{ids[2]});
  }
  SECTION("--since") {
    options.filters.since_day = *day_number("2026-11-14");
    const auto got = ranked_ids(options);
    CHECK(std::count(got.begin(), got.end(), ids[1]) == 0);
    CHECK(got.size() == 4);
  }
  SECTION("--visa drops jobs that do not sponsor") {
    options.filters.visa = true;
    const auto got = ranked_ids(options);
    CHECK(std::find(got.begin(), got.end(), ids[4]) == got.end());
  }
  SECTION("--type contract") {
    options.filters.types = {employment_number("contract")};
    CHECK(ranked_ids(options) == std::vector<std::int64_t>{ids[5]});
  }
  SECTION("at most one per company") {
    options.per_company = 1;
    CHECK(ranked_ids(options).size() == 3);  // Acme, Globex, Umbrella
  }
}

TEST_CASE("the bounded text pass returns the same top 10 as scoring every job", "[match]") {
  testing::TempStore store;
  std::mt19937 random(7);
  const char* titles[] = {"Data Engineer", "Software Engineer", "Data Scientist", "Nurse",
                          "Civil Engineer", "Senior Data Engineer", "Analyst"};
  const char* skills[] = {"Python", "SQL", "Java", "Kubernetes", "AutoCAD", "Spark", "Excel"};
  const char* words[] = {"python", "pipelines", "data", "engineer", "care", "bridges", "spark", "sql"};
  std::vector<model::Job> jobs;
  for (int i = 0; i < 300; ++i) {
    model::Job job = make_job(std::to_string(i), titles[random() % 7], "C" + std::to_string(i % 40), {});
    for (int s = 0; s < 3; ++s) job.skills.push_back({skills[random() % 7], random() % 2 == 0});
    std::sort(job.skills.begin(), job.skills.end(), [](auto& a, auto& b) { return a.name < b.name; });
    job.skills.erase(std::unique(job.skills.begin(), job.skills.end(),
                                 [](auto& a, auto& b) { return a.name == b.name; }), job.skills.end());
    for (int w = 0; w < 40; ++w) job.description += std::string(" ") + words[random() % 8];
    job.date_posted = "2026-11-" + std::to_string(10 + random() % 11);
    jobs.push_back(job);
  }
  store_jobs(store.db(), jobs);
  auto index = JobIndex::build(store.db());
  REQUIRE(index);
  const Query query = query_for({"Python", "SQL", "Spark"}, "data engineer");
  RankOptions bounded = options_at_now();
  bounded.limit = 10;
  bounded.per_company = 0;
  bounded.max_rescored = 10;  // the heap holds 10; the cut may stop early
  RankOptions full = bounded;
  full.max_rescored = 100000;
  auto a = rank_jobs(store.db(), *index, query, bounded);
  auto b = rank_jobs(store.db(), *index, query, full);
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(b->exact);
  REQUIRE(b->matches.size() == 10);
  CHECK(b->rescored < 300);  // the bound cut the text pass short
  if (a->exact) {
    for (std::size_t i = 0; i < 10; ++i) {
      CHECK(a->matches[i].explanation.score == Approx(b->matches[i].explanation.score));
    }
  }
  // Against brute force: every job's full score.
  RankOptions everything = full;
  everything.limit = 1000;
  auto all = rank_jobs(store.db(), *index, query, everything);
  REQUIRE(all);
  REQUIRE(all->matches.size() == 300);
  for (std::size_t i = 0; i < 10; ++i) {
    CHECK(b->matches[i].explanation.score == Approx(all->matches[i].explanation.score));
  }
}

TEST_CASE("the index is cached beside the store and rebuilt when jobs change", "[match]") {
  testing::TempStore store;
  store_jobs(store.db(), {make_job("a", "Data Engineer", "A", {{"Python", true}})});
  const auto cache = cache_path_for(store.path());
  auto first = JobIndex::open(store.db(), cache);
  REQUIRE(first);
  CHECK(first->rebuilt);
  CHECK(std::filesystem::exists(cache));
  auto second = JobIndex::open(store.db(), cache);
  REQUIRE(second);
  CHECK_FALSE(second->rebuilt);
  CHECK(second->index.jobs().size() == 1);
  CHECK(second->index.skill_names() == first->index.skill_names());

  store_jobs(store.db(), {make_job("b", "Nurse", "B", {})});
  auto third = JobIndex::open(store.db(), cache);
  REQUIRE(third);
  CHECK(third->rebuilt);
  CHECK(third->index.jobs().size() == 2);

  REQUIRE(store::exec(store.db(), "UPDATE jobs SET closed_at = '2026-11-21T00:00:00Z' WHERE external_id = 'b'"));
  auto fourth = JobIndex::open(store.db(), cache);
  REQUIRE(fourth);
  CHECK(fourth->rebuilt);

  SECTION("a damaged cache file is rebuilt, not read") {
    std::filesystem::resize_file(cache, std::filesystem::file_size(cache) / 2);
    auto again = JobIndex::open(store.db(), cache);
    REQUIRE(again);
    CHECK(again->rebuilt);
    CHECK(again->index.jobs().size() == 2);
  }
  SECTION("stats-only load reads the word statistics") {
    auto stats = JobIndex::load(cache, true);
    REQUIRE(stats);
    CHECK(stats->jobs().empty());
    CHECK(stats->title_word("engineer") != UINT32_MAX);
  }
}

TEST_CASE("skill_gaps counts the jobs one more skill lifts over the threshold", "[match]") {
  testing::TempStore store;
  std::vector<model::Job> jobs;
  for (int i = 0; i < 5; ++i) {
    jobs.push_back(make_job("k" + std::to_string(i), "Data Engineer", "C" + std::to_string(i),
                            {{"Python", true}, {"Kubernetes", true}}));
  }
  jobs.push_back(make_job("s", "Data Engineer", "S", {{"Python", true}, {"Scala", false}}));
  store_jobs(store.db(), jobs);
  auto index = JobIndex::build(store.db());
  REQUIRE(index);
  const Query query = query_for({"Python"}, "Data Engineer");
  RankOptions options = options_at_now();
  auto before = rank_jobs(store.db(), *index, query, options);
  REQUIRE(before);
  const double kube_score = before->matches.back().explanation.score;
  auto gaps = skill_gaps(store.db(), *index, query, options, kube_score + 0.05);
  REQUIRE(gaps);
  REQUIRE_FALSE(gaps->skills.empty());
  CHECK(gaps->skills.front().skill == "Kubernetes");
  CHECK(gaps->skills.front().asked == 5);
  CHECK(gaps->skills.front().added == 5);
}

TEST_CASE("rank_seekers ranks stored profiles for a job with the same factors", "[match]") {
  testing::TempStore store;
  const auto ids = store_jobs(store.db(), {make_job("a", "Data Engineer", "A", {{"Python", true}, {"SQL", true}})});
  model::Profile strong;
  strong.name = "strong";
  strong.label = "Data Engineer";
  strong.skills = {{"Python", "", 5.0}, {"SQL", "", 5.0}};
  strong.years_experience = 5;
  model::Profile weak;
  weak.name = "weak";
  weak.label = "Nurse";
  weak.skills = {{"Patient care", "", std::nullopt}};
  std::vector<NamedQuery> seekers;
  for (const model::Profile& p : {weak, strong}) {
    auto q = make_query(p, {}, taxonomy(), nullptr);
    REQUIRE(q);
    seekers.push_back({0, p.name, *q});
  }
  auto ranked = rank_seekers(store.db(), ids[0], seekers, nullptr, options_at_now());
  REQUIRE(ranked);
  REQUIRE(ranked->size() == 2);
  CHECK((*ranked)[0].name == "strong");
  CHECK((*ranked)[0].explanation.matching == std::vector<std::string>{"Python", "SQL"});
  CHECK(sum_of((*ranked)[0].explanation) == Approx((*ranked)[0].explanation.score));
  CHECK((*ranked)[1].explanation.missing == std::vector<std::string>{"Python", "SQL"});

  SECTION("forward and reverse agree on every factor but text statistics") {
    auto index = JobIndex::build(store.db());
    REQUIRE(index);
    auto forward = rank_jobs(store.db(), *index, seekers[1].query, options_at_now());
    REQUIRE(forward);
    REQUIRE(forward->matches.size() == 1);
    for (Factor factor : {Factor::skills, Factor::seniority, Factor::location, Factor::salary,
                          Factor::visa, Factor::recency}) {
      const auto f = static_cast<std::size_t>(factor);
      CHECK(forward->matches[0].explanation.factors[f].value == Approx((*ranked)[0].explanation.factors[f].value));
    }
  }
  SECTION("an unknown job is not_found") {
    auto missing = rank_seekers(store.db(), ids[0] + 100, seekers, nullptr, options_at_now());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == Errc::not_found);
  }
}

}  // namespace
}  // namespace hg::match
