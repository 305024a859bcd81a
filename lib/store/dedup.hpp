// What dedup reads and writes: postings to compare, their stored features, clusters, and the
// merge and split decisions with their reasons. The features are opaque bytes here.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

// One job as dedup reads it.
struct DedupInput {
  std::int64_t id = 0;
  std::int64_t cluster = 0;  // stored cluster id, 0 for none
  std::string source, canonical_url, title, company, location, city, country, remote;
  std::string description, date;  // date_posted, else first_seen
  std::optional<double> latitude, longitude;
  bool has_salary = false;
};

// Jobs a run must compare (all jobs when `all`): new since the last run, or changed in what
// dedup reads (triggers keep the list), in id order. Descriptions are read up to
// kDedupDescriptionBytes.
// Not `all` while the stored features were made by another version: see features_version.
inline constexpr int kDedupDescriptionBytes = 16 * 1024;
Result<void> for_each_dedup_input(const Db& db, std::int32_t version, bool all,
                                  const std::function<void(DedupInput&&)>& on_job);
// The jobs a run must compare (see for_each_dedup_input) as {id, stored cluster or 0}, in
// id order, without reading their text.
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> pending_jobs(const Db& db);
// The jobs of `ids` (ascending), as for_each_dedup_input reads them; ids without a job are
// skipped.
Result<void> for_each_dedup_input_of(const Db& db, const std::vector<std::int64_t>& ids,
                                     const std::function<void(DedupInput&&)>& on_job);
// Every job with first <= id <= last, in id order (for readers splitting a full scan).
Result<void> for_each_dedup_input_between(const Db& db, std::int64_t first, std::int64_t last,
                                          const std::function<void(DedupInput&&)>& on_job);
// The smallest and largest job id ({0, -1} for an empty store).
Result<std::pair<std::int64_t, std::int64_t>> job_id_range(const Db& db);

// The version of the stored features (0: none stored yet).
Result<std::int32_t> features_version(const Db& db);

struct StoredFeatures {
  std::int64_t job = 0;
  std::int64_t cluster = 0;  // 0 for none
  std::string bytes;
};

// Stored features of `version`: every job's, or those of one company key, URL key or cluster.
Result<void> for_each_features(const Db& db, std::int32_t version,
                               const std::function<void(StoredFeatures&&)>& on_row);
Result<std::vector<StoredFeatures>> features_by_company(const Db& db, std::int32_t version,
                                                        std::int64_t company_key);
Result<std::vector<StoredFeatures>> features_by_url(const Db& db, std::int32_t version,
                                                    std::int64_t url_key);
Result<std::vector<StoredFeatures>> features_of_cluster(const Db& db, std::int32_t version,
                                                        std::int64_t cluster);
Result<std::optional<StoredFeatures>> features_of_job(const Db& db, std::int32_t version,
                                                      std::int64_t job);

// How many postings the cluster of a canonical job holds (1 for a job alone).
Result<std::int64_t> cluster_size(const Db& db, std::int64_t canonical);

// Pairs split by a user (`hg dedup split`), kept across runs.
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> user_splits(const Db& db);

struct FeatureRow {
  std::int64_t job = 0, company_key = 0, url_key = 0;
  std::string keys;   // candidate keys, dedup's bytes
  std::string bytes;  // the features
};

// The candidate keys of every stored posting of one company (from the covering index alone;
// rows of another features version are among them and fail to load their features later).
struct StoredKeys {
  std::int64_t job = 0;
  std::string keys;
};
Result<std::vector<StoredKeys>> keys_by_company(const Db& db, std::int64_t company_key);
struct ClusterChange {
  std::int64_t job = 0, cluster = 0;  // cluster 0: alone (NULL)
};
struct Decision {
  std::int64_t a = 0, b = 0;
  std::string reason;  // JSON
};

// One dedup run's results, written in one transaction. With `reset`, earlier features,
// cluster ids and machine-made merge decisions are dropped first (user splits stay).
// Rows go in as given: in key order (features and clusters by job, merges by pair) they
// are appended, not scattered.
struct DedupWrite {
  bool reset = false;
  std::int32_t version = 0;
  std::function<bool(FeatureRow&)> next_feature;  // false when there are no more
  const std::vector<ClusterChange>* clusters = nullptr;
  const std::vector<Decision>* merges = nullptr;
  std::string now;
};
Result<void> save_dedup(const Db& db, const DedupWrite& write);

// The decisions stored for pairs that include `job`: (other job, decision, reason, by_user).
struct StoredDecision {
  std::int64_t other = 0;
  std::string decision, reason, created_at;
  bool by_user = false;
};
Result<std::vector<StoredDecision>> decisions_of(const Db& db, std::int64_t job);

// `hg dedup split JOB`: JOB leaves its cluster (splits remembered against every member);
// the rest keep `rest_cluster` (0: a member left alone). One transaction.
Result<void> save_split(const Db& db, std::int64_t job, const std::vector<std::int64_t>& members,
                        std::int64_t rest_cluster, std::string_view now);

}  // namespace hg::store
