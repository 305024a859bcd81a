#include "ingest/import.hpp"

#include <nlohmann/json.hpp>

#include "model/json.hpp"
#include "store/events.hpp"
#include "store/jobs.hpp"
#include "store/statement.hpp"

namespace hg::ingest {
namespace {

// Counts of one chunk, added to the report only once the chunk is committed.
struct Pending {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
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
  auto reader = make_reader(body, report.format, options.limits);
  auto writer = store::JobWriter::create(db);
  if (!writer) return writer.error();
  Chunk chunk(db, *writer, options.chunk_size);
  Pending pending;
  auto settle = [&report, &pending] {
    report.inserted += pending.inserted;
    report.updated += pending.updated;
    report.unchanged += pending.unchanged;
    pending = {};
  };

  auto reject = [&](ItemError error) {
    if (on_reject) on_reject(error);
    report.rejected.push_back(std::move(error));
  };
  while (auto item = reader->next()) {
    ++report.read;
    if (item->error) {
      reject({item->error->number, item->error->line, item->error->error.message});
      continue;
    }
    Record& record = *item->record;
    auto job = map_job(*record.value, options.map, record.text);
    if (!job) {
      reject({record.number, record.line, job.error().message});
      continue;
    }
    if (options.enrich != nullptr) enrich(*job, *options.enrich);
    if (options.dry_run) continue;
    if (auto ready = chunk.before_write(); !ready) {
      report.stopped = ready.error();
      return report;
    }
    auto stored = writer->upsert(*job, now);
    if (!stored) {
      report.stopped = stored.error();
      return report;  // the open chunk rolls back; earlier chunks stay
    }
    switch (stored->outcome) {
      case store::UpsertOutcome::inserted: ++pending.inserted; break;
      case store::UpsertOutcome::updated: ++pending.updated; break;
      case store::UpsertOutcome::unchanged: ++pending.unchanged; break;
    }
    auto committed = chunk.after_write();
    if (!committed) {
      report.stopped = committed.error();
      return report;
    }
    if (*committed) settle();
  }
  if (!options.dry_run && (report.inserted + pending.inserted > 0 ||
                           report.updated + pending.updated > 0)) {
    if (auto ready = chunk.before_write(); !ready) {
      report.stopped = ready.error();
      return report;
    }
    ImportReport totals = report;
    totals.inserted += pending.inserted;
    totals.updated += pending.updated;
    totals.unchanged += pending.unchanged;
    if (auto logged = record_import_event(db, totals, now); !logged) {
      report.stopped = logged.error();
      return report;
    }
  }
  if (auto done = chunk.commit(); !done) {
    report.stopped = done.error();
  } else {
    settle();
  }
  return report;
}

Result<store::SavedProfile> import_profile(const store::Db& db, std::string_view json_text,
                                           std::string_view name, std::string_view now) {
  auto profile = model::profile_from_json_resume(json_text, name, now.substr(0, 10));
  if (!profile) return profile.error();
  return store::save_profile(db, *profile, now);
}

}  // namespace hg::ingest
