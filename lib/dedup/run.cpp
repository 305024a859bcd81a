#include "dedup/run.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "store/dedup.hpp"
#include "store/jobs.hpp"

namespace hg::dedup {
namespace {

// Beyond this many new postings a run reads every stored feature at once instead of looking
// them up company by company.
constexpr std::size_t kScanAbove = 50000;
constexpr std::size_t kBatch = 2048;  // postings handed to the feature thread at a time

Posting posting_of(const store::DedupInput& job) {
  Posting p;
  p.id = job.id;
  p.source = job.source;
  p.canonical_url = job.canonical_url;
  p.title = job.title;
  p.company = job.company;
  p.location = job.location;
  p.city = job.city;
  p.country = job.country;
  p.latitude = job.latitude;
  p.longitude = job.longitude;
  p.remote = job.remote;
  p.description = job.description;
  p.date = job.date;
  p.has_salary = job.has_salary;
  return p;
}

Item fresh_item(const store::DedupInput& job) {
  return Item{.id = job.id, .features = features_of(posting_of(job)), .cluster = job.cluster,
              .fresh = true};
}

// Every posting's features, for a full run: `threads` readers, each with its own connection
// to the store, read and compute an equal share of the id range (reading and the text work
// cost about the same, and both scale).
Result<std::vector<Item>> read_all(const store::Db& db, int threads) {
  auto range = store::job_id_range(db);
  if (!range) return range.error();
  const auto [first, last] = *range;
  if (last < first) return std::vector<Item>();
  const std::int64_t span = last - first + 1;
  const int readers = static_cast<int>(std::clamp<std::int64_t>(threads, 1, std::max<std::int64_t>(1, span / 1000)));
  std::vector<std::vector<Item>> parts(readers);
  std::vector<std::optional<Error>> errors(readers);
  auto read_part = [&](int part) {
    const std::int64_t lo = first + span * part / readers;
    const std::int64_t hi = first + span * (part + 1) / readers - 1;
    auto own = part == 0 ? Result<store::Db>(fail(Errc::failed, "unused"))
                         : store::Db::open(db.path(), {.create_if_missing = false, .migrate = false});
    if (part != 0 && !own) {
      errors[part] = own.error();
      return;
    }
    const store::Db& connection = part == 0 ? db : *own;
    auto r = store::for_each_dedup_input_between(connection, lo, hi, [&](store::DedupInput&& job) {
      parts[part].push_back(fresh_item(job));
    });
    if (!r) errors[part] = r.error();
  };
  std::vector<std::thread> pool;
  for (int part = 1; part < readers; ++part) pool.emplace_back(read_part, part);
  read_part(0);
  for (std::thread& t : pool) t.join();
  for (const auto& error : errors) {
    if (error) return *error;
  }
  std::vector<Item> items = std::move(parts[0]);
  for (int part = 1; part < readers; ++part) {
    items.insert(items.end(), std::make_move_iterator(parts[part].begin()),
                 std::make_move_iterator(parts[part].end()));
  }
  return items;
}

// The pending postings, with the features given for them; the rest are read from the
// store. nullopt when most have to be read anyway (read_fresh's scan is quicker then).
Result<std::optional<std::vector<Item>>> read_given(
    const store::Db& db, const std::vector<std::pair<std::int64_t, std::string>>& given) {
  std::unordered_map<std::int64_t, std::string_view> by_id;
  by_id.reserve(given.size());
  for (const auto& [id, blob] : given) by_id.emplace(id, blob);
  auto pending = store::pending_jobs(db);
  if (!pending) return pending.error();
  std::vector<Item> items;
  std::vector<std::int64_t> unknown;
  for (const auto& [id, cluster] : *pending) {
    const auto found = by_id.find(id);
    std::optional<Features> features;
    if (found != by_id.end()) features = from_blob(found->second);
    if (features) {
      items.push_back(Item{.id = id, .features = *features, .cluster = cluster, .fresh = true});
    } else {
      unknown.push_back(id);
    }
  }
  if (unknown.size() > items.size()) return std::optional<std::vector<Item>>();
  auto r = store::for_each_dedup_input_of(db, unknown, [&](store::DedupInput&& job) {
    items.push_back(fresh_item(job));
  });
  if (!r) return r.error();
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.id < b.id; });
  return std::optional(std::move(items));
}

