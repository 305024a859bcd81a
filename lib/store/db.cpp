#include "store/db.hpp"

#include <mutex>
#include <system_error>

#include "store/migrate.hpp"
#include "store/statement.hpp"

namespace hg::store {

void Db::Close::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

namespace {

// Refuses a missing store (unless it may be created), a directory, or a parent that cannot
// be made. Returns whether the file exists.
Result<bool> check_path(const std::filesystem::path& path, const OpenOptions& options) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && (!options.create_if_missing || options.read_only)) {
    Error error = fail(Errc::not_found, "{}: no such store", path.string());
    error.hint = "run `hg init` to create it, or point --db (or HG_DB) at an existing store";
    return error;
  }
  if (exists && std::filesystem::is_directory(path, ec)) {
    return fail(Errc::invalid_argument, "{}: is a directory, not a store file", path.string());
  }
  if (!exists && path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      return fail(Errc::failed, "{}: cannot create directory: {}", path.parent_path().string(),
                  ec.message());
    }
  }
  return exists;
}

// A read-only store is used as it is, so it must already have this hg's schema.
Result<void> check_current(const Db& db) {
  auto version = schema_version(db);
  if (!version) return version.error();
  if (*version != latest_schema_version()) {
    Error error = fail(Errc::invalid_input, "{}: store has schema version {}, this hg needs {}",
                       db.path().string(), *version, latest_schema_version());
    error.hint = "run `hg init` to upgrade it";
    return error;
  }
  return {};
}

// A new, empty file gets 16 KB pages before its first table: postings are several KB each
// (description, raw record), and bigger pages mean fewer overflow pages to write and read.
// An existing store keeps its page size.
Result<void> size_pages_if_empty(const Db& db) {
  auto tables = Statement::prepare(db, "SELECT count(*) FROM sqlite_schema");
  if (!tables) return tables.error();
  auto row = tables->step();
  if (!row) return row.error();
  const bool empty = *row && tables->column_int64(0) == 0;
  tables->reset();
  if (!empty) return {};
  return exec(db, "PRAGMA page_size = 16384");
}

}  // namespace

Result<Db> Db::open(const std::filesystem::path& path, const OpenOptions& options) {
  if (auto checked = check_path(path, options); !checked) return checked.error();

  // No global memory statistics: hg never reads them, and keeping them takes a process-wide
  // mutex on every allocation, which the import's and scrape's threads would share. Must
  // come before SQLite initialises; if something else initialised it first, nothing changes.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });

  sqlite3* raw = nullptr;
  const int flags = (options.read_only ? SQLITE_OPEN_READONLY
                                       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw, path);  // owns the handle even when open failed
  if (rc != SQLITE_OK) {
    return context(sqlite_error(raw, rc), fmt::format("opening {}", path.string()));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, static_cast<int>(options.busy_timeout.count()));

  // The first read tells a non-database file (SQLITE_NOTADB) apart.
  if (auto probe = exec(db, "SELECT count(*) FROM sqlite_schema"); !probe) {
    return context(probe.error(), path.string());
  }
  if (auto fk = exec(db, "PRAGMA foreign_keys = ON"); !fk) return fk.error();
  if (options.read_only) {
    if (auto current = check_current(db); !current) return current.error();
    return db;
  }
  // Migrate first: it refuses a file that is not an hg store (or is newer) before anything
  // is written, and the journal mode below is written into the file itself.
  // Without migrate the file is opened as it is and nothing is written: `hg init` reads an
  // old store's version that way, and it may turn out to be another program's database.
  if (!options.migrate) return db;
  if (auto sized = size_pages_if_empty(db); !sized) return sized.error();
  if (auto done = migrate(db, latest_schema_version()); !done) return done.error();
  // WAL: readers never block the writer; NORMAL sync is durable at each checkpoint
  // and never corrupts on a crash.
  // A 64 MiB page cache keeps the B-trees of a batch import in memory between commits.
  // Checkpoints every 128 MiB of WAL (SQLite's default is 4 MiB at 4 KB pages, 16 MiB at
  // ours): a scrape commits once per source, and a page rewritten by several commits
  // (index and full-text pages) is copied into the store once instead of each time.
  if (auto wal = exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                          "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192");
      !wal) {
    return context(wal.error(), path.string());
  }
  return db;
}

Result<void> check_integrity(const Db& db) {
  auto stmt = Statement::prepare(db, "PRAGMA integrity_check");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return fail(Errc::failed, "integrity check returned nothing");
  std::string answer = stmt->column_text(0);
  if (answer != "ok") return fail(Errc::invalid_input, "store is damaged: {}", answer);
  return {};
}

}  // namespace hg::store
