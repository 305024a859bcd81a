// `hg dedup` over a store: incremental runs, a full rebuild, a dry run, split and explain.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dedup/cluster.hpp"
#include "dedup/compare.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::dedup {

struct RunOptions {
  Thresholds thresholds{};
  bool rebuild = false;  // forget stored features and clusters, compare everything again
  bool dry_run = false;  // plan, write nothing
  int threads = 2;       // for features and scoring
  std::string now{};     // ISO 8601, for the decisions' created_at
  // Features (to_blob) of some pending postings, by id, computed by whoever wrote them
  // (features_of_job): those are not read back from the store. Ignored by a rebuild.
  const std::vector<std::pair<std::int64_t, std::string>>* precomputed = nullptr;
};

struct RunReport {
  std::size_t read = 0;      // postings whose features were computed this run
  std::size_t loaded = 0;    // stored postings they were compared against
  std::size_t compared = 0;  // candidate pairs scored
  std::size_t refused = 0;   // pairs kept apart by a rule although they scored high
  std::size_t changed = 0;   // postings whose cluster changed
  std::vector<Merge> merges; // the merges made (or, with dry_run, that would be made)
  double read_seconds = 0;   // reading postings and computing their features
  double load_seconds = 0;   // reading stored features
  double plan_seconds = 0;   // candidates, scores, clusters
  double write_seconds = 0;  // the transaction
};

// New and changed postings (those without current features) are compared with each other
// and with the stored postings that share a company, a URL or a cluster with them; clusters
// and merge reasons are written in one transaction (a crash leaves the last run's state).
// Errors: the store's (busy, failed).
Result<RunReport> run(const store::Db& db, const RunOptions& options);

// Why `job` sits in its cluster: every member scored against it, and the postings of the
// same company that stayed apart, with the rule or the score that kept them apart.
struct Explanation {
  std::int64_t job = 0;
  std::int64_t cluster = 0;  // 0: alone
  struct Row {
    std::int64_t job = 0;
    bool member = false;
    bool canonical = false;
    PairScore score{};
  };
  std::vector<Row> rows;  // members first, then others by score
  std::vector<std::string> title_words;  // how the title was read
};
// Errors: not_found (no such job); failed with a hint when the job has not been compared
// yet (run `hg dedup`).
Result<Explanation> explain(const store::Db& db, std::int64_t job, const Thresholds& thresholds,
                            std::size_t others);

// Takes `job` out of its cluster and remembers the decision: later runs never put it back
// with those postings. Returns the members it was split from. Errors: not_found; failed
// when the job is in no cluster.
Result<std::vector<std::int64_t>> split(const store::Db& db, std::int64_t job, std::string_view now);

}  // namespace hg::dedup
