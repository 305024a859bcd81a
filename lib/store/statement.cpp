#include "store/statement.hpp"

namespace hg::store {

Error sqlite_error(sqlite3* db, int rc) {
  const int primary = rc & 0xff;
  const char* why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    Error error = fail(Errc::busy, "store is busy: {}", why);
    error.hint = "another hg is writing to this store; try again when it has finished";
    return error;
  }
  if (primary == SQLITE_NOTADB) {
    Error error = fail(Errc::invalid_input, "not an hg store: {}", why);
    error.hint = "point --db (or HG_DB) at an hg store, or at a new file to create one";
    return error;
  }
  if (primary == SQLITE_CORRUPT) return fail(Errc::invalid_input, "store is corrupt: {}", why);
  if (primary == SQLITE_FULL) return fail(Errc::failed, "disk full: {}", why);
  if (primary == SQLITE_READONLY) return fail(Errc::failed, "store is read-only: {}", why);
  return fail(Errc::failed, "sqlite: {}", why);
}

Result<Statement> Statement::prepare(const Db& db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db.handle(), rc);
  return Statement(stmt, db.handle());
}

void Statement::bind(int index, std::string_view text) {
  // SQLite binds NULL for a null pointer, and an empty string_view may have one: "" is text.
  const char* data = text.data() != nullptr ? text.data() : "";
  check(sqlite3_bind_text64(get(), index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bind_blob(int index, std::string_view bytes) {
  // A zero-length blob, not NULL, for empty content.
  check(sqlite3_bind_blob64(get(), index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                            SQLITE_TRANSIENT));
}

void Statement::check(int rc) {
  if (rc != SQLITE_OK && !pending_) pending_ = sqlite_error(db_, rc);
}

Result<bool> Statement::step() {
  if (pending_) return *pending_;
  const int rc = sqlite3_step(get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = sqlite_error(db_, rc);
  sqlite3_reset(get());
  return error;
}

Result<void> Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return {};
  }
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(get(), column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(get(), column);
}

double Statement::column_double(int column) const { return sqlite3_column_double(get(), column); }

std::string Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(get(), column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(get(), column)));
}

std::string Statement::column_blob(int column) const {
  const void* bytes = sqlite3_column_blob(get(), column);
  if (bytes == nullptr) return {};
  return std::string(static_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(get(), column)));
}

std::optional<std::int64_t> Statement::column_opt_int64(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_int64(column);
}

std::optional<double> Statement::column_opt_double(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_double(column);
}

Result<void> exec(const Db& db, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db.handle(), sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return sqlite_error(db.handle(), rc);
  return {};
}

Result<Transaction> Transaction::begin(const Db& db) {
  const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db.handle(), rc);
  return Transaction(db.handle());
}

Result<void> Transaction::commit() {
  assert(db_ != nullptr);
  const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc);  // still open: the destructor rolls back
  db_ = nullptr;
  return {};
}

Transaction::~Transaction() {
  if (db_ != nullptr && !sqlite3_get_autocommit(db_)) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

}  // namespace hg::store
