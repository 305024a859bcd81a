#include "ingest/import.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/json.hpp"
#include "store/events.hpp"
#include "store/jobs.hpp"
#include "store/statement.hpp"
#include "util/csv.hpp"

namespace hg::ingest {
namespace {

// Counts of one chunk, added to the report only once the chunk is committed.
struct Pending {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::vector<std::pair<std::int64_t, std::string>> precomputed;
};

// One transaction's worth of writes; committed when full or at the end.
class Chunk {
 public:
  Chunk(const store::Db& db, store::JobWriter& writer, std::size_t size)
      : db_(db), writer_(writer), size_(size) {}

  Result<void> before_write() {
    if (tx_) return {};
    auto tx = store::Transaction::begin(db_);
    if (!tx) return tx.error();
    tx_.emplace(std::move(*tx));
    return {};
  }
  // True when this write filled the chunk and it was committed.
  Result<bool> after_write() {
    if (++count_ < size_) return false;
    if (auto done = commit(); !done) return done.error();
    return true;
  }
  Result<void> commit() {
    count_ = 0;
    if (!tx_) return {};
    if (auto indexed = writer_.flush(); !indexed) {
      tx_.reset();
      return indexed.error();
    }
    auto done = tx_->commit();
    tx_.reset();  // rolls back if the commit failed
    return done;
  }

 private:
  const store::Db& db_;
  store::JobWriter& writer_;
  std::size_t size_;
  std::size_t count_ = 0;
  std::optional<store::Transaction> tx_;
};

// A record read, mapped and enriched, ready to store; or why it was rejected.
struct Prepared {
  std::optional<model::Job> job;
  std::string hash;  // store::content_hash of the job
  std::optional<ItemError> error;
  std::string precomputed{};  // ImportOptions::precompute of the job
};

// Reads, maps and enriches records on a second thread while the caller's thread writes
// SQLite: on two cores the halves of an import overlap. Batches go through a queue bounded
// in records and in bytes, in input order, so memory stays flat however long the input is
// and however large its records (up to ReaderLimits::max_record_bytes each). Enrichers only
// read shared data, so they may run there.
class Preparer {
 public:
  static constexpr std::size_t kBatch = 256;                // records per batch at most
  static constexpr std::size_t kBatchBytes = 4 << 20;       // text per batch, about
  static constexpr std::size_t kQueued = 16;                // batches waiting at most
  static constexpr std::size_t kQueuedBytes = 64 << 20;     // text waiting, about

  Preparer(RecordReader& reader, const ImportOptions& options)
      : reader_(reader), options_(options), thread_([this] { loop(); }) {}
  ~Preparer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  Preparer(const Preparer&) = delete;
  Preparer& operator=(const Preparer&) = delete;

