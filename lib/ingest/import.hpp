// Batch import of jobs and profiles into the store: one bad record is reported and skipped,
// good ones are committed in chunks, re-importing the same records changes nothing.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/enrich.hpp"
#include "ingest/map_job.hpp"
#include "ingest/records.hpp"
#include "store/db.hpp"
#include "store/profiles.hpp"
#include "util/result.hpp"

namespace hg::ingest {

struct ImportOptions {
  std::optional<Format> format;   // nullopt: detect from the first bytes
  char csv_delimiter = 0;         // CSV field separator; 0: detect from the header line
  MapOptions map;                 // --map and --source
  ReaderLimits limits;            // per-record size and nesting caps
  std::size_t chunk_size = 5000;  // records per transaction
  bool dry_run = false;           // read and check everything, store nothing
  const Enrichers* enrich = nullptr;  // derive place, salary, skills ... (null: store as mapped)
  // Run on the reading thread for each job about to be stored (it must be safe to call from
  // there); its bytes come back in ImportReport::precomputed. hg import hands dedup each new
  // posting's features this way, computed while the writing thread stores rows.
  std::function<std::string(const model::Job&)> precompute;
  // Stored jobs whose bytes are kept at most (about 400 bytes each for dedup's features).
  std::size_t max_precomputed = 250000;
  // Called on the calling thread after each batch of records (a few hundred) with the
  // records read so far; for a progress line.
  std::function<void(std::size_t read)> progress;
};

// A record that was rejected: where, and why ("title: missing").
struct ItemError {
  std::size_t record = 0;  // 1-based record number; 0 for the input as a whole
  std::size_t line = 0;    // 1-based line, 0 when unknown
  std::string message;
};

struct ImportReport {
  Format format = Format::jsonl;
  std::size_t read = 0;       // records seen, good or bad
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::vector<ItemError> rejected;
  // precompute's bytes of committed jobs, by id: every inserted job, and updated ones that
  // carry a date_posted or first_seen (see dedup::features_of_job), up to max_precomputed.
  std::vector<std::pair<std::int64_t, std::string>> precomputed;
  // Set when the import stopped early (store busy, disk full): what was committed before
  // stays, the rest was not stored.
  std::optional<Error> stopped;
};

// Reads jobs from `in` and upserts them. `now` is the ISO 8601 time stamped on new rows.
// `on_reject` (optional) hears each rejected record as it happens. Errors (nothing stored):
// invalid_input when the input as a whole is not JSON, JSON Lines or CSV.
Result<ImportReport> import_jobs(const store::Db& db, std::istream& in,
                                 const ImportOptions& options, std::string_view now,
                                 const std::function<void(const ItemError&)>& on_reject = {});

// Saves one JSON Resume document as the profile `name`. Errors: invalid_input (not a
// JSON Resume), busy, failed.
Result<store::SavedProfile> import_profile(const store::Db& db, std::string_view json_text,
                                           std::string_view name, std::string_view now);

}  // namespace hg::ingest
