// Dedup as the commands run it: thresholds from config, and the pass that `hg dedup`,
// `hg import` and `hg scrape` (unless --no-dedup) make over the store.
#pragma once

#include "dedup/run.hpp"
#include "session.hpp"

namespace hg::cli {

// config dedup.* over the defaults. Errors: a value out of range (invalid_argument).
Result<dedup::Thresholds> dedup_thresholds(const Session& session);

// One incremental pass (or a rebuild); threads from the machine's cores, at most 4.
Result<dedup::RunReport> run_dedup_pass(
    const Session& session, const store::Db& db, bool rebuild, bool dry_run,
    const std::vector<std::pair<std::int64_t, std::string>>* precomputed = nullptr);

}  // namespace hg::cli