  // The next batch in input order; empty at the end of the input.
  std::vector<Prepared> next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty() || finished_; });
    if (queue_.empty()) return {};
    std::vector<Prepared> batch = std::move(queue_.front().records);
    queued_bytes_ -= queue_.front().bytes;
    queue_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return batch;
  }

  // Whether to run ImportOptions::precompute on the records read from now on. Its bytes are
  // only used for stored changes: a re-import of records already stored would compute them
  // for nothing, so the writer turns it off while most records come out unchanged.
  void set_precompute(bool on) { precompute_ = on; }

 private:
  Prepared prepare(RecordReader::Item& item) const {
    if (item.error) {
      return {.job = std::nullopt,
              .hash = {},
              .error = ItemError{item.error->number, item.error->line, item.error->error.message}};
    }
    Record& record = *item.record;
    auto job = map_job(*record.value, options_.map, record.text);
    if (!job) {
      return {.job = std::nullopt,
              .hash = {},
              .error = ItemError{record.number, record.line, job.error().message}};
    }
    if (options_.enrich != nullptr) enrich(*job, *options_.enrich);
    if (options_.dry_run) return {.job = std::move(*job), .hash = {}, .error = std::nullopt};
    std::string hash = store::content_hash(*job);
    std::string precomputed =
        options_.precompute && precompute_ ? options_.precompute(*job) : std::string();
    return {.job = std::move(*job),
            .hash = std::move(hash),
            .error = std::nullopt,
            .precomputed = std::move(precomputed)};
  }

  static std::size_t bytes_of(const Prepared& prepared) {
    if (!prepared.job) return 64;
    const model::Job& job = *prepared.job;
    return 1024 + job.raw.size() + job.description.size() + job.description_html.size();
  }

  void loop() {
    bool more = true;
    while (more) {
      std::vector<Prepared> batch;
      std::size_t bytes = 0;
      batch.reserve(kBatch);
      try {
        while (batch.size() < kBatch && bytes < kBatchBytes) {
          if (stopping_) return;  // the writer gave up: read no further
          auto item = reader_.next();
          if (!item) {
            more = false;
            break;
          }
          batch.push_back(prepare(*item));
          bytes += bytes_of(batch.back());
        }
      } catch (const std::exception& e) {  // out of memory, say: end the input here
        batch.push_back({.job = std::nullopt,
                         .hash = {},
                         .error = ItemError{0, 0, fmt::format("reading stopped: {}", e.what())}});
        more = false;
      }
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] {
        return stopping_ || queue_.empty() ||
               (queue_.size() < kQueued && queued_bytes_ < kQueuedBytes);
      });
      if (stopping_) return;
      if (!batch.empty()) {
        queue_.push_back({std::move(batch), bytes});
        queued_bytes_ += bytes;
      }
      if (!more) finished_ = true;
      lock.unlock();
      changed_.notify_all();
    }
  }

  RecordReader& reader_;
  const ImportOptions& options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  struct Batch {
    std::vector<Prepared> records;
    std::size_t bytes = 0;
  };
  std::deque<Batch> queue_;
  std::size_t queued_bytes_ = 0;
  bool finished_ = false;
  std::atomic<bool> stopping_ = false;
  std::atomic<bool> precompute_ = true;
  std::thread thread_;  // last: starts once the members above exist
};

Result<void> record_import_event(const store::Db& db, const ImportReport& report,
                                 std::string_view now) {
  nlohmann::json data = {{"format", format_name(report.format)}, {"read", report.read},
                         {"inserted", report.inserted},        {"updated", report.updated},
                         {"unchanged", report.unchanged},      {"rejected", report.rejected.size()}};
  auto done = store::record_event(
      db, model::Event{.id = 0,
                       .at = std::string(now),
                       .kind = "jobs.imported",
                       .subject_type = "",
                       .subject_id = 0,
                       .data = data.dump()});
  if (!done) return done.error();
  return {};
}

// The writing side of an import: stores prepared records a chunk (one transaction) at a time.
// Counts reach the report only when their chunk commits, so a failed import reports what
// the store holds.
class Storer {
 public:
  Storer(const store::Db& db, store::JobWriter& writer, const ImportOptions& options,
         std::string_view now, ImportReport& report)
      : db_(db), writer_(writer), options_(options), now_(now), report_(report),
        chunk_(db, writer, options.chunk_size) {}

  // Stores one record; an error stops the import (the open chunk rolls back, earlier chunks
  // stay).
  Result<store::UpsertOutcome> store(Prepared& prepared) {
    if (auto ready = chunk_.before_write(); !ready) return ready.error();
    auto stored = writer_.upsert(*prepared.job, now_, prepared.hash);
    if (!stored) return stored.error();
    switch (stored->outcome) {
      case store::UpsertOutcome::inserted: ++pending_.inserted; break;
      case store::UpsertOutcome::updated: ++pending_.updated; break;
      case store::UpsertOutcome::unchanged: ++pending_.unchanged; break;
    }
    keep_precomputed(prepared, *stored);
    auto committed = chunk_.after_write();
    if (!committed) return committed.error();
    if (*committed) settle();
    return stored->outcome;
  }

