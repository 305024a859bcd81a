// Numbered schema migrations (schemas/sql/NNN_name.sql, compiled into hg) and their runner.
#pragma once

#include <span>
#include <string_view>

#include "util/result.hpp"

namespace hg::store {

class Db;

struct Migration {
  int version;            // NNN from the file name
  std::string_view name;  // the rest of the file name, without .sql
  std::string_view sql;
};

// Every migration this hg knows, in version order (generated from schemas/sql/).
std::span<const Migration> migrations();

// The version the newest migration brings a store to.
int latest_schema_version();

// The store's version: 0 for an empty file. Errors: failed.
Result<int> schema_version(const Db& db);

// Applies each migration above the store's version up to `target`, each in its own
// transaction recorded in schema_version. Errors: invalid_input when the store is newer than
// this hg or not an hg store; busy; failed.
Result<void> migrate(const Db& db, int target);

}  // namespace hg::store
