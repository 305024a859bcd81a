// Prepared statements and transactions: the only way store/ talks SQL.
// Only store/ includes this header (it pulls in sqlite3.h).
#pragma once

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

// SQLITE_BUSY/LOCKED (any extended code) -> Errc::busy with a hint; else failed.
Error sqlite_error(sqlite3* db, int rc);

// A compiled statement that finalizes itself. Parameters are bound by
// position from 1, as SQLite counts. A failed bind is remembered and
// returned by the next step(), so call sites stay linear.
class Statement {
 public:
  static Result<Statement> prepare(const Db& db, std::string_view sql);

  template <std::integral I>
  void bind(int index, I value) {
    check(sqlite3_bind_int64(get(), index, static_cast<sqlite3_int64>(value)));
  }
  void bind(int index, double value) { check(sqlite3_bind_double(get(), index, value)); }
  void bind(int index, std::string_view text);  // copied by SQLite
  void bind(int index, const char* text) { bind(index, std::string_view(text)); }
  void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
  void bind_blob(int index, std::string_view bytes);  // copied by SQLite
  void bind(int index, std::nullopt_t) { check(sqlite3_bind_null(get(), index)); }
  // NULL for nullopt; for strings, NULL also for "" (optional text columns).
  template <class T>
  void bind(int index, const std::optional<T>& value) {
    if (value) bind(index, *value);
    else bind(index, std::nullopt);
  }
  void bind_text_or_null(int index, std::string_view text) {
    if (text.empty()) bind(index, std::nullopt);
    else bind(index, text);
  }

  Result<bool> step();  // true: a row is ready to read; false: done
  Result<void> run();   // step() to the end, for statements that return no rows
  void reset() {
    sqlite3_reset(get());
    pending_.reset();
  }  // bindings stay

  bool column_is_null(int column) const;
  std::int64_t column_int64(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;  // "" for NULL
  std::string column_blob(int column) const;  // "" for NULL
  std::optional<std::int64_t> column_opt_int64(int column) const;
  std::optional<double> column_opt_double(int column) const;

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* get() const { return stmt_.get(); }
  void check(int rc);

  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
  sqlite3* db_;
  std::optional<Error> pending_;
};

// Runs SQL text that the program owns (migrations, pragmas). Never user input.
Result<void> exec(const Db& db, const char* sql);

// BEGIN IMMEDIATE on creation (takes the write lock before any work, so a
// busy store fails up front); ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> begin(const Db& db);
  Result<void> commit();
  ~Transaction();
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;  // null once committed or moved from
};

}  // namespace hg::store