// Features of every posting without current ones: the store is read on this thread while
// a second one computes (the text work is about as slow as SQLite's reading).
Result<std::vector<Item>> read_fresh(const store::Db& db, bool all, int threads,
                                     const std::vector<std::pair<std::int64_t, std::string>>* given) {
  if (all) return read_all(db, threads);
  if (given != nullptr && !given->empty()) {
    auto items = read_given(db, *given);
    if (!items) return items.error();
    if (*items) return std::move(**items);
  }
  std::vector<Item> items;
  if (threads < 2) {
    auto r = store::for_each_dedup_input(db, kFeaturesVersion, all, [&](store::DedupInput&& job) {
      items.push_back(fresh_item(job));
    });
    if (!r) return r.error();
    return items;
  }
  std::mutex mutex;
  std::condition_variable ready, drained;
  std::deque<std::vector<store::DedupInput>> queue;
  bool done = false;
  std::vector<Item> computed;
  std::thread worker([&] {
    while (true) {
      std::vector<store::DedupInput> batch;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return done || !queue.empty(); });
        if (queue.empty()) return;
        batch = std::move(queue.front());
        queue.pop_front();
      }
      drained.notify_one();
      for (const store::DedupInput& job : batch) computed.push_back(fresh_item(job));
    }
  });
  std::vector<store::DedupInput> batch;
  auto hand_over = [&] {
    std::unique_lock lock(mutex);
    drained.wait(lock, [&] { return queue.size() < 4; });  // bounded: memory stays flat
    queue.push_back(std::move(batch));
    batch.clear();
    ready.notify_one();
  };
  auto r = store::for_each_dedup_input(db, kFeaturesVersion, all, [&](store::DedupInput&& job) {
    batch.push_back(std::move(job));
    if (batch.size() >= kBatch) hand_over();
  });
  if (!batch.empty()) hand_over();
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  ready.notify_one();
  worker.join();
  if (!r) return r.error();
  return computed;
}

Result<void> add_stored(std::vector<store::StoredFeatures>&& rows, std::vector<Item>& items,
                        std::unordered_set<std::int64_t>& seen) {
  for (store::StoredFeatures& row : rows) {
    if (!seen.insert(row.job).second) continue;
    auto features = from_blob(row.bytes);
    if (!features) continue;  // another layout: recomputed when it is read as fresh
    items.push_back(Item{.id = row.job, .features = *features, .cluster = row.cluster, .fresh = false});
  }
  return {};
}

std::string keys_blob(const Features& features) {
  const BlockKeys keys = block_keys(features);
  std::string blob(sizeof(keys), '\0');
  std::memcpy(blob.data(), keys.data(), sizeof(keys));
  return blob;
}

// The stored postings new ones could merge with: those of the same company that share a
// candidate key (read from the covering index alone), those with the same URL, and the whole
// of every cluster any of them is in.
Result<std::size_t> load_neighbours(const store::Db& db, std::vector<Item>& items) {
  std::unordered_set<std::int64_t> seen;
  std::unordered_set<std::uint64_t> companies, urls, keys;
  for (const Item& item : items) {
    seen.insert(item.id);
    if (item.features.company_key != 0) companies.insert(item.features.company_key);
    if (item.features.url_key != 0) urls.insert(item.features.url_key);
    for (std::uint64_t key : block_keys(item.features)) {
      if (key != 0) keys.insert(key);
    }
  }
  const std::size_t fresh = items.size();
  std::vector<std::int64_t> wanted;
  for (std::uint64_t company : companies) {
    auto rows = store::keys_by_company(db, static_cast<std::int64_t>(company));
    if (!rows) return rows.error();
    for (const store::StoredKeys& row : *rows) {
      if (row.keys.size() != sizeof(BlockKeys) || seen.contains(row.job)) continue;
      BlockKeys stored;
      std::memcpy(stored.data(), row.keys.data(), sizeof(stored));
      if (std::any_of(stored.begin(), stored.end(),
                      [&](std::uint64_t key) { return key != 0 && keys.contains(key); })) {
        wanted.push_back(row.job);
        seen.insert(row.job);
      }
    }
  }
  for (std::int64_t job : wanted) {
    auto row = store::features_of_job(db, kFeaturesVersion, job);
    if (!row) return row.error();
    if (!*row) continue;
    auto features = from_blob((*row)->bytes);
    if (features) items.push_back(Item{.id = job, .features = *features, .cluster = (*row)->cluster, .fresh = false});
  }
  for (std::uint64_t url : urls) {
    auto rows = store::features_by_url(db, kFeaturesVersion, static_cast<std::int64_t>(url));
    if (!rows) return rows.error();
    if (auto r = add_stored(std::move(*rows), items, seen); !r) return r.error();
  }
  std::unordered_set<std::int64_t> clusters;
  for (const Item& item : items) {
    if (item.cluster != 0) clusters.insert(item.cluster);
  }
  for (std::int64_t cluster : clusters) {
    auto rows = store::features_of_cluster(db, kFeaturesVersion, cluster);
    if (!rows) return rows.error();
    if (auto r = add_stored(std::move(*rows), items, seen); !r) return r.error();
  }
  return items.size() - fresh;
}

