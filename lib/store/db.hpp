// The connection to hg's SQLite file. Everything in store/ goes through a Db.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "util/result.hpp"

struct sqlite3;

namespace hg::store {

struct OpenOptions {
  bool create_if_missing = true;
  bool read_only = false;
  // Wait this long for another hg's write lock, then fail with Errc::busy.
  std::chrono::milliseconds busy_timeout{5000};
  // Apply pending migrations and switch to WAL. false opens the file as it is and writes
  // nothing (tests that build old stores; `hg init` reading the version it starts from).
  bool migrate = true;
};

// An open hg store: WAL mode, foreign keys on, migrations applied.
// Move-only; closes the file on destruction. Not safe to share between
// threads: open one Db per thread (SQLite serialises writers for us).
class Db {
 public:
  // Opens (and if allowed creates) the store at `path`, then brings its
  // schema up to date. Errors: not_found (missing and !create_if_missing),
  // busy (locked past busy_timeout), invalid_input (not an hg store, or
  // made by a newer hg, or older and read_only), failed (anything else SQLite reports).
  static Result<Db> open(const std::filesystem::path& path, const OpenOptions& options = {});

  // For store/ internals. Callers must not close it or keep it past *this.
  sqlite3* handle() const { return handle_.get(); }

  const std::filesystem::path& path() const { return path_; }

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  Db(sqlite3* db, std::filesystem::path path) : handle_(db), path_(std::move(path)) {}
  std::unique_ptr<sqlite3, Close> handle_;
  std::filesystem::path path_;
};

// Runs `PRAGMA integrity_check`; ok when SQLite answers "ok".
Result<void> check_integrity(const Db& db);

}  // namespace hg::store
