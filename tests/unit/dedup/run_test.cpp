// dedup::run over a real store: features handed over by the writer of new postings are the
// ones a run would read back, and a run takes them instead of reading the postings.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "dedup/features.hpp"
#include "dedup/run.hpp"
#include "model/job.hpp"
#include "store/dedup.hpp"
#include "store/jobs.hpp"
#include "store/statement.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::dedup::features_of_job;
using hg::dedup::kFeaturesVersion;
using hg::dedup::to_blob;
using hg::model::Job;

constexpr std::string_view kNow = "2026-03-01T08:00:00Z";

Job job(std::string id, std::string title, std::string description) {
  Job j;
  j.source = "import";
  j.external_id = std::move(id);
  j.title = std::move(title);
  j.company = "Acme Analytics";
  j.location = "Austin, TX";
  j.city = "Austin";
  j.country = "US";
  j.description = std::move(description);
  return j;
}

// The postings stored, with their ids.
std::vector<std::pair<std::int64_t, Job>> store_jobs(const hg::store::Db& db, std::vector<Job> jobs) {
  auto tx = hg::store::Transaction::begin(db);
  REQUIRE(tx);
  auto writer = hg::store::JobWriter::create(db);
  REQUIRE(writer);
  std::vector<std::pair<std::int64_t, Job>> stored;
  for (Job& j : jobs) {
    auto done = writer->upsert(j, kNow);
    REQUIRE(done);
    stored.emplace_back(done->id, std::move(j));
  }
  REQUIRE(writer->flush());
  REQUIRE(tx->commit());
  return stored;
}

std::string stored_blob(const hg::store::Db& db, std::int64_t id) {
  auto row = hg::store::features_of_job(db, kFeaturesVersion, id);
  REQUIRE(row);
  REQUIRE(*row);
  return (*row)->bytes;
}

}  // namespace

TEST_CASE("features_of_job equals what a run reads back from the store") {
  hg::testing::TempDir dir;
  auto db = hg::store::Db::open(dir.path() / "hg.db");
  REQUIRE(db);
  // Past the store's 16384 characters, in two-byte characters: the cut counts characters.
  std::string long_text = "Build pipelines in Python and SQL. ";
  while (long_text.size() < 40000) long_text += "Qualit\xc3\xa4t und Sorgfalt f\xc3\xbcr Daten. ";
  Job dated = job("1", "Senior Data Engineer", "Python, SQL and Airflow.");
  dated.date_posted = "2026-02-11";
  dated.latitude = 30.26715;
  dated.longitude = -97.74306;
  dated.salary_min = 120000;
  Job undated = job("2", "Data Engineer II", "Spark and Scala on a small team.");
  Job seen = job("3", "Analytics Engineer", "dbt and Looker.");
  seen.first_seen = "2025-12-24T10:00:00Z";
  const auto stored = store_jobs(*db, {dated, undated, seen, job("4", "Data Engineer", long_text)});

  auto report = hg::dedup::run(*db, {.rebuild = true, .now = std::string(kNow)});
  REQUIRE(report);
  for (const auto& [id, j] : stored) {
    INFO("job " << j.external_id);
    CHECK(stored_blob(*db, id) == to_blob(features_of_job(j, kNow)));
  }
  // Text past the cut changes nothing.
  Job uncut = stored.back().second;
  uncut.description += "more";
  CHECK(to_blob(features_of_job(uncut, kNow)) == to_blob(features_of_job(stored.back().second, kNow)));
}

TEST_CASE("a run takes the features it is given and reads only the other postings") {
  hg::testing::TempDir dir;
  auto db = hg::store::Db::open(dir.path() / "hg.db");
  REQUIRE(db);
  const std::string text = "We build dashboards and write SQL against our warehouse every day.";
  const auto stored = store_jobs(*db, {job("1", "Data Analyst", text), job("2", "Data Analyst", text),
                                       job("3", "Data Analyst", text)});
  // Given for two of the three: the third is read from the store.
  std::vector<std::pair<std::int64_t, std::string>> given;
  for (std::size_t i = 0; i < 2; ++i) {
    given.emplace_back(stored[i].first, to_blob(features_of_job(stored[i].second, kNow)));
  }
  auto report = hg::dedup::run(*db, {.now = std::string(kNow), .precomputed = &given});
  REQUIRE(report);
  CHECK(report->read == 3);
  CHECK(report->merges.size() == 2);  // the three copies are one cluster
  for (const auto& [id, j] : stored) CHECK(stored_blob(*db, id) == to_blob(features_of_job(j, kNow)));

  // Nothing pending any more: given features of stored postings are not compared again.
  auto again = hg::dedup::run(*db, {.now = std::string(kNow), .precomputed = &given});
  REQUIRE(again);
  CHECK(again->read == 0);
}
