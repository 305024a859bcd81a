// `hg dedup` on the real binary: labelled duplicates from the benchmark cluster as labelled,
// hard negatives stay apart, runs are incremental, and --dry-run, --explain and split behave.
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::at_now;
using hg::testing::fixture;
using hg::testing::lines_of;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::TempDir;

std::string postings() { return fixture("dedup/postings.jsonl").string(); }

std::map<std::string, std::string> expected_clusters() {
  std::ifstream in(fixture("dedup/expected.json"));
  const auto labels = nlohmann::json::parse(in);
  std::map<std::string, std::string> out;
  for (const auto& [id, cluster] : labels.items()) out[id] = cluster.get<std::string>();
  return out;
}

// external id -> the job's cluster id (or its own id, negated, when alone).
std::map<std::string, std::int64_t> stored_clusters(const std::filesystem::path& db) {
  const Run run = run_hg({"export", "jobs", "--jsonl"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  std::map<std::string, std::int64_t> out;
  for (const std::string& line : lines_of(run.out)) {
    const auto job = nlohmann::json::parse(line);
    out[job["external_id"].get<std::string>()] =
        job["cluster_id"].is_null() ? -job["id"].get<std::int64_t>() : job["cluster_id"].get<std::int64_t>();
  }
  return out;
}

// Pairs on which the store and the labels disagree.
std::vector<std::string> disagreements(const std::filesystem::path& db) {
  const auto expected = expected_clusters();
  const auto stored = stored_clusters(db);
  std::vector<std::string> out;
  for (auto a = expected.begin(); a != expected.end(); ++a) {
    for (auto b = std::next(a); b != expected.end(); ++b) {
      const bool same = a->second == b->second;
      if (same != (stored.at(a->first) == stored.at(b->first))) {
        out.push_back(a->first + (same ? " should merge with " : " should stay apart from ") + b->first);
      }
    }
  }
  return out;
}

std::int64_t job_id(const std::filesystem::path& db, const std::string& external) {
  const Run run = run_hg({"export", "jobs", "--jsonl"}, db, at_now());
  for (const std::string& line : lines_of(run.out)) {
    const auto job = nlohmann::json::parse(line);
    if (job["external_id"] == external) return job["id"].get<std::int64_t>();
  }
  FAIL("no job " << external);
  return 0;
}

}  // namespace

TEST_CASE("import clusters the labelled duplicates and keeps every hard negative apart") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  const Run imported = run_hg({"import", "jobs", postings()}, db, at_now());
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out.find("dedup: 27 merges") != std::string::npos);
  CHECK(disagreements(db).empty());

  // One row per cluster, with the number of postings it stands for.
  const Run list = run_hg({"jobs", "list", "--json"}, db, at_now());
  REQUIRE(list.exit_code == 0);
  const auto rows = nlohmann::json::parse(list.out);
  CHECK(rows.size() == 10);
  std::int64_t postings_total = 0;
  for (const auto& row : rows) postings_total += row["postings"].get<std::int64_t>();
  CHECK(postings_total == 37);

  // Nothing new: nothing read, nothing changed.
  const Run again = run_hg({"dedup", "--json"}, db, at_now());
  REQUIRE(again.exit_code == 0);
  const auto summary = nlohmann::json::parse(again.out);
  CHECK(summary["read"] == 0);
  CHECK(summary["changed"] == 0);
}

TEST_CASE("incremental runs reach the same clusters as one run over everything") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  std::ifstream in(postings());
  std::ostringstream first, second;
  int n = 0;
  for (std::string line; std::getline(in, line); ++n) (n % 2 == 0 ? first : second) << line << "\n";
  REQUIRE(run_hg({"import", "jobs", "-"}, db, at_now(first.str())).exit_code == 0);
  const Run later = run_hg({"import", "jobs", "-", "--json"}, db, at_now(second.str()));
  REQUIRE(later.exit_code == 0);
  CHECK(nlohmann::json::parse(later.out)["dedup"]["merges"].get<int>() > 0);
  CHECK(disagreements(db).empty());

  // --rebuild forgets and recomputes: the same answer.
  REQUIRE(run_hg({"dedup", "--rebuild", "-q"}, db, at_now()).exit_code == 0);
  CHECK(disagreements(db).empty());
}

