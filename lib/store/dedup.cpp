#include "store/dedup.hpp"

#include <algorithm>

#include "store/statement.hpp"
#include "util/strings.hpp"

namespace hg::store {
namespace {

constexpr const char* kInputColumns =
    "SELECT j.id, coalesce(c.cluster_id, 0), j.source, coalesce(j.canonical_url, ''), j.title, "
    "j.company, coalesce(j.location, ''), coalesce(j.city, ''), coalesce(j.country, ''), "
    "coalesce(j.remote, ''), substr(j.description, 1, 16384), "
    "coalesce(j.date_posted, j.first_seen), "
    "j.latitude, j.longitude, (j.salary_min IS NOT NULL OR j.salary_max IS NOT NULL) "
    "FROM jobs j LEFT JOIN job_clusters c ON c.job_id = j.id ";

DedupInput input_of(const Statement& s) {
  DedupInput job;
  job.id = s.column_int64(0);
  job.cluster = s.column_int64(1);
  job.source = s.column_text(2);
  job.canonical_url = s.column_text(3);
  job.title = s.column_text(4);
  job.company = s.column_text(5);
  job.location = s.column_text(6);
  job.city = s.column_text(7);
  job.country = s.column_text(8);
  job.remote = s.column_text(9);
  job.description = s.column_text(10);
  job.date = s.column_text(11);
  job.latitude = s.column_opt_double(12);
  job.longitude = s.column_opt_double(13);
  job.has_salary = s.column_int64(14) != 0;
  return job;
}

constexpr const char* kFeatureColumns =
    "SELECT f.job_id, coalesce(c.cluster_id, 0), f.features FROM dedup_features f "
    "LEFT JOIN job_clusters c ON c.job_id = f.job_id ";

Result<std::vector<StoredFeatures>> features_where(const Db& db, const std::string& sql,
                                                   std::int32_t version, std::int64_t key) {
  auto s = Statement::prepare(db, sql);
  if (!s) return s.error();
  s->bind(1, version);
  s->bind(2, key);
  std::vector<StoredFeatures> rows;
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) break;
    rows.push_back({s->column_int64(0), s->column_int64(1), s->column_blob(2)});
  }
  return rows;
}

}  // namespace

Result<void> for_each_dedup_input(const Db& db, std::int32_t version, bool all,
                                  const std::function<void(DedupInput&&)>& on_job) {
  (void)version;
  const std::string sql =
      all ? std::string(kInputColumns) + "ORDER BY j.id"
          : std::string(kInputColumns) +
                "WHERE j.id IN (SELECT job_id FROM dedup_pending) ORDER BY j.id";
  static_assert(kDedupDescriptionBytes == 16384, "the SQL above says 16384");
  auto s = Statement::prepare(db, sql);
  if (!s) return s.error();
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return {};
    on_job(input_of(*s));
  }
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> pending_jobs(const Db& db) {
  auto s = Statement::prepare(
      db, "SELECT p.job_id, coalesce(c.cluster_id, 0) FROM dedup_pending p "
          "JOIN jobs j ON j.id = p.job_id LEFT JOIN job_clusters c ON c.job_id = p.job_id "
          "ORDER BY p.job_id");
  if (!s) return s.error();
  std::vector<std::pair<std::int64_t, std::int64_t>> jobs;
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return jobs;
    jobs.emplace_back(s->column_int64(0), s->column_int64(1));
  }
}

Result<void> for_each_dedup_input_of(const Db& db, const std::vector<std::int64_t>& ids,
                                     const std::function<void(DedupInput&&)>& on_job) {
  auto s = Statement::prepare(db, std::string(kInputColumns) + "WHERE j.id = ?1");
  if (!s) return s.error();
  for (std::int64_t id : ids) {
    s->bind(1, id);
    auto row = s->step();
    if (!row) return row.error();
    if (*row) on_job(input_of(*s));
    s->reset();
  }
  return {};
}

Result<void> for_each_dedup_input_between(const Db& db, std::int64_t first, std::int64_t last,
                                          const std::function<void(DedupInput&&)>& on_job) {
  auto s = Statement::prepare(db, std::string(kInputColumns) +
                                      "WHERE j.id BETWEEN ?1 AND ?2 ORDER BY j.id");
  if (!s) return s.error();
  s->bind(1, first);
  s->bind(2, last);
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return {};
    on_job(input_of(*s));
  }
}

Result<std::pair<std::int64_t, std::int64_t>> job_id_range(const Db& db) {
  auto s = Statement::prepare(db, "SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM jobs");
  if (!s) return s.error();
  auto row = s->step();
  if (!row) return row.error();
  return std::pair{s->column_int64(0), s->column_int64(1)};
}

