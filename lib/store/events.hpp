// The events log: what happened, when, to what — the raw material of `hg report`.
#pragma once

#include "model/event.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

// Appends one event (inside the caller's transaction if one is open). Errors: busy, failed.
Result<std::int64_t> record_event(const Db& db, const model::Event& event);

}  // namespace hg::store
