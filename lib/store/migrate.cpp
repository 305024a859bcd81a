#include "store/migrate.hpp"

#include "store/statement.hpp"

namespace hg::store {
namespace {

// "hg\0\1" as a 32-bit integer: marks a file as an hg store (PRAGMA application_id).
constexpr std::int64_t kApplicationId = 0x68670001;

Result<std::int64_t> pragma_int(const Db& db, std::string_view sql) {
  auto stmt = Statement::prepare(db, sql);
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return *row ? stmt->column_int64(0) : 0;
}

Result<void> check_is_hg_store(const Db& db) {
  auto app_id = pragma_int(db, "PRAGMA application_id");
  if (!app_id) return app_id.error();
  if (*app_id == kApplicationId) return {};
  auto tables = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
  if (!tables) return tables.error();
  if (*tables == 0 && *app_id == 0) return {};  // a new, empty file
  Error error = fail(Errc::invalid_input, "{}: not an hg store (it holds other tables)",
                     db.path().string());
  error.hint = "point --db (or HG_DB) at an hg store, or at a new file to create one";
  return error;
}

Result<void> apply(const Db& db, const Migration& migration) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  // Another hg may have migrated while we waited for the lock.
  auto current = schema_version(db);
  if (!current) return current.error();
  if (*current >= migration.version) return {};
  const std::string sql(migration.sql);
  if (auto done = exec(db, sql.c_str()); !done) {
    return context(done.error(), fmt::format("migration {:03}_{}", migration.version,
                                             migration.name));
  }
  auto record = Statement::prepare(
      db, "INSERT INTO schema_version(version, name, applied_at) "
          "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
  if (!record) return record.error();
  record->bind(1, migration.version);
  record->bind(2, migration.name);
  if (auto done = record->run(); !done) return done.error();
  return tx->commit();
}

}  // namespace

int latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

Result<int> schema_version(const Db& db) {
  auto exists = pragma_int(
      db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'");
  if (!exists) return exists.error();
  if (*exists == 0) return 0;
  auto version = pragma_int(db, "SELECT coalesce(max(version), 0) FROM schema_version");
  if (!version) return version.error();
  return static_cast<int>(*version);
}

Result<void> migrate(const Db& db, int target) {
  if (auto ok = check_is_hg_store(db); !ok) return ok.error();
  auto current = schema_version(db);
  if (!current) return current.error();
  if (*current > latest_schema_version()) {
    Error error = fail(Errc::invalid_input,
                       "{}: store has schema version {} but this hg knows only up to {}",
                       db.path().string(), *current, latest_schema_version());
    error.hint = "upgrade hg to open this store; nothing was changed";
    return error;
  }
  if (*current >= target) return {};
  if (*current == 0) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    auto created = exec(db,
                        "PRAGMA application_id = 1751580673;"
                        "CREATE TABLE IF NOT EXISTS schema_version ("
                        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        " applied_at TEXT NOT NULL)");
    if (!created) return created.error();
    if (auto done = tx->commit(); !done) return done.error();
  }
  for (const Migration& migration : migrations()) {
    if (migration.version <= *current || migration.version > target) continue;
    if (auto done = apply(db, migration); !done) return done.error();
  }
  return {};
}

}  // namespace hg::store
