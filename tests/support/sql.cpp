#include "support/sql.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>

namespace hg::testing {

std::string sql_scalar(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(handle, 5000);  // hg may be writing in the background
  sqlite3_stmt* stmt = nullptr;
  const int prepared = sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr);
  INFO(sql << ": " << sqlite3_errmsg(handle));
  if (prepared != SQLITE_OK) sqlite3_close(handle);
  REQUIRE(prepared == SQLITE_OK);
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return value;
}

}  // namespace hg::testing