Result<std::int32_t> features_version(const Db& db) {
  auto s = Statement::prepare(db, "SELECT value FROM dedup_state WHERE name = 'features_version'");
  if (!s) return s.error();
  auto row = s->step();
  if (!row) return row.error();
  if (!*row) return 0;
  return static_cast<std::int32_t>(util::parse_int(s->column_text(0)).value_or(0));
}

Result<void> for_each_features(const Db& db, std::int32_t version,
                               const std::function<void(StoredFeatures&&)>& on_row) {
  auto s = Statement::prepare(db, std::string(kFeatureColumns) + "WHERE f.version = ?1");
  if (!s) return s.error();
  s->bind(1, version);
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return {};
    on_row({s->column_int64(0), s->column_int64(1), s->column_blob(2)});
  }
}

Result<std::vector<StoredFeatures>> features_by_company(const Db& db, std::int32_t version,
                                                        std::int64_t company_key) {
  return features_where(db, std::string(kFeatureColumns) +
                                "WHERE f.version = ?1 AND f.company_key = ?2",
                        version, company_key);
}

Result<std::vector<StoredKeys>> keys_by_company(const Db& db, std::int64_t company_key) {
  auto s = Statement::prepare(
      db, "SELECT job_id, keys FROM dedup_features INDEXED BY dedup_features_company "
          "WHERE company_key = ?1");
  if (!s) return s.error();
  s->bind(1, company_key);
  std::vector<StoredKeys> rows;
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return rows;
    rows.push_back({s->column_int64(0), s->column_blob(1)});
  }
}

Result<std::vector<StoredFeatures>> features_by_url(const Db& db, std::int32_t version,
                                                    std::int64_t url_key) {
  return features_where(db, std::string(kFeatureColumns) +
                                "WHERE f.version = ?1 AND f.url_key = ?2 AND f.url_key != 0",
                        version, url_key);
}

Result<std::vector<StoredFeatures>> features_of_cluster(const Db& db, std::int32_t version,
                                                        std::int64_t cluster) {
  return features_where(db, std::string(kFeatureColumns) +
                                "WHERE f.version = ?1 AND c.cluster_id = ?2",
                        version, cluster);
}

Result<std::optional<StoredFeatures>> features_of_job(const Db& db, std::int32_t version,
                                                      std::int64_t job) {
  auto rows = features_where(
      db, std::string(kFeatureColumns) + "WHERE f.version = ?1 AND f.job_id = ?2", version, job);
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<StoredFeatures>();
  return std::optional<StoredFeatures>(std::move(rows->front()));
}

Result<std::int64_t> cluster_size(const Db& db, std::int64_t canonical) {
  auto s = Statement::prepare(db, "SELECT count(*) FROM job_clusters WHERE cluster_id = ?1");
  if (!s) return s.error();
  s->bind(1, canonical);
  auto row = s->step();
  if (!row) return row.error();
  return std::max<std::int64_t>(1, s->column_int64(0));
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> user_splits(const Db& db) {
  auto s = Statement::prepare(
      db, "SELECT job_a, job_b FROM dedup_decisions WHERE decision = 'split' AND by_user = 1");
  if (!s) return s.error();
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return pairs;
    pairs.emplace_back(s->column_int64(0), s->column_int64(1));
  }
}

