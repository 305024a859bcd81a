// sql_scalar: one value read straight from a store with SQLite, bypassing hg, for checking
// what a run left behind ("PRAGMA integrity_check", row counts).
#pragma once

#include <filesystem>
#include <string>

namespace hg::testing {

// The first column of the first row of `sql` on `db` as text ("" for no row or NULL). Waits
// up to 5 s for a writer in the background. A statement that does not prepare fails the test.
std::string sql_scalar(const std::filesystem::path& db, const std::string& sql);

}  // namespace hg::testing