Result<std::size_t> load_everything(const store::Db& db, std::vector<Item>& items) {
  std::unordered_set<std::int64_t> fresh;
  for (const Item& item : items) fresh.insert(item.id);
  std::size_t loaded = 0;
  auto r = store::for_each_features(db, kFeaturesVersion, [&](store::StoredFeatures&& row) {
    if (fresh.contains(row.job)) return;
    auto features = from_blob(row.bytes);
    if (!features) return;
    items.push_back(Item{.id = row.job, .features = *features, .cluster = row.cluster, .fresh = false});
    ++loaded;
  });
  if (!r) return r.error();
  return loaded;
}

Result<Splits> load_splits(const store::Db& db) {
  auto pairs = store::user_splits(db);
  if (!pairs) return pairs.error();
  Splits splits;
  for (const auto& [a, b] : *pairs) splits.add(a, b);
  return splits;
}

double seconds_since(std::chrono::steady_clock::time_point& start) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - start).count();
  start = now;
  return seconds;
}

}  // namespace

Result<RunReport> run(const store::Db& db, const RunOptions& requested) {
  RunReport report;
  auto clock = std::chrono::steady_clock::now();
  // Features made by another version of hg are not comparable: everything is read again.
  auto stored_version = store::features_version(db);
  if (!stored_version) return stored_version.error();
  RunOptions options = requested;
  if (*stored_version != 0 && *stored_version != kFeaturesVersion) options.rebuild = true;
  auto items = read_fresh(db, options.rebuild, options.threads, options.precomputed);
  if (!items) return items.error();
  report.read_seconds = seconds_since(clock);
  report.read = items->size();
  const std::size_t fresh = items->size();
  if (options.rebuild) {
    for (Item& item : *items) item.cluster = 0;  // the reset clears every stored cluster
  }
  if (!options.rebuild && fresh > 0) {
    auto loaded = fresh > kScanAbove ? load_everything(db, *items) : load_neighbours(db, *items);
    if (!loaded) return loaded.error();
    report.loaded = *loaded;
  }
  auto splits = load_splits(db);
  if (!splits) return splits.error();
  report.load_seconds = seconds_since(clock);

  Plan planned = plan(*items, options.thresholds, *splits, options.threads);
  report.plan_seconds = seconds_since(clock);
  report.compared = planned.compared;
  report.refused = planned.refused;
  report.changed = planned.changes.size();
  if (!options.dry_run && (fresh > 0 || options.rebuild)) {
    std::vector<store::ClusterChange> clusters;
    clusters.reserve(planned.changes.size());
    for (const Plan::Change& change : planned.changes) clusters.push_back({change.job, change.cluster});
    std::sort(clusters.begin(), clusters.end(),
              [](const auto& x, const auto& y) { return x.job < y.job; });
    std::vector<store::Decision> merges;
    merges.reserve(planned.merges.size());
    for (const Merge& merge : planned.merges) {
      merges.push_back({std::min(merge.a, merge.b), std::max(merge.a, merge.b), reason_json(merge.score)});
    }
    std::sort(merges.begin(), merges.end(),
              [](const auto& x, const auto& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    std::size_t next = 0;
    store::DedupWrite write{
        .reset = options.rebuild,
        .version = kFeaturesVersion,
        .next_feature =
            [&](store::FeatureRow& row) {
              if (next >= fresh) return false;
              const Item& item = (*items)[next++];
              row.job = item.id;
              row.company_key = static_cast<std::int64_t>(item.features.company_key);
              row.url_key = static_cast<std::int64_t>(item.features.url_key);
              row.keys = keys_blob(item.features);
              row.bytes = to_blob(item.features);
              return true;
            },
        .clusters = &clusters,
        .merges = &merges,
        .now = options.now};
    if (auto r = store::save_dedup(db, write); !r) return r.error();
    report.write_seconds = seconds_since(clock);
  }
  report.merges = std::move(planned.merges);
  return report;
}

Result<Explanation> explain(const store::Db& db, std::int64_t job, const Thresholds& thresholds,
                            std::size_t others) {
  auto found = store::find_job(db, job);
  if (!found) return found.error();
  auto stored = store::features_of_job(db, kFeaturesVersion, job);
  if (!stored) return stored.error();
  if (!*stored) {
    Error error = fail(Errc::failed, "job {} has not been compared yet", job);
    error.hint = "run `hg dedup` first";
    return error;
  }
  auto features = from_blob((*stored)->bytes);
  if (!features) return fail(Errc::failed, "job {}: stored dedup features are damaged", job);
  auto splits = load_splits(db);
  if (!splits) return splits.error();

  Explanation out;
  out.job = job;
  out.cluster = (*stored)->cluster;
  out.title_words = title_words(found->title, city_of({.location = found->location, .city = found->city}));
  std::vector<store::StoredFeatures> rows;
  if (out.cluster != 0) {
    auto members = store::features_of_cluster(db, kFeaturesVersion, out.cluster);
    if (!members) return members.error();
    rows = std::move(*members);
  }
  if (features->company_key != 0) {
    auto same = store::features_by_company(db, kFeaturesVersion,
                                           static_cast<std::int64_t>(features->company_key));
    if (!same) return same.error();
    rows.insert(rows.end(), std::make_move_iterator(same->begin()), std::make_move_iterator(same->end()));
  }
  std::unordered_set<std::int64_t> seen{job};
  std::vector<Explanation::Row> outside;
  for (const store::StoredFeatures& row : rows) {
    if (!seen.insert(row.job).second) continue;
    auto other = from_blob(row.bytes);
    if (!other) continue;
    Explanation::Row r{.job = row.job,
                       .member = out.cluster != 0 && row.cluster == out.cluster,
                       .canonical = row.job == out.cluster,
                       .score = compare(*features, *other, thresholds)};
    if (splits->contains(job, row.job)) {
      r.score.merge = false;
      r.score.conflict = Conflict::split;
    }
    (r.member ? out.rows : outside).push_back(r);
  }
  auto by_score = [](const Explanation::Row& a, const Explanation::Row& b) {
    return a.score.total > b.score.total || (a.score.total == b.score.total && a.job < b.job);
  };
  std::sort(out.rows.begin(), out.rows.end(), by_score);
  std::sort(outside.begin(), outside.end(), by_score);
  if (outside.size() > others) outside.resize(others);
  out.rows.insert(out.rows.end(), outside.begin(), outside.end());
  return out;
}

Result<std::vector<std::int64_t>> split(const store::Db& db, std::int64_t job, std::string_view now) {
  auto found = store::find_job(db, job);
  if (!found) return found.error();
  auto stored = store::features_of_job(db, kFeaturesVersion, job);
  if (!stored) return stored.error();
  const std::int64_t cluster = *stored ? (*stored)->cluster : 0;
  if (cluster == 0) {
    Error error = fail(Errc::failed, "job {} is not in a cluster", job);
    error.hint = "`hg dedup --explain JOB` shows why";
    return error;
  }
  auto rows = store::features_of_cluster(db, kFeaturesVersion, cluster);
  if (!rows) return rows.error();
  std::vector<Item> rest;
  for (const store::StoredFeatures& row : *rows) {
    if (row.job == job) continue;
    auto features = from_blob(row.bytes);
    if (features) rest.push_back(Item{.id = row.job, .features = *features, .cluster = cluster, .fresh = false});
  }
  std::vector<std::int64_t> members;
  std::vector<std::uint32_t> indexes;
  for (std::uint32_t i = 0; i < rest.size(); ++i) {
    members.push_back(rest[i].id);
    indexes.push_back(i);
  }
  const std::int64_t rest_cluster = rest.size() > 1 ? rest[canonical_of(rest, indexes)].id : 0;
  if (auto r = store::save_split(db, job, members, rest_cluster, now); !r) return r.error();
  return members;
}

}  // namespace hg::dedup