Result<void> save_dedup(const Db& db, const DedupWrite& write) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  // A reset fills the tables from empty: their secondary indexes are built once at the end
  // (one sort) instead of one random insert per row.
  if (write.reset) {
    if (auto r = exec(db, "DELETE FROM dedup_features; "
                          "DELETE FROM dedup_decisions WHERE by_user = 0; "
                          "DELETE FROM job_clusters; "
                          "DELETE FROM dedup_pending; "
                          "DROP INDEX IF EXISTS dedup_features_company; "
                          "DROP INDEX IF EXISTS dedup_features_url; "
                          "DROP INDEX IF EXISTS job_clusters_cluster;");
        !r) {
      return r.error();
    }
  }
  auto feature = Statement::prepare(
      db, "INSERT OR REPLACE INTO dedup_features(job_id, version, company_key, url_key, keys, "
          "features) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  auto cluster = Statement::prepare(
      db, "INSERT OR REPLACE INTO job_clusters(job_id, cluster_id) VALUES (?1, ?2)");
  auto alone = Statement::prepare(db, "DELETE FROM job_clusters WHERE job_id = ?1");
  auto merge = Statement::prepare(
      db, "INSERT INTO dedup_decisions(job_a, job_b, decision, reason, by_user, created_at) "
          "VALUES (min(?1, ?2), max(?1, ?2), 'merge', ?3, 0, ?4) "
          "ON CONFLICT(job_a, job_b) DO UPDATE SET decision = 'merge', reason = excluded.reason, "
          "created_at = excluded.created_at WHERE by_user = 0");
  auto done = Statement::prepare(db, "DELETE FROM dedup_pending WHERE job_id = ?1");
  auto state = Statement::prepare(
      db, "INSERT OR REPLACE INTO dedup_state(name, value) VALUES ('features_version', ?1)");
  for (auto* stmt : {&feature, &cluster, &alone, &merge, &done, &state}) {
    if (!*stmt) return stmt->error();
  }
  if (write.next_feature) {
    FeatureRow row;
    while (write.next_feature(row)) {
      feature->bind(1, row.job);
      feature->bind(2, write.version);
      feature->bind(3, row.company_key);
      feature->bind(4, row.url_key);
      feature->bind_blob(5, row.keys);
      feature->bind_blob(6, row.bytes);
      if (auto r = feature->run(); !r) return r.error();
      feature->reset();
      if (!write.reset) {
        done->bind(1, row.job);
        if (auto r = done->run(); !r) return r.error();
        done->reset();
      }
    }
  }
  if (write.clusters) {
    for (const ClusterChange& change : *write.clusters) {
      Statement& s = change.cluster == 0 ? *alone : *cluster;
      s.bind(1, change.job);
      if (change.cluster != 0) s.bind(2, change.cluster);
      if (auto r = s.run(); !r) return r.error();
      s.reset();
    }
  }
  if (write.merges) {
    for (const Decision& decision : *write.merges) {
      merge->bind(1, decision.a);
      merge->bind(2, decision.b);
      merge->bind(3, decision.reason);
      merge->bind(4, write.now);
      if (auto r = merge->run(); !r) return r.error();
      merge->reset();
    }
  }
  state->bind(1, std::to_string(write.version));
  if (auto r = state->run(); !r) return r.error();
  if (write.reset) {
    if (auto r = exec(db, "CREATE INDEX dedup_features_company ON dedup_features(company_key, keys); "
                          "CREATE INDEX dedup_features_url ON dedup_features(url_key) "
                          "WHERE url_key != 0; "
                          "CREATE INDEX job_clusters_cluster ON job_clusters(cluster_id);");
        !r) {
      return r.error();
    }
  }
  return tx->commit();
}

Result<std::vector<StoredDecision>> decisions_of(const Db& db, std::int64_t job) {
  auto s = Statement::prepare(
      db, "SELECT CASE WHEN job_a = ?1 THEN job_b ELSE job_a END, decision, "
          "coalesce(reason, ''), created_at, by_user FROM dedup_decisions "
          "WHERE job_a = ?1 OR job_b = ?1 ORDER BY created_at, id");
  if (!s) return s.error();
  s->bind(1, job);
  std::vector<StoredDecision> out;
  while (true) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({s->column_int64(0), s->column_text(1), s->column_text(2), s->column_text(3),
                   s->column_int64(4) != 0});
  }
}

Result<void> save_split(const Db& db, std::int64_t job, const std::vector<std::int64_t>& members,
                        std::int64_t rest_cluster, std::string_view now) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto split = Statement::prepare(
      db, "INSERT INTO dedup_decisions(job_a, job_b, decision, reason, by_user, created_at) "
          "VALUES (min(?1, ?2), max(?1, ?2), 'split', '{\"by\":\"user\"}', 1, ?3) "
          "ON CONFLICT(job_a, job_b) DO UPDATE SET decision = 'split', by_user = 1, "
          "reason = excluded.reason, created_at = excluded.created_at");
  auto cluster = Statement::prepare(
      db, "INSERT OR REPLACE INTO job_clusters(job_id, cluster_id) VALUES (?1, ?2)");
  auto alone = Statement::prepare(db, "DELETE FROM job_clusters WHERE job_id = ?1");
  if (!split) return split.error();
  if (!cluster) return cluster.error();
  if (!alone) return alone.error();
  for (std::int64_t member : members) {
    split->bind(1, job);
    split->bind(2, member);
    split->bind(3, now);
    if (auto r = split->run(); !r) return r.error();
    split->reset();
    Statement& s = rest_cluster == 0 ? *alone : *cluster;
    s.bind(1, member);
    if (rest_cluster != 0) s.bind(2, rest_cluster);
    if (auto r = s.run(); !r) return r.error();
    s.reset();
  }
  alone->bind(1, job);
  if (auto r = alone->run(); !r) return r.error();
  return tx->commit();
}

}  // namespace hg::store
