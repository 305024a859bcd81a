// hg scrape's engine: fetches every source concurrently (net::Fetcher: politeness, retries,
// conditional requests), follows pagination, and stores each source's postings in one
// transaction: new ones inserted, changed ones updated, all seen ones marked seen, and — when
// the listing is complete — the source's postings that vanished marked closed (never deleted).
// Each source gets a scrape_runs row. One source failing never stops the others.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/source.hpp"
#include "net/fetcher.hpp"
#include "scrape/source.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::scrape {

struct Target {
  model::Source source = {};
  SourceSpec spec = {};
  const Adapter* adapter = nullptr;
};

struct ScrapeOptions {
  net::FetchOptions fetch = {};
  int max_pages = 200;  // per source per run: a runaway paginator stops here (not complete)
  // Derives facts (place, salary, skills ...) before a posting is stored; may be empty.
  std::function<void(model::Job&)> enrich = {};
  // Called as pages arrive (source name, pages so far, postings so far); may be empty.
  std::function<void(const std::string&, int, std::size_t)> progress = {};
};

struct SourceResult {
  std::string name = {};
  int pages = 0;
  std::int64_t fetched = 0;  // postings read
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t closed = 0;
  bool not_modified = false;  // the first request answered 304: nothing to read
  std::vector<std::string> skipped = {};  // records that could not be mapped
  std::optional<Error> error = {};        // why the source failed (what was read is kept)
  std::int64_t duration_ms = 0;
};

// Scrapes `targets`. `now` is this run's time (first_seen, last_seen, closed_at). Errors only
// for the store (busy, failed); a source's own failure is in its SourceResult.
Result<std::vector<SourceResult>> scrape(const store::Db& db, const std::vector<Target>& targets,
                                         const ScrapeOptions& options, util::TimePoint now);

// Stores the postings of a saved payload (`hg scrape --from`): `body` parsed as the first page
// of `target`, no fetching, nothing closed (a saved file is not proof that a job vanished).
Result<SourceResult> ingest_saved(const store::Db& db, const Target& target, std::string_view body,
                                  const ScrapeOptions& options, util::TimePoint now);

}  // namespace hg::scrape
