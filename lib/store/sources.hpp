// The sources repository: configured job sources, their conditional-request validators, the
// scrape runs, and the last-seen / closed bookkeeping of the jobs a scrape reads.
#pragma once

#include <string_view>
#include <vector>

#include "model/source.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

// Errors: invalid_input when a source of that name exists; busy, failed.
Result<model::Source> add_source(const Db& db, model::Source source);
// Every source by name. Errors: failed.
Result<std::vector<model::Source>> list_sources(const Db& db);
// Errors: not_found, failed. The jobs it brought stay.
Result<void> remove_source(const Db& db, std::string_view name);
Result<void> set_validators(const Db& db, std::int64_t id, std::string_view etag,
                            std::string_view last_modified);

Result<std::int64_t> record_scrape_run(const Db& db, const model::ScrapeRun& run);
// The newest runs first, at most `limit` (0: all). Errors: failed.
Result<std::vector<model::ScrapeRun>> list_scrape_runs(const Db& db, std::size_t limit);

// Marks jobs seen now: last_seen = now, and open again if they had closed.
Result<void> mark_seen(const Db& db, const std::vector<std::int64_t>& ids, std::string_view now);
// Closes the open jobs of `source` whose ids are not in `seen`; returns how many.
Result<std::int64_t> close_unseen(const Db& db, std::string_view source,
                                  const std::vector<std::int64_t>& seen, std::string_view now);

}  // namespace hg::store