TEST_CASE("dedup --dry-run prints the merges and stores nothing") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  REQUIRE(run_hg({"import", "jobs", "--no-dedup", postings()}, db, at_now()).exit_code == 0);
  const Run dry = run_hg({"dedup", "--dry-run"}, db, at_now());
  REQUIRE(dry.exit_code == 0);
  CHECK(dry.out.find("would merge ") != std::string::npos);
  CHECK(dry.out.find("dry run: 37 new or changed postings") != std::string::npos);
  for (const auto& [id, cluster] : stored_clusters(db)) CHECK(cluster < 0);
  const Run real = run_hg({"dedup", "--json"}, db, at_now());
  REQUIRE(real.exit_code == 0);
  CHECK(nlohmann::json::parse(real.out)["merges"] == 27);
}

TEST_CASE("dedup --explain shows the scores of the members and why the others stayed apart") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  REQUIRE(run_hg({"import", "jobs", "-q", postings()}, db, at_now()).exit_code == 0);
  // The Data Scientist in Seattle has a "Senior" hard negative at the same company.
  const std::int64_t job = job_id(db, "r65cc6dd81bb0");
  const Run text = run_hg({"dedup", "--explain", std::to_string(job)}, db, at_now());
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("title read as: data scientist") != std::string::npos);
  CHECK(text.out.find(" level ") != std::string::npos);
  const Run json = run_hg({"dedup", "--explain", std::to_string(job), "--json"}, db, at_now());
  REQUIRE(json.exit_code == 0);
  const auto out = nlohmann::json::parse(json.out);
  CHECK_FALSE(out["cluster"].is_null());
  bool member = false, level = false;
  for (const auto& row : out["compared"]) {
    member = member || (row["member"].get<bool>() && row["score"]["merge"].get<bool>());
    level = level || row["score"]["conflict"] == "level";
  }
  CHECK(member);
  CHECK(level);
}

TEST_CASE("split takes a posting out for good") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  REQUIRE(run_hg({"import", "jobs", "-q", postings()}, db, at_now()).exit_code == 0);
  const std::int64_t job = job_id(db, "r65cc6dd81bb0");
  const Run split = run_hg({"dedup", "split", std::to_string(job)}, db, at_now());
  REQUIRE(split.exit_code == 0);
  CHECK(split.out.find("later runs keep them apart") != std::string::npos);
  auto alone = [&] { return stored_clusters(db).at("r65cc6dd81bb0") < 0; };
  CHECK(alone());
  REQUIRE(run_hg({"dedup", "--rebuild", "-q"}, db, at_now()).exit_code == 0);
  CHECK(alone());
  const Run again = run_hg({"dedup", "split", std::to_string(job)}, db, at_now());
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("is not in a cluster") != std::string::npos);
}

TEST_CASE("a changed posting is compared again") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  REQUIRE(run_hg({"import", "jobs", "-q", postings()}, db, at_now()).exit_code == 0);
  // The same record with another title: the upsert changes it, dedup reads it again.
  std::ifstream in(postings());
  std::string line;
  std::getline(in, line);
  auto record = nlohmann::json::parse(line);
  record["title"] = "Completely Different Role";
  const Run changed = run_hg({"import", "jobs", "-", "--json"}, db, at_now(record.dump() + "\n"));
  REQUIRE(changed.exit_code == 0);
  const auto summary = nlohmann::json::parse(changed.out);
  CHECK(summary["updated"] == 1);
  CHECK(stored_clusters(db).at(record["id"].get<std::string>()) < 0);  // left its cluster
}

TEST_CASE("dedup refuses bad input with a clear message") {
  TempDir dir;
  const auto db = dir.path() / "hg.db";
  REQUIRE(run_hg({"import", "jobs", "-q", postings()}, db, at_now()).exit_code == 0);
  const Run missing = run_hg({"dedup", "--explain", "99999"}, db, at_now());
  CHECK(missing.exit_code == 4);
  CHECK(lines_of(missing.err).at(0) == "hg: job 99999 not found");
  CHECK(run_hg({"dedup", "split", "99999"}, db, at_now()).exit_code == 4);
  CHECK(run_hg({"dedup", "--explain", "0"}, db, at_now()).exit_code == 2);
  const auto config = dir.path() / "config.toml";
  {
    std::ofstream out(config);
    out << "[dedup]\nscore = 3.5\n";
  }
  auto options = at_now();
  options.env["HG_CONFIG"] = config.string();
  const Run bad = run_hg({"dedup"}, db, options);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("dedup.score must be a number from 0 to 1") != std::string::npos);
}