  // Records the import as an event when it changed anything, and commits the last chunk.
  Result<void> finish() {
    if (!options_.dry_run && (report_.inserted + pending_.inserted > 0 ||
                              report_.updated + pending_.updated > 0)) {
      if (auto ready = chunk_.before_write(); !ready) return ready.error();
      ImportReport totals = report_;
      totals.inserted += pending_.inserted;
      totals.updated += pending_.updated;
      totals.unchanged += pending_.unchanged;
      if (auto logged = record_import_event(db_, totals, now_); !logged) return logged.error();
    }
    if (auto done = chunk_.commit(); !done) return done.error();
    settle();
    return {};
  }

 private:
  // The dedup features computed while reading, for postings whose stored date they used.
  void keep_precomputed(Prepared& prepared, const store::Upserted& stored) {
    const model::Job& job = *prepared.job;
    const bool exact = stored.outcome == store::UpsertOutcome::inserted ||
                       (stored.outcome == store::UpsertOutcome::updated &&
                        (!job.date_posted.empty() || !job.first_seen.empty()));
    if (exact && !prepared.precomputed.empty() &&
        report_.precomputed.size() + pending_.precomputed.size() < options_.max_precomputed) {
      pending_.precomputed.emplace_back(stored.id, std::move(prepared.precomputed));
    }
  }

  void settle() {
    report_.inserted += pending_.inserted;
    report_.updated += pending_.updated;
    report_.unchanged += pending_.unchanged;
    std::move(pending_.precomputed.begin(), pending_.precomputed.end(),
              std::back_inserter(report_.precomputed));
    pending_ = {};
  }

  const store::Db& db_;
  store::JobWriter& writer_;
  const ImportOptions& options_;
  std::string_view now_;
  ImportReport& report_;
  Chunk chunk_;
  Pending pending_;
};

}  // namespace

Result<ImportReport> import_jobs(const store::Db& db, std::istream& in,
                                 const ImportOptions& options, std::string_view now,
                                 const std::function<void(const ItemError&)>& on_reject) {
  HeadedInput headed(in, 64 * 1024);
  ImportReport report;
  if (options.format) {
    report.format = *options.format;
  } else {
    auto detected = detect_format(headed.head());
    if (!detected) return detected.error();
    report.format = *detected;
  }
  std::istream body(&headed);
  char delimiter = options.csv_delimiter;
  if (delimiter == 0 && report.format == Format::csv) {
    delimiter = util::detect_csv_delimiter(headed.head());
  }
  auto reader = make_reader(body, report.format, options.limits, delimiter);
  auto writer = store::JobWriter::create(db);
  if (!writer) return writer.error();
  Storer storer(db, *writer, options, now, report);
  Preparer preparer(*reader, options);
  for (auto batch = preparer.next(); !batch.empty(); batch = preparer.next()) {
    std::size_t changes = 0, stores = 0;
    for (Prepared& prepared : batch) {
      ++report.read;
      if (prepared.error) {
        if (on_reject) on_reject(*prepared.error);
        report.rejected.push_back(std::move(*prepared.error));
        continue;
      }
      if (options.dry_run) continue;
      auto outcome = storer.store(prepared);
      if (!outcome) {
        report.stopped = outcome.error();
        return report;
      }
      ++stores;
      if (*outcome != store::UpsertOutcome::unchanged) ++changes;
    }
    // Reading (and precomputing) runs some batches ahead, so this steers the ones to come.
    if (stores > 0) preparer.set_precompute(2 * changes >= stores);
    if (options.progress) options.progress(report.read);
  }
  if (auto done = storer.finish(); !done) report.stopped = done.error();
  return report;
}

Result<store::SavedProfile> import_profile(const store::Db& db, std::string_view json_text,
                                           std::string_view name, std::string_view now) {
  auto profile = model::profile_from_json_resume(json_text, name, now.substr(0, 10));
  if (!profile) return profile.error();
  return store::save_profile(db, *profile, now);
}

}  // namespace hg::ingest
